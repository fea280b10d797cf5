import type { Token } from '../types.js';
import { keyOf, type CompiledPattern, type Matcher } from '../lexicon/compile.js';
import { SHAPES, type Atom, type Step } from '../lexicon/pattern.js';

/** A pattern found over words [from, to) of a token list. */
export interface Hit {
  pattern: CompiledPattern;
  from: number;
  to: number;
}

/** One handler per atom kind. */
const ATOM_TESTS: { [K in Atom['kind']]: (value: string, token: Token) => boolean } = {
  stem: (value, t) => t.stem === value,
  form: (value, t) => t.form === value,
  prefix: (value, t) => t.form.startsWith(value),
  shape: (value, t) => SHAPES[value]!(t.form),
};

function stepMatches(step: Step, token: Token): boolean {
  for (const atom of step.atoms) if (ATOM_TESTS[atom.kind](atom.value, token)) return true;
  return false;
}

/**
 * The end of the shortest match of `steps` starting at word `from`, or -1. Tracks the set of
 * reachable positions step by step (no backtracking), so a pattern with gaps costs
 * O(steps × words in reach), whatever the text.
 */
export function matchAt(steps: Step[], tokens: Token[], from: number): number {
  if (!stepMatches(steps[0]!, tokens[from]!)) return -1;
  const sentence = tokens[from]!.sentence;
  let frontier = [from + 1];
  for (let k = 1; k < steps.length; k++) {
    const step = steps[k]!;
    const next: number[] = [];
    let checked = -1;
    for (const s of frontier) {
      let last = Math.min(s + step.gap, tokens.length - 1);
      while (last >= s && tokens[last]!.sentence !== sentence) last--;
      for (let j = Math.max(s, checked + 1); j <= last; j++) {
        if (stepMatches(step, tokens[j]!)) next.push(j + 1);
      }
      checked = Math.max(checked, last);
    }
    if (next.length === 0) return -1;
    frontier = next;
  }
  return frontier[0]!;
}

/** Every pattern of the matcher found in the tokens, by start word; one hit per pattern and start. */
export function findHits(matcher: Matcher, tokens: Token[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const candidates = [matcher.byKey.get(keyOf('stem', t.stem)), matcher.byKey.get(keyOf('form', t.form)), matcher.always];
    for (const list of candidates) {
      if (!list) continue;
      for (const pattern of list) {
        const to = matchAt(pattern.steps, tokens, i);
        if (to >= 0) hits.push({ pattern, from: i, to });
      }
    }
  }
  return hits;
}

/**
 * Keeps one hit per entry where its phrases overlap, and drops a hit whose words lie inside a
 * stronger (or equal, longer) hit of the same category: "install anydesk" and "anydesk" are one piece of evidence.
 */
export function dedupeHits(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: Hit[] = [];
  for (const h of sorted) {
    const e = h.pattern.entry;
    const covered = kept.some((k) => {
      const ke = k.pattern.entry;
      const overlaps = k.from < h.to && h.from < k.to;
      if (ke.id === e.id) return overlaps;
      const inside = k.from <= h.from && h.to <= k.to;
      return inside && ke.category === e.category && ke.weight >= e.weight;
    });
    if (!covered) kept.push(h);
  }
  // A weaker hit kept first can still lie inside a stronger later one (same start, sorted by length).
  return kept.filter(
    (h) =>
      !kept.some(
        (k) =>
          k !== h &&
          k.pattern.entry.category === h.pattern.entry.category &&
          k.pattern.entry.weight > h.pattern.entry.weight &&
          k.from <= h.from &&
          h.to <= k.to,
      ),
  );
}
