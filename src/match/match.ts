import type { Token } from '../types.js';
import { PREFIX_KEY, type CompiledPattern, type Matcher } from '../lexicon/compile.js';
import type { Step } from '../lexicon/pattern.js';

/** A pattern found over words [from, to) of a token list. */
export interface Hit {
  pattern: CompiledPattern;
  from: number;
  to: number;
}

function stepMatches(step: Step, token: Token): boolean {
  if (step.stems.has(token.stem) || step.forms.has(token.form)) return true;
  for (const p of step.prefixes) if (token.form.startsWith(p)) return true;
  for (const shape of step.shapes) if (shape(token.form)) return true;
  return false;
}

/**
 * The end of the shortest match of `steps` starting at word `from`, or -1. Tracks the set of
 * reachable positions step by step (no backtracking), so a pattern with gaps costs
 * O(steps × words in reach), whatever the text.
 */
export function matchAt(steps: Step[], tokens: Token[], from: number): number {
  return stepMatches(steps[0]!, tokens[from]!) ? matchRest(steps, tokens, from) : -1;
}

/** matchAt, once the first step is known to match word `from`. */
function matchRest(steps: Step[], tokens: Token[], from: number): number {
  if (steps.length === 1) return from + 1;
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

/** The words of an utterance, to rule patterns out before trying them. */
interface Present {
  stems: Set<string>;
  forms: Set<string>;
}

function anchored(step: Step | null, present: Present): boolean {
  if (!step) return true;
  for (const v of step.stems) if (present.stems.has(v)) return true;
  for (const v of step.forms) if (present.forms.has(v)) return true;
  return false;
}

/**
 * The patterns that start at a word: of those listed under its stem, its form or its prefix, and
 * the shape patterns, the ones whose first step the word matches.
 */
function candidatesOf(matcher: Matcher, t: Token): CompiledPattern[] {
  // Keyed by form: within one matcher's language the stem follows from the form (checked all the same).
  const cached = matcher.candidates.get(t.form);
  if (cached && cached.stem === t.stem) return cached.list;
  const union = new Set<CompiledPattern>([
    ...(matcher.byStem.get(t.stem) ?? []),
    ...(matcher.byForm.get(t.form) ?? []),
    ...(t.form.length >= PREFIX_KEY ? (matcher.byPrefix.get(t.form.slice(0, PREFIX_KEY)) ?? []) : []),
    ...matcher.always,
  ]);
  const list = [...union].filter((p) => stepMatches(p.steps[0]!, t));
  // The cache holds one entry per distinct word seen: bounded, so a huge vocabulary cannot grow it.
  if (matcher.candidates.size >= CANDIDATE_CACHE) matcher.candidates.clear();
  matcher.candidates.set(t.form, { stem: t.stem, list });
  return list;
}

const CANDIDATE_CACHE = 50_000;
/** Utterances longer than this many words have their words indexed to rule out patterns by their anchor. */
const ANCHOR_INDEX_FROM = 24;

/** Every pattern of the matcher found in the tokens, by start word; one hit per pattern and start. */
export function findHits(matcher: Matcher, tokens: Token[]): Hit[] {
  const hits: Hit[] = [];
  let present: Present | null = null;
  // Short utterances are cheaper to try than to index.
  const prefilter = tokens.length > ANCHOR_INDEX_FROM;
  for (let i = 0; i < tokens.length; i++) {
    const list = candidatesOf(matcher, tokens[i]!);
    for (const pattern of list) {
      if (prefilter && pattern.anchor) {
        present ??= presentWords(tokens);
        if (!anchored(pattern.anchor, present)) continue;
      }
      const to = matchRest(pattern.steps, tokens, i);
      if (to >= 0) hits.push({ pattern, from: i, to });
    }
  }
  return hits;
}

function presentWords(tokens: Token[]): Present {
  const present: Present = { stems: new Set(), forms: new Set() };
  for (const t of tokens) {
    present.stems.add(t.stem);
    present.forms.add(t.form);
  }
  return present;
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
