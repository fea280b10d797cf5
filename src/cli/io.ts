import { EXIT, ScamscanError } from '../errors.js';
import { tooLarge } from '../node/read.js';

/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of stdin; past `maxBytes` (if given) a ScamscanError, without reading the rest. */
  readStdin(maxBytes?: number): Promise<Uint8Array>;
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
  /**
   * Aborts `controller` on Ctrl-C or SIGTERM (its reason: the signal's name), and exits at once (130,
   * 143) on a second one; returns what stops listening. Absent (tests running the CLI in-process):
   * nothing interrupts.
   */
  stopOnInterrupt?(controller: AbortController): () => void;
}

/**
 * The process's own streams and signals. The only place that handles them: a reader of stdout that
 * goes away (`scamscan --help | head`, `scan | head`) ends the process quietly, with the exit code set
 * so far, rather than with a trace; any other write error (a full disk) is one line and exit 2;
 * Ctrl-C and SIGTERM stop the running command, which still writes what it has.
 */
export function processIO(): CliIO {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    process.stderr.write(`scamscan: stdout: ${writeError(e)}\n`);
    process.exit(EXIT.error);
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async (maxBytes = Infinity) => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        total += (chunk as Buffer).length;
        if (total > maxBytes) throw new ScamscanError(tooLarge(maxBytes), '-');
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinStream: () => process.stdin,
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    stopOnInterrupt: (controller) => {
      const on = (signal: 'SIGINT' | 'SIGTERM') => () =>
        controller.signal.aborted ? process.exit(signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted) : controller.abort(signal);
      const onSigint = on('SIGINT');
      const onSigterm = on('SIGTERM');
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigterm);
      return () => {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
      };
    },
  };
}

/** A write error in words: `cannot write (ENOSPC: no space left on device)`. */
export function writeError(e: NodeJS.ErrnoException): string {
  const what = e.code ? e.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '') : e.message;
  return `cannot write (${e.code ? `${e.code}: ` : ''}${what})`;
}
