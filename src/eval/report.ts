import type { Result, Verdict } from '../types.js';
import { VERDICTS } from '../types.js';
import { median, metrics, type Metrics, type Scored } from './metrics.js';
import { sweep, type Sweep } from './sweep.js';

export interface Labelled {
  name: string;
  scam: boolean;
  result: Result;
}

export interface Miss {
  name: string;
  label: 'scam' | 'legit';
  verdict: Verdict;
  score: number;
  language: string;
  top: string[];
}

export interface EvalReport {
  positive: Verdict;
  overall: Metrics;
  byLanguage: Record<string, Metrics>;
  byFormat: Record<string, Metrics>;
  /** Median of alert utterance / utterances over the scams that raised an alert. */
  medianAlert: number | null;
  misclassified: Miss[];
  errors: Array<{ name: string; error: string }>;
  /** With --sweep: precision, recall and FPR per threshold, and the threshold for a target FPR. */
  sweep?: Sweep;
}

export interface SweepOptions {
  /** Thresholds to tabulate (default: 0.05 to 1.00 by 0.05, plus the model's). */
  thresholds: number[];
  targetFpr: number;
}

function group(items: Labelled[], key: (l: Labelled) => string, positive: Verdict): Record<string, Metrics> {
  const groups = new Map<string, Labelled[]>();
  for (const i of items) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  return Object.fromEntries([...groups].sort().map(([k, v]) => [k, metrics(v.map((i) => scored(i, positive)))]));
}

function scored(i: Labelled, positive: Verdict): Scored {
  return { actual: i.scam, predicted: VERDICTS.indexOf(i.result.verdict) >= VERDICTS.indexOf(positive), score: i.result.score };
}

/** Everything `scamscan eval` reports, from labelled results. Pure. */
export function evaluate(items: Labelled[], positive: Verdict, errors: EvalReport['errors'] = [], sweepOptions?: SweepOptions): EvalReport {
  const all = items.map((i) => scored(i, positive));
  const alerts = items.filter((i) => i.scam && i.result.alert !== null).map((i) => i.result.alert! / Math.max(1, i.result.utterances));
  const misclassified = items
    .filter((_, n) => all[n]!.actual !== all[n]!.predicted)
    .map((i) => ({
      name: i.name,
      label: i.scam ? ('scam' as const) : ('legit' as const),
      verdict: i.result.verdict,
      score: i.result.score,
      language: i.result.language,
      top: [...i.result.findings]
        .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
        .slice(0, 3)
        .map((f) => `${f.category} "${f.text}" ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`),
    }));
  return {
    positive,
    overall: metrics(all),
    byLanguage: group(items, (i) => i.result.language, positive),
    byFormat: group(items, (i) => i.result.format, positive),
    medianAlert: median(alerts),
    misclassified,
    errors,
    ...(sweepOptions
      ? {
          sweep: sweep(
            items.map((i) => ({ actual: i.scam, score: i.result.score })),
            sweepOptions.thresholds,
            sweepOptions.targetFpr,
          ),
        }
      : {}),
  };
}
