#!/usr/bin/env node
// Part of `npm run build`: validates (zod) and compiles the built-in lexicons once, and writes them
// to dist/lexicons.compiled.json with a fingerprint of the lexicon files, so that start-up loads
// them without re-parsing and re-stemming every phrase. An invalid lexicon fails the build.
import { writeFileSync } from 'node:fs';
import { BUILTIN_DIR, compileLexicons } from '../dist/index.js';
// Build-time internals the library has no business exporting: the raw lexicon loader, where the
// precompiled file goes, its serialized form and the fingerprint that tells when it is stale.
import { loadLexiconSet } from '../dist/node/lexicons.js';
import { PRECOMPILED } from '../dist/node/paths.js';
import { serializeLexicons } from '../dist/core/lexicon/serialize.js';
import { lexiconFingerprint } from '../dist/node/precompiled.js';

try {
  const compiled = compileLexicons(loadLexiconSet([BUILTIN_DIR]));
  writeFileSync(PRECOMPILED, JSON.stringify({ ...serializeLexicons(compiled), fingerprint: lexiconFingerprint(BUILTIN_DIR) }));
} catch (e) {
  console.error(`build-lexicons: ${e.message}`);
  process.exit(1);
}
