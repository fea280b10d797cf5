#!/usr/bin/env node
// Part of `npm run build`: validates (zod) and compiles the built-in lexicons once, and writes them
// to dist/lexicons.compiled.json with a fingerprint of the lexicon files, so that start-up loads
// them without re-parsing and re-stemming every phrase. An invalid lexicon fails the build.
import { writeFileSync } from 'node:fs';
import { loadLexiconSet } from '../dist/node/lexicons.js';
import { BUILTIN_DIR, PRECOMPILED } from '../dist/node/paths.js';
import { compileLexicons } from '../dist/core/lexicon/compile.js';
import { serializeLexicons } from '../dist/core/lexicon/serialize.js';
import { lexiconFingerprint } from '../dist/node/precompiled.js';

try {
  const compiled = compileLexicons(loadLexiconSet([BUILTIN_DIR]));
  writeFileSync(PRECOMPILED, JSON.stringify({ ...serializeLexicons(compiled), fingerprint: lexiconFingerprint(BUILTIN_DIR) }));
} catch (e) {
  console.error(`build-lexicons: ${e.message}`);
  process.exit(1);
}
