import { isError, type ScanOutcome, type ScanRecord } from './record.js';
import type { Verdict } from '../types.js';

export const TOP_RISKIEST = 10;
/** Errors kept for the pretty summary; the count is always exact. */
const KEPT_ERRORS = 50;

type Flagged = Extract<ScanRecord, { verdict: Verdict }>;

/** The summary object of `--format json` (and what the pretty summary shows). */
export interface ScanSummaryJson {
  files: number;
  scanned: number;
  notScanned: number;
  results: number;
  /** Results not shown: left out by --min-score, --only or --category. */
  hidden: number;
  verdicts: Record<Verdict, number>;
  errors: number;
  bytes: number;
  seconds: number;
  filesPerSecond: number;
  megabytesPerSecond: number;
  threads: number;
  interrupted: boolean;
}

/**
 * Counts what was written, keeping only small parts of the records: the riskiest few (for the
 * pretty summary) and the first errors. Memory does not grow with the number of files.
 */
export class ScanSummary {
  readonly verdicts: Record<Verdict, number> = { clean: 0, suspicious: 0, scam: 0 };
  readonly riskiest: Flagged[] = [];
  readonly errors: Array<{ file: string; error: string }> = [];
  errorCount = 0;
  results = 0;
  /** Results left out by --min-score, --only or --category. */
  hidden = 0;

  /** Counts a record; a result not `shown` (filtered out) is counted but never listed as riskiest. */
  add(r: ScanRecord, shown = true): void {
    this.results++;
    if (isError(r)) {
      this.errorCount++;
      if (this.errors.length < KEPT_ERRORS) this.errors.push(r);
      return;
    }
    this.verdicts[r.verdict]++;
    if (!shown) this.hidden++;
    if (r.verdict === 'clean' || !shown) return;
    const list = this.riskiest;
    // Ranked by strength, not score: scores saturate at 1.00, so most flagged calls would tie.
    if (list.length === TOP_RISKIEST && r.strength <= list[list.length - 1]!.strength) return;
    // Stable: an equal strength goes after the ones already there, which came earlier in path order.
    let at = list.length;
    while (at > 0 && list[at - 1]!.strength < r.strength) at--;
    const { json: _json, report: _report, ...small } = r;
    list.splice(at, 0, small);
    if (list.length > TOP_RISKIEST) list.pop();
  }

  /** Verdicts seen, for the --fail-on exit code. */
  seen(): Verdict[] {
    return (Object.keys(this.verdicts) as Verdict[]).filter((v) => this.verdicts[v] > 0);
  }

  toJson(outcome: ScanOutcome, seconds: number): ScanSummaryJson {
    const s = Math.max(seconds, 1e-6);
    return {
      files: outcome.files,
      scanned: outcome.done,
      notScanned: outcome.files - outcome.done,
      results: this.results,
      hidden: this.hidden,
      verdicts: { ...this.verdicts },
      errors: this.errorCount,
      bytes: outcome.bytes,
      seconds: Math.round(seconds * 1000) / 1000,
      filesPerSecond: Math.round((outcome.done / s) * 10) / 10,
      megabytesPerSecond: Math.round((outcome.bytes / 1048576 / s) * 100) / 100,
      threads: outcome.threads,
      interrupted: outcome.interrupted,
    };
  }
}
