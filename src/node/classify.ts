/**
 * Classifying in a Node process: the built-in lexicons (precompiled when possible) plus extra
 * folders, compiled once per list of folders and adjusted once per config; inputs read from files.
 * The library facade (src/index.ts) exports these; the batch workers use them directly.
 */
import { compileLexicons, type CompiledLexicons } from '../core/lexicon/compile.js';
import { classifyTranscript, classifyTranscriptText, type ClassifyOptions } from '../core/call/classify.js';
import { parseTranscript } from '../core/transcript/index.js';
import { adjustLexicons, hasAdjustments, type Adjusted, type Adjustments } from '../core/call/adjust.js';
import type { Result } from '../types.js';
import { loadLexiconSet } from './lexicons.js';
import { BUILTIN_DIR } from './paths.js';
import { loadPrecompiled } from './precompiled.js';
import { readInputFile } from './read.js';
import { checkOptions } from './options.js';
import { ScamscanError } from '../errors.js';

/** How to classify: the transcript's name and language, and what a config file can change. */
export interface Options extends Omit<ClassifyOptions, 'filter'>, Adjustments {
  /** Extra lexicon folders after the built-in ones (unused when compiled lexicons are passed). */
  lexicons?: string[];
  /** classify(path) refuses files larger than this many bytes (default 50 MB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const compiled = new Map<string, CompiledLexicons>();
const adjusted = new WeakMap<CompiledLexicons, Map<string, Adjusted>>();

/** Loads, validates and compiles the built-in lexicons plus extra folders; cached per list of folders. */
export function loadLexicons(extraDirs: string[] = []): CompiledLexicons {
  const key = extraDirs.join('\0');
  let lex = compiled.get(key);
  if (!lex) {
    lex = (extraDirs.length === 0 ? loadPrecompiled(BUILTIN_DIR) : null) ?? compileLexicons(loadLexiconSet([BUILTIN_DIR, ...extraDirs]));
    compiled.set(key, lex);
  }
  return lex;
}

/**
 * The lexicons and match filter for these options (thresholds, disabled entries, allow-list), made
 * once per lexicons and adjustments: a scan classifies many files with the same ones.
 */
export function prepareLexicons(options: Options = {}, lexicons?: CompiledLexicons): Adjusted {
  const base = lexicons ?? loadLexicons(options.lexicons ?? []);
  if (!hasAdjustments(options)) return { lexicons: base };
  const key = JSON.stringify([options.thresholds?.scam, options.thresholds?.suspicious, options.disable ?? [], options.allow ?? []]);
  let byKey = adjusted.get(base);
  if (!byKey) adjusted.set(base, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = adjustLexicons(base, options)));
  return result;
}

/** Classifies transcript text with the built-in lexicons (plus `options.lexicons`), or the given ones. */
export function classifyText(text: string, options: Options = {}, lexicons?: CompiledLexicons): Result {
  checkOptions(options);
  if (typeof text !== 'string') throw new ScamscanError('classifyText: expected the text as a string', options.file);
  // As the CLI says of an empty file: nothing to judge is not a clean call.
  if (text.trim() === '') throw new ScamscanError('empty input', options.file ?? '-');
  const { lexicons: lex, filter } = prepareLexicons(options, lexicons);
  return classifyTranscriptText(text, lex, { ...options, ...(filter ? { filter } : {}) });
}

/** Classifies the bytes of a transcript file (any supported encoding and format). */
export function classifyBytes(bytes: Uint8Array, options: Options = {}, lexicons?: CompiledLexicons): Result {
  checkOptions(options);
  const { lexicons: lex, filter } = prepareLexicons(options, lexicons);
  const { transcript, encoding } = parseTranscript(bytes, options.file, options.inputFormat ? { inputFormat: options.inputFormat } : {});
  return classifyTranscript(transcript, lex, { ...options, encoding, ...(filter ? { filter } : {}) });
}

/** Classifies one transcript file (its path; `file` in the result defaults to it) or its bytes. */
export function classify(pathOrBytes: string | Uint8Array, options: Options = {}, lexicons?: CompiledLexicons): Result {
  checkOptions(options);
  if (typeof pathOrBytes !== 'string') return classifyBytes(pathOrBytes, options, lexicons);
  const bytes = readInputFile(pathOrBytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return classifyBytes(bytes, { file: pathOrBytes, ...options }, lexicons);
}
