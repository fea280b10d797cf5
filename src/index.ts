/** The library API: pure functions where possible (text in, result out), no process exit, no console. */
import { statSync } from 'node:fs';
import { compileLexicons } from './core/lexicon/compile.js';
import { BUILTIN_DIR } from './node/paths.js';
import { classifyTranscript } from './core/call/classify.js';
import { parseTranscript } from './core/transcript/index.js';
import { adjustLexicons } from './core/call/adjust.js';
import { findConfig } from './node/config/find.js';
import { readConfig } from './node/config/read.js';
import { adjustmentsOf, resolveConfig } from './node/config/resolve.js';
import { loadLexicons, prepareLexicons, type Options } from './node/classify.js';
import { LiveSession } from './live/session.js';
import type { AlertOn } from './live/watcher.js';

export type * from './types.js';
export type { ClassifyOptions } from './core/call/classify.js';
export type { CompiledLexicons, LexiconSet } from './core/lexicon/compile.js';
export type { Adjustments, Thresholds } from './core/call/adjust.js';
export type { Config } from './node/config/schema.js';
export type { ScanItem, ScanOptions } from './batch/scanResults.js';
export { ScamscanError } from './errors.js';
/** Reading labelled data as `scamscan eval` does: RFC 4180 CSV rows, and scam/legit labels. */
export { parseCsv, type CsvRow } from './core/transcript/csv.js';
export { parseLabel } from './batch/dataset.js';
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
export { classify, classifyBytes, classifyText, loadLexicons, prepareLexicons, type Options } from './node/classify.js';
export { LiveSession, type LiveEvent, type LiveDetail } from './live/session.js';
export type { WatchEvent, WatchOptions, AlertOn } from './live/watcher.js';

/**
 * A live call to feed line by line, as `scamscan watch` does: with the built-in lexicons plus
 * `options.lexicons`, and the options' thresholds, disabled entries and allow-list.
 */
export function liveSession(options: Options & { alertOn?: AlertOn } = {}): LiveSession {
  const { lexicons, filter } = prepareLexicons(options);
  return new LiveSession(lexicons, {
    ...(options.alertOn ? { alertOn: options.alertOn } : {}),
    ...(options.language ? { language: options.language } : {}),
    ...(options.file ? { file: options.file } : {}),
    ...(filter ? { filter } : {}),
  });
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
