import { classifyBytes, classifyText, prepareLexicons, type Options } from '../node/classify.js';
import type { ClassifyOptions } from '../core/call/classify.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { explainBytes, explainText } from '../core/call/view.js';
import type { ExplainView } from '../core/call/view.js';
import { reportEntry } from '../report/html/entry.js';
import type { Adjustments } from '../core/call/adjust.js';
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
}

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
    return { ...task, bytes: readInputFile(task.path, settings.maxBytes) };
  } catch (e) {
    return { ...task, error: problem(e) };
  }
}

/** Reads and classifies one file (or every row of a data set). Never throws: failures are error records. */
export function runTask(task: Task, settings: TaskSettings, lexicons: CompiledLexicons, emit: (out: TaskOutput) => void): void {
  const { index, path } = task;
  const loaded = preload(task, settings);
  if (loaded.error !== undefined) return emit({ index, records: [{ file: path, error: loaded.error }], done: true, bytes: 0 });
  const bytes = loaded.bytes!;
  const { thresholds, disable, allow } = settings;
  const options = { file: path, thresholds, disable, allow, ...(settings.language ? { language: settings.language } : {}) };
  const rowsOf = datasetReader(path);
  if (!rowsOf) {
    let record: ScanRecord;
    try {
      const inputFormat = settings.inputFormat ? { inputFormat: settings.inputFormat } : {};
      const opts = { ...options, ...inputFormat };
      record = settings.withReport
        ? reportRecord(lexicons, opts, settings, (lex, o) => explainBytes(bytes, lex, o))
        : toRecord(classifyBytes(bytes, opts, lexicons), settings.withJson, settings.withResult);
    } catch (e) {
      record = { file: path, error: problem(e) };
    }
    return emit({ index, records: [record], done: true, bytes: bytes.length });
  }
  let rows;
  try {
    rows = rowsOf(decode(bytes, path).text, path, settings);
  } catch (e) {
    return emit({ index, records: [{ file: path, error: problem(e) }], done: true, bytes: bytes.length });
  }
  if (rows.length === 0) return emit({ index, records: [{ file: path, error: 'data set has no rows' }], done: true, bytes: bytes.length });
  let chunk: ScanRecord[] = [];
  for (const row of rows) {
    try {
      if (row.error !== undefined) throw new ScamscanError(row.error); // a row that could not be read: its own error record
      const opts = { ...options, file: row.name };
      chunk.push(
        settings.withReport
          ? reportRecord(lexicons, opts, settings, (lex, o) => explainText(row.text, lex, o))
          : toRecord(classifyText(row.text, opts, lexicons), settings.withJson, settings.withResult),
      );
    } catch (e) {
      chunk.push({ file: row.name, error: problem(e) });
    }
    if (chunk.length === ROW_CHUNK) {
      emit({ index, records: chunk, done: false, bytes: 0 });
      chunk = [];
    }
  }
  emit({ index, records: chunk, done: true, bytes: bytes.length });
}
