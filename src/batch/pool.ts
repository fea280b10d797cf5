import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { ScamscanError } from '../errors.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { preload, taskSteps, TIME_LIMIT, type Task, type TaskOutput, type TaskSettings } from './task.js';
import type { WorkerData, WorkerStatus } from './worker.js';
import { WORKER_SCRIPT } from '../node/paths.js';

/** Node flags for workers: the parent's, less `--input-type` (a library user's `node -e` script), which a worker file refuses. */
const WORKER_EXEC_ARGV = process.execArgv.filter((a) => !a.startsWith('--input-type'));

/** Tasks sent ahead to each worker, so it never waits for the next one. */
const PER_WORKER = 32;
/** Tasks per message: a message between threads costs about as much as classifying a small file. */
const BATCH = 8;
/**
 * Bytes of files read ahead for one worker: the main thread reads them, so without this bound a
 * batch of big files (each up to --max-size) would all sit in memory at once. A worker with nothing
 * in flight is always given at least one file.
 */
const PER_WORKER_BYTES = 16 * 1024 * 1024;

export interface RunOptions {
  signal: AbortSignal;
  /** Tasks from this index on must wait (bounds what the reorder buffer may hold). */
  limit(): number;
  onOutput(out: TaskOutput): void;
  /** Heap of each worker in MB (default WORKER_HEAP_MB). */
  heapMb?: number;
}

/**
 * The compiled worker script (see node/paths.ts), or null when running from TypeScript sources
 * (under vitest), where the caller scans in the main thread instead.
 */
export function workerScript(): URL | null {
  return existsSync(fileURLToPath(WORKER_SCRIPT)) ? WORKER_SCRIPT : null;
}

/**
 * Runs the tasks in the main thread, yielding now and then so a Ctrl-C and progress get through:
 * between files, and between a data set's rows. A data set stopped midway sends what it has.
 */
export async function runInThread(tasks: Task[], settings: TaskSettings, lexicons: CompiledLexicons, opts: RunOptions): Promise<void> {
  let last = performance.now();
  for (const task of tasks) {
    if (opts.signal.aborted) return;
    for (const out of taskSteps(task, settings, lexicons)) {
      if (out) opts.onOutput(out);
      if (performance.now() - last > 20) {
        await yieldToEvents();
        last = performance.now();
        if (opts.signal.aborted) return;
      }
    }
  }
}

interface Slot {
  worker: Worker;
  inflight: Set<number>;
  /** Bytes of the files in flight. */
  bytes: number;
  ready: boolean;
  alive: boolean;
  /** The task the worker is on (-1: none) and since when (Date.now()), written by the worker. */
  current: Int32Array;
  started: Float64Array;
  /** Why the pool stopped it (a task over the time limit), to say in the error record. */
  stopped?: string;
}

/** Heap of one worker (MB): a pathological file makes that worker die, not the scan (see TaskSettings.memoryLimit). */
export const WORKER_HEAP_MB = 2_048;
/** How often the watchdog looks for a worker stuck on one task past the time limit (ms). */
const WATCHDOG_MS = 1_000;

/** A worker's death in words: out of memory, or its exit code. */
function deathOf(error: Error, heapMb: number): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return `out of memory (over the ${heapMb} MB heap of a worker)`;
  return `worker crashed: ${error.message}`;
}

/**
 * Runs the tasks on `jobs` worker threads, each with a bounded heap. Outputs come back in
 * completion order. A worker that dies (out of memory) or is stopped (stuck on one task past the
 * time limit, which the task's own check did not catch) is replaced: the task it was on becomes an
 * error record naming the cause, and the others it held go to another worker (a data set that had
 * already sent rows says that the rest are missing). One that cannot load the lexicons, or dies
 * before it is ready, fails the whole run. Resolves when every task is done or on abort.
 */
