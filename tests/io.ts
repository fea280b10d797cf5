import type { Readable } from 'node:stream';
import type { CliIO } from '../src/cli/io.js';

/** A CliIO that records what the CLI writes, for running it in-process. */
export function fakeIO(opts: { stdin?: string; tty?: boolean; stderrTTY?: boolean; stdinStream?: Readable } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => Buffer.from(opts.stdin ?? ''),
    ...(opts.stdinStream ? { stdinStream: () => opts.stdinStream! } : {}),
    stdinIsTTY: opts.tty ?? false,
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: opts.stderrTTY ?? false,
    env: {},
  };
  return { io, out: () => out.join(''), err: () => err.join(''), outChunks: out, errChunks: err };
}
