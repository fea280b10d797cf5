import type { Transcript, Utterance } from '../../types.js';

/**
 * Longest utterance handed to the matcher. Longer ones (an unpunctuated speech-to-text dump, a
 * 200 MB single line) are cut at a space near the limit, so memory per utterance stays bounded and
 * a live alert can still point at a part of the text.
 */
export const MAX_UTTERANCE = 2_000;

function pieces(u: Utterance, max: number): Utterance[] {
  const out: Utterance[] = [];
  let from = 0;
  while (from < u.text.length) {
    let to = Math.min(u.text.length, from + max);
    if (to < u.text.length) {
      // The last space in the piece's second half: searched there only (lastIndexOf would go on
      // to the start of the text when there is none, quadratic in a long line without spaces).
      let space = to;
      while (space > from + max / 2 && u.text.charCodeAt(space) !== 32) space--;
      if (space > from + max / 2) to = space + 1;
    }
    const piece: Utterance = { ...u, text: u.text.slice(from, to), offset: u.map ? (u.map[from] ?? u.offset) : u.offset + from };
    if (u.map) piece.map = u.map.slice(from, to + 1);
    out.push(piece);
    from = to;
  }
  return out;
}

/** The transcript with over-long utterances split and utterances renumbered from 1. */
export function capUtterances(t: Transcript, max = MAX_UTTERANCE): Transcript {
  if (t.utterances.every((u) => u.text.length <= max)) return t;
  const utterances = t.utterances.flatMap((u) => (u.text.length <= max ? [u] : pieces(u, max))).map((u, i) => ({ ...u, index: i + 1 }));
  return { ...t, utterances };
}