export function runInWorkers(script: URL, tasks: Task[], settings: TaskSettings, jobs: number, opts: RunOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const slots: Slot[] = [];
    let sent = 0;
    let finished = 0;
    let settled = false;
    /** Tasks handed back by a worker that died, sent again before new ones. */
    const retry: number[] = [];
    /** Data sets that sent rows already (said in their error record). */
    const partial = new Set<number>();
    const limitMs = (settings.timeLimit ?? TIME_LIMIT) * 1000;
    const heapMb = opts.heapMb ?? WORKER_HEAP_MB;

    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      opts.signal.removeEventListener('abort', onAbort);
      for (const s of slots) s.alive = false;
      void Promise.allSettled(slots.map((s) => s.worker.terminate())).then(() => (error ? reject(error) : resolve()));
    };
    const onAbort = () => settle();

    const dispatch = () => {
      if (settled) return;
      if (finished === tasks.length) return settle();
      const limit = Math.min(tasks.length, opts.limit());
      while (retry.length || sent < limit) {
        let best: Slot | undefined;
        for (const s of slots) {
          const room = s.inflight.size + BATCH <= PER_WORKER && (s.inflight.size === 0 || s.bytes < PER_WORKER_BYTES);
          if (s.alive && room && (!best || s.inflight.size < best.inflight.size)) best = s;
        }
        if (!best) return;
        const batch: Task[] = [];
        while (batch.length < BATCH && (retry.length || sent < limit) && (batch.length === 0 || best.bytes < PER_WORKER_BYTES)) {
          const task = preload(tasks[retry.length ? retry.shift()! : sent++]!, settings);
          batch.push(task);
          best.inflight.add(task.index);
          best.bytes += task.bytes?.length ?? 0;
        }
        best.worker.postMessage(batch);
      }
    };

    const fail = (index: number, error: string) => {
      finished++;
      opts.onOutput({ index, records: [{ file: tasks[index]!.path, error }], done: true, bytes: 0 });
    };

    const crash = (slot: Slot, error: Error) => {
      if (!slot.alive || settled) return;
      slot.alive = false;
      slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready) return settle(error);
      // The task it was on is the cause; the others it held go to another worker. Stopped between
      // tasks (posting results), it names none: then each task it held is an error.
      const culprit = Atomics.load(slot.current, 0);
      const cause = slot.stopped ?? deathOf(error, heapMb);
      for (const index of slot.inflight) {
        if (index === culprit || culprit < 0) fail(index, partial.has(index) ? `${cause}; rows after those written are missing` : cause);
        else retry.push(index);
      }
      retry.sort((a, b) => a - b);
      if (retry.length || sent < tasks.length) start();
      dispatch();
    };

    const start = () => {
      const current = new SharedArrayBuffer(16);
      const slot: Slot = {
        worker: new Worker(script, {
          workerData: { settings, current } satisfies WorkerData,
          execArgv: WORKER_EXEC_ARGV,
          resourceLimits: { maxOldGenerationSizeMb: heapMb },
        }),
        inflight: new Set(),
        bytes: 0,
        ready: false,
        alive: true,
        current: new Int32Array(current, 0, 1),
        started: new Float64Array(current, 8, 1),
      };
      slot.current[0] = -1;
      slot.worker.on('message', (msg: TaskOutput[] | WorkerStatus) => {
        if (settled) return;
        if ('ready' in msg) {
          slot.ready = true;
          return;
        }
        if ('fatal' in msg) return settle(new ScamscanError(msg.fatal.problem, msg.fatal.file));
        for (const out of msg) {
          if (out.done) {
            slot.inflight.delete(out.index);
            partial.delete(out.index);
            slot.bytes -= out.bytes;
            finished++;
          } else partial.add(out.index);
          opts.onOutput(out);
        }
        dispatch();
      });
      slot.worker.on('error', (e) => crash(slot, e));
      slot.worker.on('exit', (code) => crash(slot, new Error(`worker stopped (exit code ${code})`)));
      slots.push(slot);
    };

    // A task's own check stops it past the time limit; this catches one stuck where no check runs.
    const watchdog = setInterval(() => {
      for (const slot of slots) {
        const index = Atomics.load(slot.current, 0);
        if (!slot.alive || index < 0 || slot.stopped || Date.now() - slot.started[0]! < 2 * limitMs) continue;
        slot.stopped = `over the time limit of ${limitMs / 1000} s per file (--time-limit)`;
        void slot.worker.terminate();
      }
    }, WATCHDOG_MS);
    watchdog.unref();

    if (opts.signal.aborted) return settle();
    opts.signal.addEventListener('abort', onAbort);
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) start();
    dispatch();
  });
}
