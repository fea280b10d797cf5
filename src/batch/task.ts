import { classifyBytes, classifyText, prepareLexicons, type Options } from '../node/classify.js';
import type { ClassifyOptions } from '../core/call/classify.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { explainBytes, explainText } from '../core/call/view.js';
import type { ExplainView } from '../core/call/view.js';
import { reportEntry } from '../report/html/entry.js';
import type { Adjustments } from '../core/call/adjust.js';
import { getHeapStatistics } from 'node:v8';
import { ScamscanError } from '../errors.js';
import { readInputFile } from '../node/read.js';
import { decode } from '../core/transcript/decode.js';
import type { Language } from '../types.js';
import { datasetReader } from './inputs.js';
import { isError, toRecord, type ScanRecord } from '../report/record.js';

/** How every input of a scan is read and classified; the same in every worker. Adjustments come from the config. */
export interface TaskSettings extends Adjustments {
  /** Extra lexicon folders (after the built-in ones). */
  lexicons: string[];
  language?: Language;
  /** A reader name (see INPUT_FORMATS) or `auto`. */
  inputFormat?: string;
  textColumn?: string;
  idColumn?: string;
  maxBytes: number;
  /** Whether records carry the serialized full result (ndjson and json formats). */
  withJson: boolean;
  /** Whether records carry the full result (the library's scan()). */
  withResult?: boolean;
  /** Whether records carry their row and detail for the HTML report (`scan --report`). */
  withReport?: boolean;
  /** Seconds one input (a file, a data set row) may take before it becomes an error record (default TIME_LIMIT). */
  timeLimit?: number;
  /** Megabytes of heap one input may grow to before it becomes an error record (default: MEMORY_LIMIT or 60% of the heap, the lower). */
  memoryLimit?: number;
}

/** Default per-input limits: far above what a 50 MB call needs, so only a pathological input meets them. */
export const TIME_LIMIT = 60;
export const MEMORY_LIMIT = 1_536;

/**
 * The check (see ClassifyOptions.check) that stops one input past its time limit, or when the heap
 * passes the memory limit (looked at every 256 utterances), with an error naming the limit.
 */
function limits(settings: TaskSettings): () => void {
  const seconds = settings.timeLimit ?? TIME_LIMIT;
  const deadline = performance.now() + seconds * 1000;
  heapLimitMb ??= getHeapStatistics().heap_size_limit / MB;
  const heapMb = settings.memoryLimit ?? Math.min(MEMORY_LIMIT, heapLimitMb * 0.6);
  let n = 0;
  return () => {
    if (performance.now() > deadline) throw new ScamscanError(`over the time limit of ${seconds} s per file (--time-limit)`);
    if ((++n & 255) === 0 && process.memoryUsage().heapUsed > heapMb * MB)
      throw new ScamscanError(`over the memory limit of ${Math.round(heapMb)} MB per file (too much evidence to hold)`);
  };
}
const MB = 1024 * 1024;
/** This thread's heap limit in MB, looked up once. */
let heapLimitMb: number | undefined;

/** One file to scan, by its position in the sorted list; `error` when the walk already failed on it. */
export interface Task {
  index: number;
  path: string;
  error?: string;
  /** The file's content, when it was read before the task was handed out (see `preload`). */
  bytes?: Uint8Array;
}

/** Records of a task; a data set sends several, the last with `done`. */
export interface TaskOutput {
  index: number;
  records: ScanRecord[];
  done: boolean;
  bytes: number;
}

/** How long a scan waits for data from a FIFO or device named on the command line (ms). */
const STREAM_PATIENCE = 10_000;

/** Data set rows go out in chunks so a big data set streams instead of piling up. */
const ROW_CHUNK = 256;

/**
 * A record with its report entry: the file is read once through the explained view (result,
 * transcript and running score), with the same prepared lexicons and filter as classify.
 */
