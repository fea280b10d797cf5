import type { Category, Finding, Result } from '../types.js';

/**
 * One row of evidence as shown to a person: the findings on one span of the source. A span matched
 * by two entries (two categories) is one row whose contribution is the sum, so it is never listed twice.
 */
export interface EvidenceRow {
  finding: Finding;
  categories: Category[];
  ids: string[];
  contribution: number;
}

/** The findings merged by span (offset and length), in transcript order. */
export function evidenceRows(findings: readonly Finding[]): EvidenceRow[] {
  const bySpan = new Map<string, EvidenceRow>();
  for (const f of findings) {
    const key = `${f.offset}:${f.length}`;
    const row = bySpan.get(key);
    if (!row) {
      bySpan.set(key, { finding: f, categories: [f.category], ids: [f.id], contribution: f.contribution });
      continue;
    }
    if (!row.categories.includes(f.category)) row.categories.push(f.category);
    row.ids.push(f.id);
    row.contribution += f.contribution;
    // The row shows the finding that weighs most.
    if (Math.abs(f.contribution) > Math.abs(row.finding.contribution)) row.finding = f;
  }
  return [...bySpan.values()];
}

/** Strongest first (by contribution, then transcript order): a stable sort keeps ties in transcript order. */
export function byContribution(rows: readonly EvidenceRow[]): EvidenceRow[] {
  return [...rows].sort((a, b) => b.contribution - a.contribution);
}

/** What all the evidence for a scam added to the log-odds (the positive contributions). */
export function positiveTotal(rows: readonly EvidenceRow[]): number {
  return rows.reduce((n, r) => n + Math.max(0, r.contribution), 0);
}

/** The share of the evidence for a scam, as `21%` (`<1%` for a trace, `-12%` for a counter-signal, `0%` for none). */
export function share(contribution: number, total: number): string {
  if (total <= 0 || contribution === 0) return contribution === 0 ? '0%' : (contribution > 0 ? '+' : '') + contribution.toFixed(2);
  const pct = (contribution / total) * 100;
  if (Math.abs(pct) < 0.5) return contribution > 0 ? '<1%' : '>-1%';
  return `${Math.round(pct)}%`;
}

/** The name of a lexicon entry's move: `en.payment.scratch-back` → `scratch back`. */
export function moveName(id: string): string {
  return (id.split('.').pop() ?? id).replace(/[-_]+/g, ' ');
}

/**
 * The moves that decided the verdict: the strongest evidence for a scam, taken until it makes half
 * of it (at most three). Empty when nothing counted for a scam.
 */
export function decisive(result: Result): EvidenceRow[] {
  const rows = byContribution(evidenceRows(result.findings)).filter((r) => r.contribution > 0.005);
  const total = positiveTotal(rows);
  const out: EvidenceRow[] = [];
  let sum = 0;
  for (const r of rows) {
    if (out.length === 3 || (out.length > 0 && sum >= total / 2)) break;
    out.push(r);
    sum += r.contribution;
  }
  return out;
}

/** The counter-signals that lowered the score, strongest first. */
export function counters(result: Result): EvidenceRow[] {
  return evidenceRows(result.findings)
    .filter((r) => r.contribution < -0.005)
    .sort((a, b) => a.contribution - b.contribution);
}
