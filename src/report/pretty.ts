import { Chalk, type ChalkInstance } from 'chalk';
import type { Category, Result } from '../types.js';
import { STAGES } from '../types.js';
import { byContribution, counters, decisive, evidenceRows, moveName, positiveTotal, share, type EvidenceRow } from './evidence.js';
import { CATEGORY_COLOR, VERDICT_PALETTE } from './palette.js';
import { safeText } from './safe.js';
import { pad, textWidth, truncate, wrap, type Piece } from './wrap.js';

export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function bar(value: number, width = 10): string {
  const n = Math.round(value * width);
  return '█'.repeat(n) + '·'.repeat(width - n);
}

export type EvidenceOrder = 'contribution' | 'transcript';
export const EVIDENCE_ORDERS: readonly EvidenceOrder[] = ['contribution', 'transcript'];

export interface PrettyOptions {
  color: boolean;
  /** Line width in columns (quotes are cut to fit); default 80. */
  width?: number;
  /** Evidence strongest first (default) or in transcript order. */
  order?: EvidenceOrder;
}

/** Never narrower than this, whatever the terminal says. */
const MIN_WIDTH = 40;
const SPEAKER_MAX = 12;

/** `cover story "if the cashier asks…" (#35)`: a move, what was said (when `quote` > 0) and where. */
function move(r: EvidenceRow, quote: number): string {
  const said = quote > 0 ? ` "${truncate(safeText(r.finding.text), quote)}"` : '';
  return `${moveName(r.finding.id)}${said} (#${r.finding.utterance})`;
}

/**
 * The one-line reason: the moves that decided the verdict, or why there is none; with what was said
 * when it fits in `width` columns, else the moves alone.
 */
export function reason(result: Result, width = Infinity): string {
  const top = decisive(result);
  const against = counters(result);
  const line = (quote: number, most: number) => {
    const list = (rows: EvidenceRow[]) =>
      rows
        .slice(0, most)
        .map((r) => move(r, quote))
        .join(', ');
    if (result.verdict !== 'clean') return list(top) + (against.length ? `; against it: ${list(against)}` : '');
    const counter = against.length ? `counter-signals ${list(against)}` : '';
    if (top.length === 0) return counter ? `no evidence of a scam script; ${counter}` : 'no evidence of a scam script';
    return `too little evidence: ${list(top)}${counter ? `; ${counter}` : ''}`;
  };
  for (const [quote, most] of [
    [40, 3],
    [24, 3],
    [0, 3],
    [0, 2],
    [0, 1],
  ] as const)
    if (textWidth(line(quote, most)) <= width) return line(quote, most);
  return truncate(line(0, 1), width);
}

function categoryLabel(cats: readonly Category[], c: ChalkInstance, width: number): string {
  const text = truncate(cats.join('+'), width);
  return CATEGORY_COLOR[cats[0]!](c)(pad(text, width));
}