function reportRecord(
  lexicons: CompiledLexicons,
  options: Options,
  settings: TaskSettings,
  explain: (lex: CompiledLexicons, o: ClassifyOptions) => ExplainView,
): ScanRecord {
  const { lexicons: lex, filter } = prepareLexicons(options, lexicons);
  const view = explain(lex, { ...options, ...(filter ? { filter } : {}) });
  const record = toRecord(view.result, settings.withJson, settings.withResult);
  if (!isError(record)) record.report = reportEntry(view);
  return record;
}

const problem = (e: unknown) => (e instanceof ScamscanError ? e.problem : `unexpected error: ${(e as Error)?.message ?? String(e)}`);

/**
 * The task with its file read (or the reason it cannot be): worker threads are handed files read by
 * the main thread, which is otherwise idle, since reads from several threads at once slow each other.
 */
export function preload(task: Task, settings: TaskSettings): Task {
  if (task.error !== undefined || task.bytes !== undefined) return task;
  try {
    // A FIFO named on the command line is opened without blocking: one with no writer reads as empty.
    return { ...task, bytes: readInputFile(task.path, settings.maxBytes, { patience: STREAM_PATIENCE }) };
  } catch (e) {
    return { ...task, error: problem(e) };
  }
}

/** Reads and classifies one file (or every row of a data set). Never throws: failures are error records. */
export function runTask(task: Task, settings: TaskSettings, lexicons: CompiledLexicons, emit: (out: TaskOutput) => void): void {
  for (const out of taskSteps(task, settings, lexicons)) if (out) emit(out);
}

/**
 * runTask a step at a time: an output, or null after each data set row, so the main thread, which
 * also hears Ctrl-C and SIGTERM, gets control back between rows, not only at the end of a data set.
 */
export function* taskSteps(task: Task, settings: TaskSettings, lexicons: CompiledLexicons): Generator<TaskOutput | null, void, undefined> {
  const { index, path } = task;
  const loaded = preload(task, settings);
  if (loaded.error !== undefined) return yield { index, records: [{ file: path, error: loaded.error }], done: true, bytes: 0 };
  const bytes = loaded.bytes!;
  const { thresholds, disable, allow } = settings;
  const options = { file: path, thresholds, disable, allow, ...(settings.language ? { language: settings.language } : {}) };
  const rowsOf = datasetReader(path);
  if (!rowsOf) {
    let record: ScanRecord;
    try {
      const inputFormat = settings.inputFormat ? { inputFormat: settings.inputFormat } : {};
      const opts = { ...options, ...inputFormat, check: limits(settings) };
      record = settings.withReport
        ? reportRecord(lexicons, opts, settings, (lex, o) => explainBytes(bytes, lex, o))
        : toRecord(classifyBytes(bytes, opts, lexicons), settings.withJson, settings.withResult);
    } catch (e) {
      record = { file: path, error: problem(e) };
    }
    return yield { index, records: [record], done: true, bytes: bytes.length };
  }
  let rows;
  try {
    rows = rowsOf(decode(bytes, path).text, path, settings);
  } catch (e) {
    return yield { index, records: [{ file: path, error: problem(e) }], done: true, bytes: bytes.length };
  }
  if (rows.length === 0) return yield { index, records: [{ file: path, error: 'data set has no rows' }], done: true, bytes: bytes.length };
  let chunk: ScanRecord[] = [];
  for (const row of rows) {
    try {
      if (row.error !== undefined) throw new ScamscanError(row.error); // a row that could not be read: its own error record
      const opts = { ...options, file: row.name, check: limits(settings) };
      chunk.push(
        settings.withReport
          ? reportRecord(lexicons, opts, settings, (lex, o) => explainText(row.text, lex, o))
          : toRecord(classifyText(row.text, opts, lexicons), settings.withJson, settings.withResult),
      );
    } catch (e) {
      chunk.push({ file: row.name, error: problem(e) });
    }
    yield null;
    if (chunk.length === ROW_CHUNK) {
      yield { index, records: chunk, done: false, bytes: 0 };
      chunk = [];
    }
  }
  yield { index, records: chunk, done: true, bytes: bytes.length };
}
