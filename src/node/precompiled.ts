import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { jsonFiles } from './lexicons.js';
import { PRECOMPILED } from './paths.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { deserializeLexicons, type SerializedLexicons } from '../core/lexicon/serialize.js';

/** Names, sizes and modification times of the lexicon files: a precompiled copy is used only while they match. */
export function lexiconFingerprint(dir: string): string {
  return jsonFiles(dir)
    .map((file) => {
      const st = statSync(file);
      return `${relative(dir, file)}:${st.size}:${Math.round(st.mtimeMs)}`;
    })
    .join('\n');
}

/**
 * The built-in lexicons as compiled at build time, or null when there is no precompiled copy or
 * the lexicon files changed since (then the caller validates and compiles them afresh).
 */
export function loadPrecompiled(dir: string, file = PRECOMPILED): CompiledLexicons | null {
  let data: SerializedLexicons & { fingerprint: string };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as SerializedLexicons & { fingerprint: string };
  } catch {
    return null;
  }
  if (data.version !== 2 || data.fingerprint !== lexiconFingerprint(dir)) return null;
  return deserializeLexicons(data);
}
