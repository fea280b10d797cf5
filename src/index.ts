/** The library API: pure functions where possible (text in, result out), no process exit, no console. */
import { statSync } from 'node:fs';
import { compileLexicons, type CompiledLexicons } from './core/lexicon/compile.js';
import { loadLexiconSet, BUILTIN_DIR } from './node/lexicons.js';
import { loadPrecompiled } from './node/precompiled.js';
import { classifyTranscript, classifyText as classifyWith, type ClassifyOptions } from './core/call/classify.js';
import { parseTranscript } from './core/transcript/index.js';
import { adjustLexicons, hasAdjustments, type Adjusted, type Adjustments } from './core/call/adjust.js';
import { findConfig } from './node/config/find.js';
import { readConfig } from './node/config/read.js';
import { adjustmentsOf, resolveConfig } from './node/config/resolve.js';
import { readInputFile } from './cli/io.js';
import type { Result } from './types.js';

export type * from './types.js';
export type { ClassifyOptions } from './core/call/classify.js';
export type { CompiledLexicons, LexiconSet } from './core/lexicon/compile.js';
export type { Adjustments, Thresholds } from './core/call/adjust.js';
export type { Config } from './node/config/schema.js';
export type { ScanItem, ScanOptions } from './batch/scanResults.js';
export { ScamscanError } from './errors.js';
import type { ScanItem, ScanOptions } from './batch/scanResults.js';

/**
 * Classifies every transcript under the paths, in path order (see README, Library API). The scan
 * machinery (walker, worker pool) is loaded on first use, so importing the library stays light.
 */
export async function* scan(paths: string[], options: ScanOptions = {}): AsyncGenerator<ScanItem, void, undefined> {
  const { scanResults } = await import('./batch/scanResults.js');
  yield* scanResults(paths, options);
}
export { compileLexicons, BUILTIN_DIR, classifyTranscript, parseTranscript };

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
  const { lexicons: lex, filter } = prepareLexicons(options, lexicons);
  return classifyWith(text, lex, { ...options, ...(filter ? { filter } : {}) });
}

/** Classifies the bytes of a transcript file (any supported encoding and format). */
export function classifyBytes(bytes: Uint8Array, options: Options = {}, lexicons?: CompiledLexicons): Result {
  const { lexicons: lex, filter } = prepareLexicons(options, lexicons);
  const { transcript, encoding } = parseTranscript(bytes, options.file, options.inputFormat ? { inputFormat: options.inputFormat } : {});
  return classifyTranscript(transcript, lex, { ...options, encoding, ...(filter ? { filter } : {}) });
}

/** Classifies one transcript file (its path; `file` in the result defaults to it) or its bytes. */
export function classify(pathOrBytes: string | Uint8Array, options: Options = {}, lexicons?: CompiledLexicons): Result {
  if (typeof pathOrBytes !== 'string') return classifyBytes(pathOrBytes, options, lexicons);
  const bytes = readInputFile(pathOrBytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return classifyBytes(bytes, { file: pathOrBytes, ...options }, lexicons);
}

/**
 * The options a config file gives: thresholds, language, lexicon folders (made absolute), disabled
 * entries, allow-list. `path` is the file, or a folder to search from upwards (default: the current
 * one); {} when none is found. Throws ScamscanError naming the file and key when it is invalid.
 */
export function loadConfig(path: string = process.cwd()): Options {
  const file = statSync(path, { throwIfNoEntry: false })?.isFile() ? path : findConfig(path);
  if (!file) return {};
  const effective = resolveConfig({ file, config: readConfig(file), flags: {}, command: '', formats: {} });
  const options: Options = { ...adjustmentsOf(effective) };
  if (effective.lexicons.value.length) options.lexicons = effective.lexicons.value;
  if (effective.language.value !== 'auto') options.language = effective.language.value;
  // Fail now, naming the config file, rather than at the first call classified.
  adjustLexicons(loadLexicons(options.lexicons), options, file);
  return options;
}
