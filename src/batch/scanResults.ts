import { availableParallelism } from 'node:os';
import { prepareLexicons, type Options } from '../node/classify.js';
import type { Result } from '../types.js';
import { isError, type ScanRecord } from '../report/record.js';
import { scanEntries } from './scan.js';
import { walkEntries, type WalkOptions } from './walk.js';

export interface ScanOptions extends Omit<Options, 'file' | 'encoding'>, Pick<WalkOptions, 'include' | 'exclude' | 'followSymlinks' | 'onNote'> {
  /** Data sets (.csv, .jsonl): the column holding the transcript, and the one naming each row. */
  textColumn?: string;
  idColumn?: string;
  /** Worker threads for big batches (default: the number of CPUs; 1: all in this thread). */
  jobs?: number;
  /** Honour .scamscanignore files in folders (default true, as the CLI does). */
  ignoreFiles?: boolean;
  /** Stops the scan; what is done so far has been yielded. */
  signal?: AbortSignal;
}

/** A file or data set row that could not be classified. */
export interface ScanError {
  file: string;
  error: string;
}

export type ScanItem = Result | ScanError;

const itemOf = (r: ScanRecord): ScanItem => (isError(r) ? { file: r.file, error: r.error } : r.result!);

/**
 * Classifies every transcript under the paths, as `scamscan scan` does (same walk, worker pool and
 * per-file error isolation), yielding results and errors in path order. A consumer slower than the
 * scan gets results buffered; breaking out of the loop stops the scan.
 */
export async function* scanResults(paths: string[], options: ScanOptions = {}): AsyncGenerator<ScanItem, void, undefined> {
  // Bad lexicons or adjustments fail here, once, rather than as an error on every file.
  prepareLexicons(options);
  const { include, exclude, followSymlinks, onNote, ignoreFiles = true } = options;
  const entries = walkEntries(paths, { include, exclude, followSymlinks, onNote, ignoreFiles });
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', stop);

  let queue: ScanItem[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let failure = null as { error: unknown } | null; // `as`: set in a callback, so TypeScript must not narrow it to null
  const settings = {
    lexicons: options.lexicons ?? [],
    ...(options.language ? { language: options.language } : {}),
    ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
    ...(options.textColumn !== undefined ? { textColumn: options.textColumn } : {}),
    ...(options.idColumn !== undefined ? { idColumn: options.idColumn } : {}),
    thresholds: options.thresholds,
    disable: options.disable,
    allow: options.allow,
    maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
    withJson: false,
    withResult: true,
  };
  const write = (records: ScanRecord[]) => {
    for (const r of records) queue.push(itemOf(r));
    wake?.();
  };
  const done = () => {
    finished = true;
    wake?.();
  };
  const running = scanEntries(entries, settings, {
    jobs: options.jobs ?? availableParallelism(),
    forced: options.jobs !== undefined,
    signal: controller.signal,
    write,
  }).then(done, (e: unknown) => {
    failure = { error: e };
    done();
  });
  try {
    for (;;) {
      if (queue.length) {
        const batch = queue;
        queue = [];
        yield* batch;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (failure) throw failure.error;
  } finally {
    controller.abort();
    await running;
    options.signal?.removeEventListener('abort', stop);
  }
}
