import type { Category, Stage, Verdict } from '../../types.js';
import { CATEGORIES, STAGES } from '../../types.js';
import type { ReportRow } from './entry.js';

export const HISTOGRAM_BINS = 20;

/** The report's summary, counted as files arrive: its size does not depend on the number of files. */
export class ReportStats {
  readonly verdicts: Record<Verdict, number> = { clean: 0, suspicious: 0, scam: 0 };
  errors = 0;
  /** Files per score bin ([0, 0.05), … [0.95, 1]), by verdict. */
  readonly histogram: Array<Record<Verdict, number>> = Array.from({ length: HISTOGRAM_BINS }, () => ({ clean: 0, suspicious: 0, scam: 0 }));
  /** Among flagged files (scam or suspicious): how many have evidence of each category, and what it added. */
  readonly categories = new Map<Category, { files: number; contribution: number }>(CATEGORIES.map((c) => [c, { files: 0, contribution: 0 }]));
  readonly stages = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
  readonly languages = new Map<string, number>();
  readonly formats = new Map<string, number>();
  /** Where the alert fired in scam calls, as a share of the call heard, in percent bins. */
  private readonly alertShares = new Array<number>(101).fill(0);
  private alerts = 0;

  add(row: ReportRow | { error: string }): void {
    if ('error' in row) {
      this.errors++;
      return;
    }
    this.verdicts[row.verdict]++;
    this.histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(row.score * HISTOGRAM_BINS))]![row.verdict]++;
    this.languages.set(row.language, (this.languages.get(row.language) ?? 0) + 1);
    this.formats.set(row.format, (this.formats.get(row.format) ?? 0) + 1);
    if (row.alert !== null && row.utterances > 0) {
      this.alertShares[Math.round((100 * row.alert) / row.utterances)]!++;
      this.alerts++;
    }
    if (row.verdict === 'clean') return;
    for (const s of row.stages) this.stages.set(s, this.stages.get(s)! + 1);
    for (const [c, v] of Object.entries(row.drivers) as Array<[Category, number]>) {
      const entry = this.categories.get(c)!;
      entry.files++;
      entry.contribution += v;
    }
  }

  get flagged(): number {
    return this.verdicts.scam + this.verdicts.suspicious;
  }

  /** The median share of the call heard when the alert fired (to the percent), or null without alerts. */
  medianAlertShare(): number | null {
    if (this.alerts === 0) return null;
    let seen = 0;
    for (let p = 0; p <= 100; p++) {
      seen += this.alertShares[p]!;
      if (seen * 2 >= this.alerts) return p / 100;
    }
    return 1;
  }
}
