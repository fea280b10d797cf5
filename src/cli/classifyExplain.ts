import { InvalidArgumentError } from 'commander';
import { explainBytes } from '../core/call/view.js';
import { prepareLexicons, type Options } from '../node/classify.js';
import { formatExplain } from '../report/explainPretty.js';
import type { Verdict } from '../types.js';
import type { CliIO } from './io.js';
import { useColor } from './shared.js';

/** Without a terminal to measure (a pipe into `less -R`, a file), lines are this wide. */
const DEFAULT_WIDTH = 100;

export interface ExplainFlags {
  explain?: boolean;
  width?: number;
  color: boolean;
}

export function columns(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 40) throw new InvalidArgumentError('expected a whole number of columns, at least 40');
  return v;
}

/**
 * `classify --explain`: the transcript with its evidence highlighted, the alert and the running
 * score, classified exactly as `classify` does (same lexicons, config adjustments and options).
 * Writes it and returns the verdict, for the exit code.
 */
export function writeExplain(bytes: Uint8Array, options: Options, flags: ExplainFlags, io: CliIO): Verdict {
  const { lexicons, filter } = prepareLexicons(options);
  const view = explainBytes(bytes, lexicons, { ...options, ...(filter ? { filter } : {}) });
  const width = flags.width ?? io.columns ?? (Number(io.env.COLUMNS) || DEFAULT_WIDTH);
  io.stdout(formatExplain(view, { color: useColor(flags.color, io), width }));
  return view.result.verdict;
}
