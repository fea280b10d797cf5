import type { Category, Finding, Utterance } from '../types.js';

/** A matched phrase inside an utterance's text: `start` and `end` count code units of `text`. */
export interface Highlight {
  start: number;
  end: number;
  category: Category;
  /** The finding shown here. */
  finding: Finding;
}

/** A piece of an utterance's text, highlighted when it is (part of) a matched phrase. */
export interface Segment {
  text: string;
  highlight: Highlight | null;
}

/** First k with map[k] >= target (the map of a non-verbatim utterance is non-decreasing). */
function lowerBound(map: number[], target: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Source offsets to positions in the utterance's text, through its map when it has one. */
function local(u: Utterance, offset: number): number {
  const k = u.map ? lowerBound(u.map, offset) : offset - u.offset;
  return Math.max(0, Math.min(u.text.length, k));
}

/**
 * Where the findings of this utterance are in its text, sorted and without overlaps: overlapping
 * phrases of one category merge; a phrase overlapping another category's keeps only its part after
 * it (the earlier phrase already shows there).
 */
export function highlights(u: Utterance, findings: readonly Finding[]): Highlight[] {
  const spans: Highlight[] = [];
  for (const f of findings) {
    if (f.utterance !== u.index) continue;
    const start = local(u, f.offset);
    const end = local(u, f.offset + f.length);
    if (end > start) spans.push({ start, end, category: f.category, finding: f });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Highlight[] = [];
  let reached = 0;
  for (const s of spans) {
    const last = out[out.length - 1];
    // Overlapping phrases of one category read as one; another category's starts after the words shown.
    if (last && s.start < reached && s.category === last.category) {
      if (s.end > last.end) last.end = reached = s.end;
      continue;
    }
    let start = Math.max(s.start, reached);
    while (start < s.end && /\s/.test(u.text[start]!)) start++;
    if (s.end <= start) continue;
    out.push({ ...s, start });
    reached = s.end;
  }
  return out;
}

/** The utterance's text cut at its highlights, in order; joined, the pieces are the text. */
export function segments(text: string, spans: readonly Highlight[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const h of spans) {
    if (h.start > at) out.push({ text: text.slice(at, h.start), highlight: null });
    out.push({ text: text.slice(h.start, h.end), highlight: h });
    at = h.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), highlight: null });
  return out;
}

/** The findings of each utterance number, for transcripts with many utterances. */
export function findingsByUtterance(findings: readonly Finding[]): Map<number, Finding[]> {
  const by = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = by.get(f.utterance);
    if (list) list.push(f);
    else by.set(f.utterance, [f]);
  }
  return by;
}
