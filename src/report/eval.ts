import type { EvalReport } from '../eval/report.js';
import type { Metrics } from '../eval/metrics.js';
import { safeJson, safeText } from './safe.js';

const f3 = (x: number | null) => (x === null ? '  —  ' : x.toFixed(3));

function row(name: string, m: Metrics): string {
  return `${name.padEnd(10)} ${String(m.n).padStart(5)}  ${f3(m.precision)}  ${f3(m.recall)}  ${f3(m.f1)}  ${f3(m.accuracy)}  ${f3(m.falsePositiveRate)}  ${f3(m.rocAuc)}`;
}

export function formatEvalPretty(r: EvalReport): string {
  const o = r.overall;
  const out = [
    `scamscan eval: ${o.n} labelled transcripts, positive = ${r.positive}${r.errors.length ? `, ${r.errors.length} errors` : ''}`,
    '',
    `${''.padEnd(10)} ${'n'.padStart(5)}  prec.  recall  F1     acc.   FPR    ROC AUC`,
    row('all', o),
    ...Object.entries(r.byLanguage).map(([k, m]) => row(`lang ${k}`, m)),
    ...Object.entries(r.byFormat).map(([k, m]) => row(`fmt ${k}`, m)),
    '',
    'Confusion matrix    predicted scam  predicted not',
    `  labelled scam     ${String(o.tp).padStart(14)}  ${String(o.fn).padStart(13)}`,
    `  labelled legit    ${String(o.fp).padStart(14)}  ${String(o.tn).padStart(13)}`,
    '',
    `Median alert position: ${r.medianAlert === null ? 'no alerts' : `${Math.round(r.medianAlert * 100)}% of the call`}`,
  ];
  if (r.sweep) {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    out.push('', 'Threshold sweep (flagged when the score is at or above the threshold):', `  threshold  flagged  precision  recall    FPR`);
    for (const s of r.sweep.rows)
      out.push(
        `  ${s.threshold.toFixed(2).padStart(9)}  ${String(s.flagged).padStart(7)}  ${f3(s.precision).padStart(9)}  ${f3(s.recall).padStart(6)}  ${pct(s.falsePositiveRate).padStart(6)}`,
      );
    const t = r.sweep.target;
    out.push(
      t.row
        ? `Threshold for FPR <= ${pct(t.falsePositiveRate)}: ${t.row.threshold} (recall ${f3(t.row.recall)}, precision ${f3(t.row.precision)}, FPR ${pct(t.row.falsePositiveRate)}; --scam-threshold ${t.row.threshold})`
        : `No threshold gives FPR <= ${pct(t.falsePositiveRate)} on these transcripts.`,
    );
  }
  if (r.misclassified.length) {
    out.push('', `Misclassified (${r.misclassified.length}):`);
    for (const m of r.misclassified) {
      out.push(`  ${m.label === 'scam' ? 'missed scam ' : 'false alarm '} ${safeText(m.name)}  ${m.verdict} ${m.score.toFixed(3)}`);
      for (const t of m.top) out.push(`      ${safeText(t)}`);
    }
  }
  if (r.errors.length) {
    out.push('', `Errors (${r.errors.length}):`);
    for (const e of r.errors) out.push(`  ${safeText(e.name)}: ${safeText(e.error)}`);
  }
  return out.join('\n') + '\n';
}

export function formatEvalJson(r: EvalReport): string {
  return safeJson(r, 2) + '\n';
}
