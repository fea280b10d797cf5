/** A scan worker: compiles the lexicons once, then reads and classifies the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { ScamscanError } from '../errors.js';
import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { loadLexicons } from '../node/classify.js';
import { runTask, type Task, type TaskOutput, type TaskSettings } from './task.js';

/** What a worker says before any task output: ready, or why it cannot work (bad lexicons). */
export type WorkerStatus = { ready: true } | { fatal: { problem: string; file?: string } };

const port = parentPort!;
const settings = workerData as TaskSettings;
let lexicons: CompiledLexicons | undefined;
try {
  lexicons = loadLexicons(settings.lexicons);
} catch (e) {
  const fatal = e instanceof ScamscanError ? { problem: e.problem, ...(e.file ? { file: e.file } : {}) } : { problem: String((e as Error).message) };
  port.postMessage({ fatal } satisfies WorkerStatus);
}
if (lexicons) {
  const lex = lexicons;
  // Tasks come in batches and their outputs go back in one message per batch (a message costs more
  // than classifying a small file); a data set's partial chunks go at once, so it streams.
  port.on('message', (tasks: Task[]) => {
    const outputs: TaskOutput[] = [];
    for (const task of tasks) runTask(task, settings, lex, (out) => (out.done ? outputs.push(out) : port.postMessage([out])));
    port.postMessage(outputs);
  });
  // Only now may a crash be blamed on a file rather than on the setup.
  port.postMessage({ ready: true } satisfies WorkerStatus);
}
