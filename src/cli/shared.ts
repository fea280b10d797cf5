import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from '../node/paths.js';
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
  /** Stopped before the end (Ctrl-C): 130. */
  interrupted?: boolean;
}

/** What a command's action reports back to run(). */
export interface CliState {
  outcome: Outcome;
  verbose: boolean;
  /** The configuration in effect (defaults, config file, flags), set before each command's action. */
  config?: Effective;
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
