import type { Utterance } from '../../types.js';
import { needsSegmenting, segment, type TurnKind } from './segment.js';
import { SENTENCE_END } from './sentence.js';

/**
 * Utterance text assembled from pieces of the source (cue lines without their markup, decoded JSON
 * strings, AWS words), remembering the source offset of every code unit so that findings can be
 * located in the file even when the text is not a verbatim slice of it.
 */
export class MappedText {
  text = '';
  private at: number[] = [];
  /** Source offset just after the last piece: where a separator or the end of the text maps to. */
  private end = 0;

  constructor(readonly source: string) {}

  get length(): number {
    return this.text.length;
  }

  /** Appends source[from, to) as it is. */
  slice(from: number, to: number): void {
    if (to <= from) return;
    this.text += this.source.slice(from, to);
    for (let i = from; i < to; i++) this.at.push(i);
    this.end = to;
  }

  /** Appends decoded text that stands for source[from, to) (an entity or escape), all of it mapped to `from`. */
  decoded(text: string, from: number, to: number): void {
    this.text += text;
    for (let i = 0; i < text.length; i++) this.at.push(from);
    this.end = to;
  }

  /** Appends text whose code unit i comes from source offset at[i]; at[text.length] is its end. */
  mapped(text: string, at: readonly number[]): void {
    this.text += text;
    for (let i = 0; i < text.length; i++) this.at.push(at[i]!);
    this.end = at[text.length]!;
  }

  /** Appends another mapped text of the same source, with its mapping. */
  append(other: MappedText): void {
    this.text += other.text;
    for (let i = 0; i < other.text.length; i++) this.at.push(other.at[i]!);
    this.end = other.end;
  }

  /** Appends a separator with no source of its own (a space for a line break, between words): it maps to the end of what precedes. */
  sep(text: string): void {
    if (this.text === '') return;
    this.text += text;
    for (let i = 0; i < text.length; i++) this.at.push(this.end);
  }

  /** Source offset of the text's code unit `i` (its end for `i = length`). */
  offsetAt(i: number): number {
    return i < this.at.length ? this.at[i]! : this.end;
  }

  /**
   * The trimmed text as an utterance, or null when blank. `map` is left out when the text is a
   * verbatim slice of the source, as the Utterance contract says.
   */
  toUtterance(index: number, speaker: string | null, start?: number): Utterance | null {
    return this.range(0, this.text.length, index, speaker, start);
  }

  /** Like toUtterance, for the part text[from, to). */
  range(from: number, to: number, index: number, speaker: string | null, start?: number): Utterance | null {
    while (from < to && /\s/u.test(this.text[from]!)) from++;
    while (to > from && /\s/u.test(this.text[to - 1]!)) to--;
    if (from === to) return null;
    const text = this.text.slice(from, to);
    const offset = this.offsetAt(from);
    const u: Utterance = { index, speaker, text, offset };
    const map = this.at.slice(from, to);
    // The end is where the next unit starts, or the end of the last piece.
    map.push(to < this.at.length ? this.at[to]! : this.end);
    if (!map.every((o, i) => o === offset + i) || this.source.slice(offset, offset + text.length) !== text) u.map = map;
    if (start !== undefined) u.start = start;
    return u;
  }
}

/**
 * Splits a mapped text into one utterance per sentence, for sources that have no turns (Whisper
 * without segments, AWS without speakers); a long unpunctuated sentence into the turns and clauses
 * `segment` recovers (marked `turn`, speaker unknown).
 */
export function sentenceUtterances(m: MappedText, firstIndex: number, speaker: string | null = null, start?: number): Utterance[] {
  const out: Utterance[] = [];
  const push = (from: number, to: number, turn?: TurnKind) => {
    const u = m.range(from, to, firstIndex + out.length, speaker, out.length === 0 ? start : undefined);
    if (!u) return;
    if (turn) u.turn = speaker !== null && turn === 'recovered' ? 'continued' : turn;
    out.push(u);
  };
  const sentence = (from: number, to: number) => {
    const text = m.text.slice(from, to);
    if (!needsSegmenting(text)) return push(from, to);
    for (const s of segment(text)) push(from + s.start, from + s.end, s.turn);
  };
  let from = 0;
  for (const s of m.text.matchAll(SENTENCE_END)) {
    sentence(from, s.index + s[0].length);
    from = s.index + s[0].length;
  }
  sentence(from, m.text.length);
  return out;
}
