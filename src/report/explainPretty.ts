import { Chalk, type ChalkInstance } from 'chalk';
import type { Category } from '../types.js';
import type { ExplainView } from '../core/call/view.js';
import { STAGES } from '../types.js';
import { findingsByUtterance, highlights, segments } from './highlight.js';
import { CATEGORY_COLOR, VERDICT_PALETTE } from './palette.js';
import { safeText } from './safe.js';
import { clock } from './pretty.js';
import { buckets, bar } from './sparkline.js';
import { pad, textWidth, truncate, wrap, type Piece } from './wrap.js';

export interface ExplainOptions {
  color: boolean;
  /** Terminal columns. */
  width: number;
}

/** Without colour, a highlighted phrase is bracketed and tagged: `[download AnyDesk]R`. */
export const CATEGORY_MARK: Record<Category, string> = {
  hook: 'H',
  authority: 'A',
  remote_access: 'R',
  fake_proof: 'F',
  payment: '$',
  credentials: 'C',
  pressure: 'P',
  counter: '✓',
};

const SPEAKER_MAX = 14;
const MIN_TEXT = 20;

/** The utterance's text as pieces: highlights coloured, or bracketed and tagged without colour. */
function pieces(text: string, spans: ReturnType<typeof highlights>, c: ChalkInstance, color: boolean): Piece[] {
  // Whitespace (line ends inside a cue, tabs) becomes spaces before control characters are escaped.
  const clean = (t: string) => safeText(t.replace(/\s+/gu, ' '));
  return segments(text, spans).map(({ text: t, highlight: h }) => {
    if (!h) return { text: clean(t) };
    const style = CATEGORY_COLOR[h.category](c);
    // Discounted evidence (negated, reported, retold, said by the one called) is dimmed: it counts less.
    const dim = h.finding.effective < h.finding.weight;
    if (color) return { text: clean(t), style: (s: string) => (dim ? style.dim.underline(s) : style.underline(s)) };
    return { text: `[${clean(t)}]${CATEGORY_MARK[h.category]}` };
  });
}

function levelStyle(score: number, t: ExplainView['thresholds'], c: ChalkInstance): ChalkInstance {
  return score >= t.scam ? c.red : score >= t.suspicious ? c.yellow : c.green;
}

/**
 * The transcript as said, utterance by utterance, with each matched phrase highlighted, a marker
 * where the alert fired, a sparkline of the running score, a legend and the verdict. Fits `width`
 * columns; transcript text is always made safe.
 */
