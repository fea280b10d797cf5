/** The library API: pure functions, text in, result out. */
import { compileLexicons, type CompiledLexicons } from './lexicon/compile.js';
import { loadLexiconSet, BUILTIN_DIR } from './lexicon/load.js';
import { classifyTranscript, classifyText as classifyWith, type ClassifyOptions } from './classify.js';
import { parseTranscript } from './transcript/index.js';
import type { Result } from './types.js';

export type * from './types.js';
export type { ClassifyOptions } from './classify.js';
export type { CompiledLexicons, LexiconSet } from './lexicon/compile.js';
export { ScamscanError } from './errors.js';
export { compileLexicons, BUILTIN_DIR, classifyTranscript, parseTranscript };

const compiled = new Map<string, CompiledLexicons>();

/** Loads, validates and compiles the built-in lexicons plus extra folders; cached per list of folders. */
export function loadLexicons(extraDirs: string[] = []): CompiledLexicons {
  const key = extraDirs.join('\0');
  let lex = compiled.get(key);
  if (!lex) {
    lex = compileLexicons(loadLexiconSet([BUILTIN_DIR, ...extraDirs]));
    compiled.set(key, lex);
  }
  return lex;
}

/** Classifies transcript text with the built-in lexicons (or the given ones). */
export function classifyText(text: string, options: ClassifyOptions = {}, lexicons: CompiledLexicons = loadLexicons()): Result {
  return classifyWith(text, lexicons, options);
}

/** Classifies the bytes of a transcript file (any supported encoding). */
export function classifyBytes(bytes: Uint8Array, options: ClassifyOptions = {}, lexicons: CompiledLexicons = loadLexicons()): Result {
  const { transcript, encoding } = parseTranscript(bytes, options.file, options.inputFormat ? { inputFormat: options.inputFormat } : {});
  return classifyTranscript(transcript, lexicons, { ...options, encoding });
}
