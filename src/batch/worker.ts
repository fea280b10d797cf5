/** A scan worker: compiles the lexicons once, then reads and classifies the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { ScamscanError } from '../errors.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { loadLexicons } from '../node/classify.js';
import { runTask, type Task, type TaskOutput, type TaskSettings } from './task.js';

/** What a worker says before any task output: ready, or why it cannot work (bad lexicons). */
export type WorkerStatus = { ready: true } | { fatal: { problem: string; file?: string } };

/**
 * What a worker is started with: the settings, and shared memory where it says which task it is on
 * (its index as an Int32 at byte 0, -1 between batches) and since when (Date.now(), a Float64 at
 * byte 8), so that when it dies or overruns, the pool knows which file to blame and which to hand
 * to another worker.
 */
export interface WorkerData {
  settings: TaskSettings;
  current: SharedArrayBuffer;
}

const port = parentPort!;
const { settings, current } = workerData as WorkerData;
let lexicons: CompiledLexicons | undefined;
try {
  lexicons = loadLexicons(settings.lexicons);
} catch (e) {
  const fatal = e instanceof ScamscanError ? { problem: e.problem, ...(e.file ? { file: e.file } : {}) } : { problem: String((e as Error).message) };
  port.postMessage({ fatal } satisfies WorkerStatus);
}
if (lexicons) {
  const lex = lexicons;
  const index = new Int32Array(current, 0, 1);
  const started = new Float64Array(current, 8, 1);
  // Tasks come in batches and their outputs go back in one message per batch (a message costs more
  // than classifying a small file); a data set's partial chunks go at once, so it streams.
  port.on('message', (tasks: Task[]) => {
    const outputs: TaskOutput[] = [];
    for (const task of tasks) {
      started[0] = Date.now();
      Atomics.store(index, 0, task.index);
      runTask(task, settings, lex, (out) => (out.done ? outputs.push(out) : port.postMessage([out])));
    }
    Atomics.store(index, 0, -1);
    port.postMessage(outputs);
  });
  // Only now may a crash be blamed on a file rather than on the setup.
  port.postMessage({ ready: true } satisfies WorkerStatus);
}
