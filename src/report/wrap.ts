/** A piece of text with how to show it (colour); the style must not change its width. */
export interface Piece {
  text: string;
  style?: (text: string) => string;
}

/** Combining marks take no column; East Asian wide letters and most emoji take two. */
const ZERO = /[\p{M}\u200b-\u200d\ufeff]/u;
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

export function charWidth(ch: string): number {
  return ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
}

/** Columns a string takes on a terminal (close enough for alignment; no terminal agrees on all). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

type Word = Piece[];

/** Splits pieces into words (runs without spaces, possibly spanning pieces) at runs of spaces. */
function words(pieces: readonly Piece[]): Word[] {
  const out: Word[] = [];
  let word: Word = [];
  for (const p of pieces) {
    for (const part of p.text.split(/( +)/)) {
      if (part === '') continue;
      if (part.startsWith(' ')) {
        if (word.length) out.push(word);
        word = [];
      } else {
        word.push({ ...p, text: part });
      }
    }
  }
  if (word.length) out.push(word);
  return out;
}

/** Cuts a word wider than a line into line-wide chunks. */
function chop(word: Word, width: number): Word[] {
  const out: Word[] = [];
  let chunk: Word = [];
  let w = 0;
  for (const p of word) {
    let text = '';
    for (const ch of p.text) {
      const cw = charWidth(ch);
      if (w + cw > width && w > 0) {
        if (text) chunk.push({ ...p, text });
        out.push(chunk);
        chunk = [];
        text = '';
        w = 0;
      }
      text += ch;
      w += cw;
    }
    if (text) chunk.push({ ...p, text });
  }
  if (chunk.length) out.push(chunk);
  return out;
}

const render = (word: Word) => word.map((p) => (p.style ? p.style(p.text) : p.text)).join('');
const wordWidth = (word: Word) => word.reduce((n, p) => n + textWidth(p.text), 0);

/**
 * Fills lines at most `width` columns wide with the pieces' words, breaking at spaces (a word wider
 * than a line is cut). Spaces collapse to one; styles apply per piece, so colours never span a break.
 */
export function wrap(pieces: readonly Piece[], width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let lastStyle: Piece['style'];
  for (const word of words(pieces).flatMap((x) => (wordWidth(x) > w ? chop(x, w) : [x]))) {
    const ww = wordWidth(word);
    if (used > 0 && used + 1 + ww > w) {
      lines.push(line);
      line = '';
      used = 0;
    }
    // A space inside one styled piece keeps its style (an underline runs on under the phrase).
    const style = word[0]!.style;
    if (used > 0) line += style && style === lastStyle ? style(' ') : ' ';
    line += render(word);
    used += (used > 0 ? 1 : 0) + ww;
    lastStyle = word[word.length - 1]!.style;
  }
  lines.push(line);
  return lines;
}

/** The text padded with spaces to `width` columns (as it is when already wider). */
export const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - textWidth(text)));

/** The text cut to at most `width` columns, with `…` where it was cut. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}
