import type { Finding } from '../../types.js';

/**
 * Most findings a result lists. The score counts every finding; the list keeps the strongest, so
 * output stays proportional to what a reader can use (4 MB of one repeated phrase gave 197 MB of
 * JSON, and a findings-dense 42 MB file a JSON string past V8's limit).
 */
export const FINDINGS_CAP = 500;

/** The `max` findings of largest |contribution| (the earliest on ties), kept in source order, and how many were left out. */
export function capFindings(findings: Finding[], max = FINDINGS_CAP): { findings: Finding[]; omitted: number } {
  if (findings.length <= max) return { findings, omitted: 0 };
  const order = findings.map((_, i) => i);
  order.sort((a, b) => Math.abs(findings[b]!.contribution) - Math.abs(findings[a]!.contribution) || a - b);
  const keep = order.slice(0, max).sort((a, b) => a - b);
  return { findings: keep.map((i) => findings[i]!), omitted: findings.length - max };
}
