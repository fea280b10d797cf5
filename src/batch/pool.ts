import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { ScamscanError } from '../errors.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { preload, runTask, type Task, type TaskOutput, type TaskSettings } from './task.js';
import type { WorkerStatus } from './worker.js';
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
}

/**
 * The compiled worker script (see node/paths.ts), or null when running from TypeScript sources
 * (under vitest), where the caller scans in the main thread instead.
 */
export function workerScript(): URL | null {
  return existsSync(fileURLToPath(WORKER_SCRIPT)) ? WORKER_SCRIPT : null;
}

/** Runs the tasks in the main thread, yielding now and then so a Ctrl-C and progress get through. */
export async function runInThread(tasks: Task[], settings: TaskSettings, lexicons: CompiledLexicons, opts: RunOptions): Promise<void> {
  let last = performance.now();
  for (const task of tasks) {
    if (opts.signal.aborted) return;
    runTask(task, settings, lexicons, opts.onOutput);
    if (performance.now() - last > 20) {
      await yieldToEvents();
      last = performance.now();
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
}

/**
 * Runs the tasks on `jobs` worker threads. Outputs come back in completion order. A worker that dies
 * turns its unfinished tasks into error records and is replaced; one that cannot load the lexicons,
 * or dies before it is ready, fails the whole run. Resolves when every task is done or on abort.
 */
export function runInWorkers(script: URL, tasks: Task[], settings: TaskSettings, jobs: number, opts: RunOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const slots: Slot[] = [];
    let sent = 0;
    let finished = 0;
    let settled = false;

    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      opts.signal.removeEventListener('abort', onAbort);
      for (const s of slots) s.alive = false;
      void Promise.allSettled(slots.map((s) => s.worker.terminate())).then(() => (error ? reject(error) : resolve()));
    };
    const onAbort = () => settle();

    const dispatch = () => {
      if (settled) return;
      if (finished === tasks.length) return settle();
      const limit = Math.min(tasks.length, opts.limit());
      while (sent < limit) {
        let best: Slot | undefined;
        for (const s of slots) {
          const room = s.inflight.size + BATCH <= PER_WORKER && (s.inflight.size === 0 || s.bytes < PER_WORKER_BYTES);
          if (s.alive && room && (!best || s.inflight.size < best.inflight.size)) best = s;
        }
        if (!best) return;
        const batch: Task[] = [];
        while (batch.length < BATCH && sent < limit && (batch.length === 0 || best.bytes < PER_WORKER_BYTES)) {
          const task = preload(tasks[sent++]!, settings);
          batch.push(task);
          best.inflight.add(task.index);
          best.bytes += task.bytes?.length ?? 0;
        }
        best.worker.postMessage(batch);
      }
    };

    const crash = (slot: Slot, error: Error) => {
      if (!slot.alive || settled) return;
      slot.alive = false;
      slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready) return settle(error);
      for (const index of slot.inflight) {
        finished++;
        opts.onOutput({ index, records: [{ file: tasks[index]!.path, error: `worker crashed: ${error.message}` }], done: true, bytes: 0 });
      }
      if (sent < tasks.length) start();
      dispatch();
    };

    const start = () => {
      const slot: Slot = {
        worker: new Worker(script, { workerData: settings, execArgv: WORKER_EXEC_ARGV }),
        inflight: new Set(),
        bytes: 0,
        ready: false,
        alive: true,
      };
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
            slot.bytes -= out.bytes;
            finished++;
          }
          opts.onOutput(out);
        }
        dispatch();
      });
      slot.worker.on('error', (e) => crash(slot, e));
      slot.worker.on('exit', (code) => crash(slot, new Error(`worker stopped (exit code ${code})`)));
      slots.push(slot);
    };

    if (opts.signal.aborted) return resolve();
    opts.signal.addEventListener('abort', onAbort);
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) start();
    dispatch();
  });
}
