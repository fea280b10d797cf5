import { readFileSync, statSync } from 'node:fs';
import { ScamscanError } from '../errors.js';

/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars); absent counts as not. */
  stderrIsTTY?: boolean;
  /** stdin as a stream, for reading line by line as it arrives (`watch`); absent: process.stdin. */
  stdinStream?(): NodeJS.ReadableStream;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  env: Record<string, string | undefined>;
  /** Where the config file search starts (default: process.cwd()). */
  cwd?: string;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinStream: () => process.stdin,
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
  };
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

export function fsError(e: unknown, file: string): ScamscanError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new ScamscanError(REASONS[code] ?? `cannot read (${code || (e as Error).message})`, file);
}

/** Reads one transcript file, refusing folders and files over the size limit. */
export function readInputFile(file: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new ScamscanError('is a folder (use `scamscan scan` for folders)', file);
    size = st.size;
  } catch (e) {
    if (e instanceof ScamscanError) throw e;
    throw fsError(e, file);
  }
  if (size > maxBytes) throw new ScamscanError(`file is ${size} bytes, over --max-size ${maxBytes}`, file);
  try {
    return readFileSync(file);
  } catch (e) {
    throw fsError(e, file);
  }
}
