import { EXIT } from '../errors.js';

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
  /**
   * Aborts `controller` on Ctrl-C, and exits at once (130) on a second one; returns what stops
   * listening. Absent (tests running the CLI in-process): nothing interrupts.
   */
  stopOnInterrupt?(controller: AbortController): () => void;
}

/**
 * The process's own streams and signals. The only place that handles them: a reader of stdout that
 * goes away (`scamscan --help | head`, `scan | head`) ends the process quietly, with the exit code set
 * so far, rather than with a trace; Ctrl-C stops the running command, which still writes what it has.
 */
export function processIO(): CliIO {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw e;
  });
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
    stopOnInterrupt: (controller) => {
      const onSigint = () => (controller.signal.aborted ? process.exit(EXIT.interrupted) : controller.abort());
      process.on('SIGINT', onSigint);
      return () => void process.off('SIGINT', onSigint);
    },
  };
}
