/**
 * The exit codes of the command line: 0 below --fail-on, 1 at or above it, 2 on any error, 130 when
 * interrupted (Ctrl-C), 143 when terminated (SIGTERM). Decided in one place, cli/main.ts, from what a command reports or throws.
 */
export const EXIT = { ok: 0, flagged: 1, error: 2, interrupted: 130, terminated: 143 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can act on: printed as one line, `file: problem`, and the CLI exits with its exitCode (2). */
export class ScamscanError extends Error {
  /** The exit code of the command line when this error ends it. */
  readonly exitCode: ExitCode = EXIT.error;

  constructor(
    readonly problem: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${problem}` : problem);
    this.name = 'ScamscanError';
  }
}