export function formatExplain(view: ExplainView, options: ExplainOptions): string {
  const { result, transcript, timeline } = view;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.floor(options.width));
  const out: string[] = [];
  out.push(
    `${c.bold(safeText(result.file))}  ` +
      c.dim(`(${result.language}, ${result.format}, ${result.utterances} utterances${result.driver ? `, driven by ${safeText(result.driver)}` : ''})`),
  );
  out.push('');

  const utterances = transcript.utterances;
  const numWidth = String(utterances.length).length;
  const names = utterances.map((u) => (u.speaker === null ? '' : safeText(u.speaker)));
  const nameWidth = Math.min(SPEAKER_MAX, Math.max(0, ...names.map(textWidth)));
  // Timed formats (SRT, VTT, Whisper, AWS, JSON turns with start) show when each utterance began.
  const timed = utterances.some((u) => u.start !== undefined);
  const timeWidth = timed ? 9 : 0;
  const prefixWidth = 2 + numWidth + 1 + timeWidth + (nameWidth ? nameWidth + 1 : 0) + 2;
  const textCols = Math.max(MIN_TEXT, width - prefixWidth);
  const byUtterance = findingsByUtterance(result.findings);
  const blank = ' '.repeat(2 + numWidth + 1 + timeWidth + (nameWidth ? nameWidth + 1 : 0));
  utterances.forEach((u, i) => {
    const spans = highlights(u, byUtterance.get(u.index) ?? []);
    const lines = wrap(pieces(u.text, spans, c, options.color), textCols);
    const alert = result.alert === u.index;
    const gutter = alert ? c.red.bold('▶ ') : '  ';
    const time = timed ? c.dim(u.start !== undefined ? clock(u.start) : '        ') + ' ' : '';
    const head = `${gutter}${c.dim(String(u.index).padStart(numWidth))} ${time}${nameWidth ? c.bold(pad(truncate(names[i]!, nameWidth), nameWidth)) + ' ' : ''}`;
    lines.forEach((line, k) => out.push(`${k === 0 ? head : blank}${c.dim('│')} ${line}`));
    if (alert) {
      const note = `└ alert: the call reads as a scam from here (score ${(timeline[i] ?? result.score).toFixed(2)})`;
      for (const line of wrap([{ text: note, style: c.red.bold }], textCols + 2)) out.push(blank + line);
    }
  });
  out.push('');

  // The running score, squeezed to fit: each character is the highest score of its utterances.
  const label = 'Verdict '; // the widest label, so all line up
  const sparkWidth = Math.max(10, width - label.length - 14);
  const bs = buckets(timeline, sparkWidth);
  const spark = bs.map((b) => levelStyle(b.value, view.thresholds, c)(bar(b.value))).join('');
  const last = timeline.length ? timeline[timeline.length - 1]! : 0;
  out.push(`${c.bold('Risk'.padEnd(label.length))}${spark}  ${c.dim(`score ${last.toFixed(2)}`)}`);
  const span = bs.length && bs.length < timeline.length ? `${timeline.length} utterances in ${bs.length} marks` : 'one mark per utterance';
  const indent = ' '.repeat(label.length);
  const note = (text: string) => {
    for (const line of wrap([{ text, style: c.dim }], width - label.length)) out.push(indent + line);
  };
  if (result.alert !== null) {
    const at = Math.max(
      0,
      bs.findIndex((b) => b.from <= result.alert! - 1 && result.alert! - 1 <= b.to),
    );
    const said = `alert at utterance ${result.alert}`;
    // The caret stands under the alert's mark; what it means goes beside it when it fits.
    const beside = label.length + at + 2 + said.length <= width;
    out.push(`${' '.repeat(label.length + at)}${c.red.bold('^')}${beside ? ' ' + c.dim(said) : ''}`);
    note(beside ? `(${span})` : `${said} (${span})`);
  } else {
    note(`no alert (${span})`);
  }

  // Labelled blocks wrap under their label; a no-break space keeps a name with its mark.
  const block = (name: string, items: Piece[]) => {
    const spaced = items.flatMap((p, k) => (k ? [{ text: ' ' }, p] : [p]));
    const lines = wrap(spaced, width - label.length);
    lines.forEach((line, k) => out.push((k === 0 ? c.bold(name.padEnd(label.length)) : ' '.repeat(label.length)) + line));
  };
  const seen = new Set(result.findings.map((f) => f.category));
  const legend = (Object.keys(CATEGORY_MARK) as Category[])
    .filter((cat) => seen.has(cat))
    .map((cat): Piece => (options.color ? { text: cat, style: CATEGORY_COLOR[cat](c).underline } : { text: `[…]${CATEGORY_MARK[cat]}\u00a0${cat}` }));
  block('Legend', legend.length ? legend : [{ text: 'no evidence found', style: c.dim }]);
  block(
    'Stages',
    STAGES.map((s): Piece => (result.stagesSeen.includes(s) ? { text: `${s}\u00a0✓`, style: c.bold } : { text: `${s}\u00a0·`, style: c.dim })),
  );
  block('Verdict', [
    { text: `\u00a0${result.verdict.toUpperCase()}\u00a0`, style: VERDICT_PALETTE[result.verdict].badge(c) },
    { text: `score\u00a0${result.score.toFixed(2)}` },
    { text: result.alert !== null ? `alert at utterance ${result.alert} of ${result.utterances}` : 'no alert' },
  ]);
  for (const w of result.warnings) out.push(c.yellow(`warning: ${safeText(w)}`));
  return out.join('\n') + '\n';
}
