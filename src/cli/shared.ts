import type { CliIO } from './io.js';
import type { Effective } from '../node/config/resolve.js';
import type { FailOn } from '../node/config/schema.js';
import type { Verdict } from '../types.js';
import { VERDICTS } from '../types.js';

export const EXIT = { ok: 0, flagged: 1, error: 2, interrupted: 130 } as const;
export const MB = 1024 * 1024;

/** What a command's action reports back to run(): the exit code. */
export interface CliState {
  code: number;
  verbose: boolean;
  /** The configuration in effect (defaults, config file, flags), set before each command's action. */
  config?: Effective;
}

/** Exit codes are decided here: 1 when a verdict is at or above --fail-on. */
export function exitFor(verdicts: Verdict[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT.ok;
  const bar = VERDICTS.indexOf(failOn);
  return verdicts.some((v) => VERDICTS.indexOf(v) >= bar) ? EXIT.flagged : EXIT.ok;
}

/** Colour only on a terminal, unless --no-color or NO_COLOR. */
export function useColor(opt: boolean, io: CliIO): boolean {
  return opt && io.stdoutIsTTY && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0';
}
