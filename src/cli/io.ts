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
