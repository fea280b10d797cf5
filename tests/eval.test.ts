import { describe, expect, it } from 'vitest';
import { metrics, median, rocAuc, type Scored } from '../src/eval/metrics.js';
import { evaluate, type Labelled } from '../src/eval/report.js';
import type { Result } from '../src/types.js';

const s = (actual: boolean, predicted: boolean, score: number): Scored => ({ actual, predicted, score });

describe('eval arithmetic', () => {
  // By hand: 3 scams flagged (TP), 1 scam missed (FN), 1 legit flagged (FP), 5 legit passed (TN).
  const items = [
    s(true, true, 0.9),
    s(true, true, 0.8),
    s(true, true, 0.75),
    s(true, false, 0.3),
    s(false, true, 0.7),
    s(false, false, 0.2),
    s(false, false, 0.1),
    s(false, false, 0.4),
    s(false, false, 0.35),
    s(false, false, 0.05),
  ];

  it('computes the confusion matrix and the rates from it', () => {
    const m = metrics(items);
    expect([m.tp, m.fn, m.fp, m.tn]).toEqual([3, 1, 1, 5]);
    expect(m.precision).toBeCloseTo(3 / 4);
    expect(m.recall).toBeCloseTo(3 / 4);
    expect(m.f1).toBeCloseTo(0.75);
    expect(m.accuracy).toBeCloseTo(8 / 10);
    expect(m.falsePositiveRate).toBeCloseTo(1 / 6);
  });

  it('computes ROC AUC as the share of scam/legit pairs ranked right, ties counting half', () => {
    // Scams 0.9, 0.8, 0.75 outrank all 6 legit calls; 0.3 outranks 3 (0.2, 0.1, 0.05): 21 of 24 pairs.
    expect(rocAuc(items)).toBeCloseTo(21 / 24);
    expect(rocAuc([s(true, true, 0.5), s(false, true, 0.5)])).toBeCloseTo(0.5);
    expect(rocAuc([s(true, true, 0.5)])).toBeNull();
  });

  it('handles empty classes without dividing by zero', () => {
    const m = metrics([s(false, false, 0.1)]);
    expect([m.precision, m.recall, m.f1, m.falsePositiveRate]).toEqual([0, 0, 0, 0]);
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('reports by language, the misclassified calls and the median alert position', () => {
    const result = (verdict: Result['verdict'], score: number, language: 'en' | 'fr', alert: number | null): Result =>
      ({ verdict, score, language, format: 'text', alert, utterances: 10, findings: [] }) as unknown as Result;
    const labelled: Labelled[] = [
      { name: 'a', scam: true, result: result('scam', 0.9, 'en', 2) },
      { name: 'b', scam: true, result: result('suspicious', 0.5, 'fr', null) },
      { name: 'c', scam: false, result: result('clean', 0.1, 'fr', null) },
      { name: 'd', scam: true, result: result('scam', 0.8, 'fr', 6) },
    ];
    const r = evaluate(labelled, 'scam');
    expect(r.byLanguage.fr!.n).toBe(3);
    expect(r.misclassified.map((m) => m.name)).toEqual(['b']);
    expect(r.medianAlert).toBeCloseTo(0.4);
    expect(evaluate(labelled, 'suspicious').overall.tp).toBe(3);
  });
});