/** The human view of one result: verdict and reason first, then stages, categories, evidence. Colour only when asked; transcript text is always made safe. */
export function formatPretty(result: Result, options: PrettyOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? 80));
  const out: string[] = [];
  const verdict = VERDICT_PALETTE[result.verdict].badge(c)(` ${result.verdict.toUpperCase()} `);
  // The verdict first, then the file name when it fits the line (else it heads the Call line, wrapped: never cut).
  const file = safeText(result.file);
  const head = ` ${result.verdict.toUpperCase()}   score ${result.score.toFixed(2)}  strength ${result.strength.toFixed(2)}  `;
  const fileFits = textWidth(head + file) <= width;
  out.push(`${verdict}${head.slice(result.verdict.length + 2)}${fileFits ? c.bold(file) : ''}`.trimEnd());
  out.push(`${c.bold('Why:')} ${reason(result, width - 5)}`);
  const about = `${fileFits ? '' : `${file}: `}${result.language}, ${result.format}, ${result.utterances} utterances${result.driver ? `, driven by ${safeText(result.driver)}` : ''}`;
  for (const [k, line] of wrap([{ text: about }], width - 6).entries()) out.push(c.dim(`${k ? '      ' : 'Call: '}${line}`));
  // A no-break space keeps each stage with its mark when the line wraps.
  const stages: Piece[] = STAGES.map((s) => (result.stagesSeen.includes(s) ? { text: `${s}\u00a0✓`, style: c.bold } : { text: `${s}\u00a0·`, style: c.dim }));
  if (result.alert !== null) stages.push({ text: `—\u00a0alert\u00a0at\u00a0utterance\u00a0${result.alert}\u00a0of\u00a0${result.utterances}` });
  const stageLines = wrap(
    stages.flatMap((p, k) => (k ? [{ text: ' ' }, p] : [p])),
    width - 8,
  );
  stageLines.forEach((line, k) => out.push((k ? ' '.repeat(8) : 'Stages: ') + line.replace(/\u00a0/g, ' ')));
  // Risk categories get a bar; the counter-signal score lowers the risk, so it is a line of its own.
  const cats = (Object.entries(result.categories) as Array<[Category, number]>).filter(([cat, v]) => v > 0 && cat !== 'counter');
  if (cats.length) {
    out.push('Categories:');
    for (const [cat, v] of cats.sort((a, b) => b[1] - a[1])) out.push(`  ${CATEGORY_COLOR[cat](c)(cat.padEnd(14))} ${v.toFixed(2)} ${bar(v)}`);
  }
  if (result.categories.counter > 0)
    out.push(`Counter-signals: ${result.categories.counter.toFixed(2)} ${c.dim('(signs of a legitimate call; they lower the score)')}`);

  const rows = evidenceRows(result.findings);
  if (rows.length) {
    const order = options.order ?? 'contribution';
    const shown = order === 'transcript' ? rows : byContribution(rows);
    const total = positiveTotal(rows);
    out.push(`Evidence (${rows.length}), ${order === 'transcript' ? 'in transcript order' : 'strongest first'}:`);
    const wheres = shown.map((r) => {
      const f = r.finding;
      return `#${f.utterance} ${f.start !== undefined ? clock(f.start) + ' ' : ''}${f.line}:${f.column}`;
    });
    const whereWidth = Math.max(...wheres.map((w) => w.length));
    const speakers = shown.map((r) => (r.finding.speaker ? safeText(r.finding.speaker) : '—'));
    const speakerWidth = Math.min(SPEAKER_MAX, Math.max(...speakers.map(textWidth)));
    const catWidth = Math.min(27, Math.max(...shown.map((r) => r.categories.join('+').length)));
    const timed = shown.some((r) => r.finding.start !== undefined);
    // The legend, once: what each column is.
    out.push(
      c.dim(
        truncate(
          `  ${'share'.padStart(5)} ${pad('category', catWidth)} ${pad(timed ? '#utt time line:col' : '#utt line:col', whereWidth)} ${pad('speaker', speakerWidth)} "as said" [discount] entry`,
          width,
        ),
      ),
    );
    shown.forEach((r, i) => {
      const f = r.finding;
      const full = f.modifiers.length ? ` [${f.modifiers.join(', ')}]` : '';
      // Columns before the quote: share, category, where and speaker, each followed by a space.
      const head = 2 + 6 + catWidth + 1 + whereWidth + 1 + speakerWidth + 1;
      // On a narrow line the discounts shrink to a mark before the quote shrinks below 8 columns.
      const mods = full && width - head - 2 - full.length < 8 ? ' […]' : full;
      const room = width - head - 2 - mods.length;
      const id = ` ${r.ids.join(' ')}`;
      // The entry id is shown when there is room for it after the whole quote.
      const withId = textWidth(safeText(f.text)) + id.length <= room;
      const quote = truncate(safeText(f.text), Math.max(8, room));
      const discounted = f.effective < f.weight;
      const said = discounted ? c.dim(`"${quote}"`) : `"${c.bold(quote)}"`;
      out.push(
        `  ${share(r.contribution, total).padStart(5)} ${categoryLabel(r.categories, c, catWidth)} ${pad(wheres[i]!, whereWidth)} ${pad(truncate(speakers[i]!, speakerWidth), speakerWidth)} ` +
          `${said}${c.dim(mods)}${withId ? c.dim(id) : ''}`,
      );
    });
    if (rows.some((r) => r.finding.modifiers.length)) {
      const note = 'discounts (the finding counts less): negated, reported (quoted), retold (a story of a past call), receiver (said by the one called)';
      for (const line of wrap([{ text: note }], width - 2)) out.push(c.dim(`  ${line}`));
    }
  } else {
    out.push(c.dim('No evidence found.'));
  }
  for (const w of result.warnings) out.push(c.yellow(`warning: ${safeText(w)}`));
  return out.join('\n') + '\n';
}
