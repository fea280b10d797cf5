import { Chalk } from 'chalk';
import type { Verdict } from '../types.js';
import { CATEGORY_COLOR, VERDICT_PALETTE } from './palette.js';
import { safeText } from './safe.js';
import type { ScanSummary, ScanSummaryJson } from './scanSummary.js';

/** Errors listed in full; the rest are counted. */
const SHOWN_ERRORS = 20;

const n = (x: number) => x.toLocaleString('en-US');

/** Seconds as `4.2 s` or `3 min 07 s`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The human summary of a scan: counts per verdict, riskiest files with their evidence, errors, speed. */
export function formatScanPretty(summary: ScanSummary, totals: ScanSummaryJson, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const rows = totals.results !== totals.scanned ? ` (${n(totals.results)} results)` : '';
  out.push(
    c.bold(`Scanned ${n(totals.scanned)} of ${n(totals.files)} files${rows} in ${duration(totals.seconds)}`) +
      c.dim(` — ${n(totals.filesPerSecond)} files/s, ${totals.megabytesPerSecond} MB/s, ${totals.threads ? `${totals.threads} threads` : 'main thread'}`),
  );
  out.push('');
  const total = Math.max(totals.results, 1);
  for (const v of ['scam', 'suspicious', 'clean'] as Verdict[]) {
    const count = totals.verdicts[v];
    out.push(`  ${VERDICT_PALETTE[v].text(c)(v.padEnd(11))} ${n(count).padStart(9)}  ${c.dim(`${((count / total) * 100).toFixed(1).padStart(5)}%`)}`);
  }
  out.push(`  ${(totals.errors ? c.bold.magenta : c.dim)('error'.padEnd(11))} ${n(totals.errors).padStart(9)}`);
  if (totals.hidden) out.push(c.dim(`  ${n(totals.hidden)} results left out by --min-score, --only or --category`));

  if (summary.riskiest.length) {
    out.push('', c.bold(`Riskiest ${summary.riskiest.length}:`));
    summary.riskiest.forEach((r, i) => {
      out.push(
        `  ${String(i + 1).padStart(2)}. ${VERDICT_PALETTE[r.verdict].text(c)(r.verdict.toUpperCase().padEnd(10))} ${r.score.toFixed(2)} ${c.dim(`strength ${r.strength.toFixed(1).padStart(5)}`)}  ${c.bold(safeText(r.file))}`,
      );
      for (const e of r.evidence) {
        const where = c.dim(`#${e.utterance} ${e.line}:${e.column}`);
        out.push(`        ${CATEGORY_COLOR[e.category](c)(e.category.padEnd(13))} "${safeText(e.text)}" ${where}`);
      }
    });
  } else {
    out.push('', c.green('No scam or suspicious calls found.'));
  }

  if (totals.errors) {
    out.push('', c.bold.magenta(`Errors (${n(totals.errors)}):`));
    for (const e of summary.errors.slice(0, SHOWN_ERRORS)) out.push(`  ${safeText(e.file)}: ${safeText(e.error)}`);
    if (totals.errors > SHOWN_ERRORS) out.push(c.dim(`  … and ${n(totals.errors - SHOWN_ERRORS)} more (use --format ndjson or csv to list them all)`));
  }
  if (totals.interrupted) out.push('', c.bold.yellow(`Interrupted: ${n(totals.notScanned)} files not scanned.`));
  return out.join('\n') + '\n';
}
