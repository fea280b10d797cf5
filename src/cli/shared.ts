import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { PACKAGE_JSON } from '../node/paths.js';
import { ScamscanError } from '../errors.js';
import { tooLarge } from '../node/read.js';
import type { CliIO } from './io.js';
import type { Effective } from '../node/config/resolve.js';
import type { FailOn } from '../node/config/schema.js';
import type { Verdict } from '../types.js';

export const MB = 1024 * 1024;

/** What a command's action reports back to run(), which decides the exit code from it (cli/main.ts). */
export interface Outcome {
  /** The verdicts given, judged against `failOn`: 1 at or above it. */
  verdicts?: readonly Verdict[];
  failOn?: FailOn;
  /** An input, an entry or a data set row failed: 2. */
  failed?: boolean;
  /** Stopped before the end: 130 (Ctrl-C), or 143 when it was SIGTERM. */
  interrupted?: boolean | 'SIGTERM';
}

/** What a command's action reports back to run(). */
export interface CliState {
  outcome: Outcome;
  verbose: boolean;
  /** The configuration in effect (defaults, config file, flags), set before each command's action. */
  config?: Effective;
}

/** The outcome of a command that `signal` (see CliIO.stopOnInterrupt) may have stopped: says when SIGTERM did. */
export function stoppedBy(outcome: Outcome, signal: AbortSignal): Outcome {
  return outcome.interrupted && signal.reason === 'SIGTERM' ? { ...outcome, interrupted: 'SIGTERM' } : outcome;
}

/**
 * Colour on a terminal that can show it: never with --no-color or FORCE_COLOR=0; always with
 * FORCE_COLOR set otherwise (even into a pipe, for `less -R`); never with NO_COLOR or TERM=dumb.
 */
export function useColor(opt: boolean, io: CliIO): boolean {
  if (!opt) return false;
  const force = io.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  if (io.env.NO_COLOR || io.env.TERM === 'dumb') return false;
  return io.stdoutIsTTY;
}

/** scamscan's version, from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
}

/** --max-size and the like: a number above 0 (`abc` is an error, never "no limit"). */
export function positiveNumber(value: string): number {
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v) || v <= 0) throw new InvalidArgumentError('expected a number above 0');
  return v;
}

/** A repeatable option's values: `--lexicons a --lexicons b`. One value each, so the file after it stays an argument. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The --lexicons option of every command that loads lexicons. */
export const LEXICONS_FLAGS = '--lexicons <dir>';

/**
 * A transcript piped on stdin (`classify -`, `scan -`), at most `maxBytes`: a terminal on stdin is
 * "no input" (with `hint`, what to do instead), more than the limit is refused as a file's would be.
 */
export async function readStdinInput(io: CliIO, maxBytes: number, hint: string): Promise<Uint8Array> {
  if (io.stdinIsTTY) throw new ScamscanError(`no input: ${hint}`, '-');
  const bytes = await io.readStdin(maxBytes);
  if (bytes.length > maxBytes) throw new ScamscanError(tooLarge(maxBytes), '-');
  return bytes;
}
