/** A scan worker: compiles the lexicons once, then reads and classifies the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLexicons, ScamscanError, type CompiledLexicons } from '../index.js';
import { runTask, type Task, type TaskSettings } from './task.js';

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
  port.on('message', (task: Task) => runTask(task, settings, lex, (out) => port.postMessage(out)));
  // Only now may a crash be blamed on a file rather than on the setup.
  port.postMessage({ ready: true } satisfies WorkerStatus);
}
