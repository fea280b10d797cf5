import { loadLexicons } from '../node/classify.js';
import { runInThread, runInWorkers, workerScript } from './pool.js';
import type { ScanOutcome, ScanRecord } from '../report/record.js';
import { ReorderBuffer } from './reorder.js';
import type { Task, TaskOutput, TaskSettings } from './task.js';
import type { WalkEntry } from './walk.js';

/**
 * Worker threads take a few hundred milliseconds of CPU each to start, load the lexicons and warm up
 * (the JIT, the per-word caches): by default they are used past this much work only, and one core is
 * left to the main thread, which reads the files and orders and writes the results. On a 2-core
 * machine two workers never paid (5,000 files of 5 KB: 0.98x one thread, with half again the CPU), so
 * by default a machine needs 3 cores for workers.
 */
export const WORKER_MIN_FILES = 2_000;
export const WORKER_MIN_BYTES = 10 * 1024 * 1024;

export interface ScanRun {
  jobs: number;
  /** The jobs were asked for (`--jobs`): used whatever the size of the batch. */
  forced?: boolean;
  signal: AbortSignal;
  /** Records in input order (files sorted by path, data set rows in row order). */
  write(records: ScanRecord[]): void;
  /** Every output as it completes, in any order: for progress. */
  progress?(out: TaskOutput): void;
}

/**
 * A file this big is read in a worker even when the batch is small: the main thread, busy with one
 * file for seconds, could not hear Ctrl-C or SIGTERM; a worker is stopped at once.
 */
export const WORKER_BIG_FILE = 4 * 1024 * 1024;

/**
 * How many worker threads a batch deserves: none (the main thread) with `--jobs 1`, or when small
 * unless the jobs were asked for; one when a small batch holds a big file (WORKER_BIG_FILE).
 */
export function threadsFor(entries: WalkEntry[], jobs: number, forced = false): number {
  if (jobs <= 1 && forced) return 0;
  const oneForBig = entries.some((e) => e.size > WORKER_BIG_FILE) ? 1 : 0;
  if (jobs <= 1 || entries.length < 2) return oneForBig;
  if (forced) return Math.min(jobs, entries.length);
  const bytes = entries.reduce((n, e) => n + e.size, 0);
  if (entries.length <= WORKER_MIN_FILES && bytes <= WORKER_MIN_BYTES) return oneForBig;
  const workers = jobs - 1;
  return workers < 2 ? oneForBig : Math.min(workers, entries.length);
}

/**
 * Scans the walked files and writes their records in input order, whatever order they finish in.
 * At most `window` files are in flight or held back, so memory stays flat however many there are.
 */
export async function scanEntries(entries: WalkEntry[], settings: TaskSettings, run: ScanRun): Promise<ScanOutcome> {
  const tasks: Task[] = entries.map((e, index) => (e.error !== undefined ? { index, path: e.path, error: e.error } : { index, path: e.path }));
  const reorder = new ReorderBuffer<ScanRecord>(run.write);
  const script = workerScript();
  const threads = script ? threadsFor(entries, run.jobs, run.forced) : 0;
  const window = Math.max(1024, threads * 64);
  let done = 0;
  let bytes = 0;
  const onOutput = (out: TaskOutput) => {
    bytes += out.bytes;
    if (out.done) done++;
    run.progress?.(out);
    reorder.push(out.index, out.records, out.done);
  };
  const opts = { signal: run.signal, limit: () => reorder.head + window, onOutput };
  if (threads > 0) await runInWorkers(script!, tasks, settings, threads, opts);
  // Workers compile their own lexicons; the main thread only when it scans itself.
  else await runInThread(tasks, settings, loadLexicons(settings.lexicons), opts);
  const interrupted = done < tasks.length;
  if (interrupted) reorder.flushAll();
  return { files: tasks.length, done, bytes, threads, interrupted };
}
