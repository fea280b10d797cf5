import type { Transcript, Utterance } from '../../types.js';

/**
 * Longest utterance handed to the matcher. Longer ones (an unpunctuated speech-to-text dump, a
 * 200 MB single line) are cut at a space near the limit, so memory per utterance stays bounded and
 * a live alert can still point at a part of the text.
 */
export const MAX_UTTERANCE = 2_000;

/**
 * Where a text longer than `max` is cut: the start of each piece, then the text's length. A piece
 * ends after the last space of its second half, or at `max` when there is none.
 */
export function cutPoints(text: string, max = MAX_UTTERANCE): number[] {
  const cuts = [0];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      // The last space in the piece's second half (before `to`, so the piece keeps to `max`):
      // searched there only (lastIndexOf went on to the start of the text when there was none,
      // quadratic in a long line without spaces).
      let space = to - 1;
      while (space > from + max / 2 && text.charCodeAt(space) !== 32) space--;
      if (space > from + max / 2) to = space + 1;
    }
    cuts.push(to);
    from = to;
  }
  return cuts;
}

function pieces(u: Utterance, max: number): Utterance[] {
  const cuts = cutPoints(u.text, max);
  const out: Utterance[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const piece: Utterance = { ...u, text: u.text.slice(from, to), offset: u.map ? (u.map[from] ?? u.offset) : u.offset + from };
    if (u.map) piece.map = u.map.slice(from, to + 1);
    out.push(piece);
  }
  return out;
}

/** The transcript with over-long utterances split and utterances renumbered from 1. */
export function capUtterances(t: Transcript, max = MAX_UTTERANCE): Transcript {
  if (t.utterances.every((u) => u.text.length <= max)) return t;
  const utterances = t.utterances.flatMap((u) => (u.text.length <= max ? [u] : pieces(u, max))).map((u, i) => ({ ...u, index: i + 1 }));
  return { ...t, utterances };
}
