/** Threshold sweeps for `scamscan eval --sweep`. Pure. */

export interface Swept {
  actual: boolean;
  score: number;
}

export interface SweepRow {
  /** Flagged when the score is at or above this. */
  threshold: number;
  flagged: number;
  tp: number;
  fp: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
}

export interface Sweep {
  rows: SweepRow[];
  /** The lowest threshold whose false-positive rate is at most `targetFpr` (the most recall for it), or null. */
  target: { falsePositiveRate: number; row: SweepRow | null };
}

/** 0.05, 0.10 … 1.00, plus the thresholds in use. */
export function defaultThresholds(extra: number[] = []): number[] {
  const grid = Array.from({ length: 20 }, (_, i) => Math.round((i + 1) * 5) / 100);
  return [...new Set([...grid, ...extra])].sort((a, b) => a - b);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function rowAt(items: Swept[], threshold: number, positives: number, negatives: number): SweepRow {
  let tp = 0;
  let fp = 0;
  for (const i of items) {
    if (i.score < threshold) continue;
    if (i.actual) tp++;
    else fp++;
  }
  return { threshold, flagged: tp + fp, tp, fp, precision: ratio(tp, tp + fp), recall: ratio(tp, positives), falsePositiveRate: ratio(fp, negatives) };
}

/**
 * Precision, recall and false-positive rate at each threshold, and the threshold for a target
 * false-positive rate: searched over every distinct score (a threshold between two scores flags the
 * same calls as the higher one), so it is exact for these items, not a grid point.
 */
export function sweep(items: Swept[], thresholds: number[], targetFpr: number): Sweep {
  const positives = items.filter((i) => i.actual).length;
  const negatives = items.length - positives;
  const rows = thresholds.map((t) => rowAt(items, t, positives, negatives));
  // The FPR falls as the threshold rises: the first distinct score (ascending) that meets the target.
  const candidates = [...new Set(items.map((i) => i.score))].sort((a, b) => a - b);
  let best: SweepRow | null = null;
  for (const t of candidates) {
    const row = rowAt(items, t, positives, negatives);
    if (row.falsePositiveRate <= targetFpr) {
      best = row;
      break;
    }
  }
  return { rows, target: { falsePositiveRate: targetFpr, row: best } };
}
