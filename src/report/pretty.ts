import { Chalk } from 'chalk';
import type { Category, Result } from '../types.js';
import { STAGES } from '../types.js';
import { CATEGORY_COLOR, VERDICT_PALETTE } from './palette.js';
import { safeText } from './safe.js';

export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function bar(value: number, width = 10): string {
  const n = Math.round(value * width);
  return '█'.repeat(n) + '·'.repeat(width - n);
}

/** The human view of one result. Colour only when asked; transcript text is always made safe. */
export function formatPretty(result: Result, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const verdict = VERDICT_PALETTE[result.verdict].badge(c)(` ${result.verdict.toUpperCase()} `);
  out.push(
    `${c.bold(safeText(result.file))}  ${verdict}  score ${result.score.toFixed(2)}  ` +
      c.dim(`(${result.language}, ${result.format}, ${result.utterances} utterances${result.driver ? `, driven by ${safeText(result.driver)}` : ''})`),
  );
  out.push(
    'Stages: ' +
      STAGES.map((s) => (result.stagesSeen.includes(s) ? c.bold(`${s} ✓`) : c.dim(`${s} ·`))).join('  ') +
      (result.alert !== null ? `   ${c.bold('alert')} at utterance ${result.alert} of ${result.utterances}` : ''),
  );
  const cats = (Object.entries(result.categories) as Array<[Category, number]>).filter(([, v]) => v > 0);
  if (cats.length) {
    out.push('Categories:');
    for (const [cat, v] of cats.sort((a, b) => b[1] - a[1])) out.push(`  ${CATEGORY_COLOR[cat](c)(cat.padEnd(14))} ${v.toFixed(2)} ${bar(v)}`);
  }
  if (result.findings.length) {
    out.push(`Evidence (${result.findings.length}):`);
    for (const f of result.findings) {
      const where = `#${f.utterance} ${f.start !== undefined ? clock(f.start) + ' ' : ''}${f.line}:${f.column}`;
      const who = f.speaker ? safeText(f.speaker) : '—';
      const contrib = (f.contribution >= 0 ? '+' : '') + f.contribution.toFixed(2);
      const mods = f.modifiers.length ? c.dim(` [${f.modifiers.join(', ')}]`) : '';
      out.push(
        `  ${where.padEnd(12)} ${who.slice(0, 14).padEnd(14)} ${CATEGORY_COLOR[f.category](c)(f.category.padEnd(13))} ${contrib.padStart(6)}  ` +
          `"${c.bold(safeText(f.text))}"${mods} ${c.dim(`w ${f.weight} ${f.id}`)}`,
      );
    }
  } else {
    out.push(c.dim('No evidence found.'));
  }
  for (const w of result.warnings) out.push(c.yellow(`warning: ${safeText(w)}`));
  return out.join('\n') + '\n';
}
