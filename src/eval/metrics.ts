/** Binary-classification arithmetic for `scamscan eval`. Pure. */

export interface Scored {
  /** True when the transcript is labelled scam. */
  actual: boolean;
  /** True when scamscan flagged it at or above the positive level. */
  predicted: boolean;
  score: number;
}

export interface Metrics {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  falsePositiveRate: number;
  /** Area under the ROC curve of the score; null when one class is missing. */
  rocAuc: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** ROC AUC as the probability that a random scam outscores a random legitimate call (ties count half). */
export function rocAuc(items: Scored[]): number | null {
  const pos = items.filter((i) => i.actual).map((i) => i.score);
  const neg = items.filter((i) => !i.actual).map((i) => i.score);
  if (!pos.length || !neg.length) return null;
  // Rank-sum (Mann-Whitney U) with average ranks for ties: O(n log n).
  const all = [...pos.map((s) => ({ s, p: true })), ...neg.map((s) => ({ s, p: false }))].sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.p) rankSumPos += avgRank;
    i = j;
  }
  const u = rankSumPos - (pos.length * (pos.length + 1)) / 2;
  return u / (pos.length * neg.length);
}

export function metrics(items: Scored[]): Metrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const i of items) {
    if (i.actual && i.predicted) tp++;
    else if (!i.actual && i.predicted) fp++;
    else if (!i.actual) tn++;
    else fn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    n: items.length,
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    accuracy: ratio(tp + tn, items.length),
    falsePositiveRate: ratio(fp, fp + tn),
    rocAuc: rocAuc(items),
  };
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
