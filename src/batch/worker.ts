/** A scan worker: compiles the lexicons once, then reads and classifies the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLexicons } from '../index.js';
import { runTask, type Task, type TaskSettings } from './task.js';

const port = parentPort!;
const settings = workerData as TaskSettings;
const lexicons = loadLexicons(settings.lexicons);
port.on('message', (task: Task) => runTask(task, settings, lexicons, (out) => port.postMessage(out)));
// Only now may a crash be blamed on a file rather than on the setup.
port.postMessage({ ready: true });
