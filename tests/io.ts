import type { Readable } from 'node:stream';
import type { CliIO } from '../src/cli/io.js';
import { ScamscanError } from '../src/errors.js';
import { tooLarge } from '../src/node/read.js';

/** A CliIO that records what the CLI writes, for running it in-process. */
export function fakeIO(opts: { stdin?: string; tty?: boolean; stderrTTY?: boolean; stdinStream?: Readable } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    // As the real one (src/cli/io.ts): more than maxBytes is refused while reading.
    readStdin: async (maxBytes = Infinity) => {
      const bytes = Buffer.from(opts.stdin ?? '');
      if (bytes.length > maxBytes) throw new ScamscanError(tooLarge(maxBytes), '-');
      return bytes;
    },
    ...(opts.stdinStream ? { stdinStream: () => opts.stdinStream! } : {}),
    stdinIsTTY: opts.tty ?? false,
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: opts.stderrTTY ?? false,
    env: {},
  };
  return { io, out: () => out.join(''), err: () => err.join(''), outChunks: out, errChunks: err };
}
