import type { Token } from '../../types.js';
import {
  ANCHOR_WORDS,
  anchorBit,
  anchorSteps,
  prefixAnchor,
  PREFIX_KEY,
  type CompiledFrame,
  type CompiledPattern,
  type Matcher,
  type WordInfo,
} from '../lexicon/compile.js';
import type { Step } from '../lexicon/pattern.js';
import { remember } from '../text/memo.js';

/** A pattern found over words [from, to) of a token list. */
export interface Hit {
  pattern: CompiledPattern;
  from: number;
  to: number;
  /**
   * For a frame's hit, the first word of each of its parts, in the frame's order: what governs the
   * move (a negator before "give" in "the code, never give it to anyone") may stand after `from`.
   */
  heads?: number[];
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

/** The anchor words of the matcher's patterns (built once per matcher). */
function anchorWords(matcher: Matcher): Set<string> {
  matcher.anchorWords ??= new Set(matcher.all.flatMap((p) => anchorSteps(p.steps).flat()));
  return matcher.anchorWords;
}

/**
 * What the matcher needs of a word: the patterns that start there (of those listed under its stem,
 * its form or its prefix, and the shape patterns, the ones whose first step the word matches) and
 * its anchor bits. Computed once per distinct word (remembered per matcher; see wordInfo).
 */
export function infoOf(matcher: Matcher, t: Token): WordInfo {
  // Keyed by form: within one matcher's language the stem follows from the form (checked all the same).
  const cached = matcher.words.get(t.form);
  if (cached && cached.stem === t.stem) return cached;
  return remember(matcher.words, t.form, wordInfo(matcher, t), 50_000);
}

const NO_PATTERNS: readonly CompiledPattern[] = [];

/** Adds to `list` the patterns of `from` whose first step the word matches, each once, in order. */
function addStarting(list: CompiledPattern[], from: readonly CompiledPattern[] | undefined, t: Pick<Token, 'form' | 'stem'>): CompiledPattern[] {
  if (!from) return list;
  for (const p of from) if (stepMatches(p.steps[0]!, t as Token) && !list.includes(p)) list.push(p);
  return list;
}

/** The word's anchor bit (see anchorBit) as a mask of ANCHOR_WORDS number `k`, where the matcher's patterns have `w` as a later word; else 0. */
function anchorMask(anchors: Set<string>, w: string, k: number): number {
  if (!anchors.has(w)) return 0;
  const bit = anchorBit(w);
  return Math.floor(bit / 30) === k ? 1 << (bit % 30) : 0;
}

/**
 * infoOf, computed afresh (a caller that keeps it per word, as the session does, need not have it
 * remembered by the matcher too). The list holds the candidates listed under the word's stem, its form,
 * its prefix, then the shape patterns, in that order, each once, that the word's first step matches.
 */
export function wordInfo(matcher: Matcher, t: Pick<Token, 'form' | 'stem'>): WordInfo {
  const prefix = t.form.length >= PREFIX_KEY ? t.form.slice(0, PREFIX_KEY) : undefined;
  let list: CompiledPattern[] = [];
  list = addStarting(list, matcher.byStem.get(t.stem), t);
  list = addStarting(list, matcher.byForm.get(t.form), t);
  if (prefix !== undefined) list = addStarting(list, matcher.byPrefix.get(prefix), t);
  if (matcher.always.length) list = addStarting(list, matcher.always, t);
  const anchors = anchorWords(matcher);
  const key = prefix === undefined ? undefined : prefixAnchor(t.form);
  const bits = [0, 0, 0].map((_, k) => anchorMask(anchors, t.stem, k) | anchorMask(anchors, t.form, k) | (key === undefined ? 0 : anchorMask(anchors, key, k)));
  let [u0, u1, u2, open] = [0, 0, 0, false];
  for (const p of list) {
    const m = p.anchorMasks;
    if (m.length === 0) open = true;
    else [u0, u1, u2] = [u0 | m[0]!, u1 | m[1]!, u2 | m[2]!];
  }
  return { stem: t.stem, list: list.length ? list : (NO_PATTERNS as CompiledPattern[]), b0: bits[0]!, b1: bits[1]!, b2: bits[2]!, u0, u1, u2, open };
}

/** Whether the matcher lists some pattern under the word (its stem, form or prefix) or tries one everywhere: a word it does not cannot start a match. */
export function mayStart(matcher: Matcher, t: Pick<Token, 'form' | 'stem'>): boolean {
  return (
    matcher.always.length > 0 ||
    matcher.byStem.has(t.stem) ||
    matcher.byForm.has(t.form) ||
    (t.form.length >= PREFIX_KEY && matcher.byPrefix.has(t.form.slice(0, PREFIX_KEY)))
  );
}

/** findHits reads the anchor bits as three numbers: this fails to compile if ANCHOR_WORDS changes. */
const THREE: 3 = ANCHOR_WORDS;

/**
 * The words' infoOf for a matcher, when a caller keeps them (see findHits); null when the caller
 * knows that no word starts a pattern of the matcher (no hit); undefined to look them up.
 */
export type KnownInfos = (matcher: Matcher) => WordInfo[] | null | undefined;

/**
 * Every pattern of the matcher found in the tokens, by start word; one hit per pattern and start.
 * `known`: the words' infoOf for this matcher, when the caller keeps them already (null: the
 * caller knows no word starts a pattern of it).
 */
export function findHits(matcher: Matcher, tokens: Token[], known?: WordInfo[] | null, partsOut?: number[]): Hit[] {
  const hits: Hit[] = [];
  if (known === null) return hits;
  /** Hits of frame parts, flat: part, from, to (into `partsOut` when the caller keeps them: frames across utterances). */
  let parts: number[] | undefined = partsOut;
  const n = tokens.length;
  let infos = known;
  if (!infos) {
    infos = new Array<WordInfo>(n);
    let starts = false;
    for (let i = 0; i < n; i++) if ((infos[i] = infoOf(matcher, tokens[i]!)).list.length > 0) starts = true;
    if (!starts) return hits;
  }
  // after[3i..3i+2]: the anchor bits of the words after word i in its sentence, where every later
  // step of a pattern starting at i must find a word: a pattern missing one is not tried.
  if (after.length < THREE * n) after = new Int32Array(Math.max(THREE * n, 2 * after.length));
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  for (let i = n - 1; i >= 0; i--) {
    after[THREE * i] = a0;
    after[THREE * i + 1] = a1;
    after[THREE * i + 2] = a2;
    if (i > 0 && tokens[i - 1]!.sentence !== tokens[i]!.sentence) a0 = a1 = a2 = 0;
    else {
      const w = infos[i]!;
      a0 |= w.b0;
      a1 |= w.b1;
      a2 |= w.b2;
    }
  }
  for (let i = 0; i < n; i++) {
    const w = infos[i]!;
    const list = w.list;
    if (list.length === 0) continue;
    const p0 = after[THREE * i]!;
    const p1 = after[THREE * i + 1]!;
    const p2 = after[THREE * i + 2]!;
    // No listed pattern's first later word follows, and none is tried without: nothing starts here.
    if (!w.open && (w.u0 & p0) === 0 && (w.u1 & p1) === 0 && (w.u2 & p2) === 0) continue;
    next: for (const pattern of list) {
      const m = pattern.anchorMasks;
      for (let k = 0; k < m.length; k += THREE) if ((m[k]! & p0) === 0 && (m[k + 1]! & p1) === 0 && (m[k + 2]! & p2) === 0) continue next;
      const to = matchRest(pattern.steps, tokens, i);
      if (to < 0) continue;
      if (pattern.part < 0) hits.push({ pattern, from: i, to });
      else (parts ??= []).push(pattern.part, i, to);
    }
  }
  if (parts?.length) completeFrames(matcher.frames, parts, tokens, hits);
  return hits;
}

/** What frame completion reads of a word: its sentence (numbered in order). */
export type Sentenced = Pick<Token, 'sentence'>;

/**
 * Adds a hit for each frame whose parts are all among the part hits (flat: part, from, to, in order
 * of `from`), in one sentence, on words of their own, within the frame's words: for each place its first part is
 * found, the closest set of the others. Frames are few and part hits sparse, so this is a plain search.
 */
export function completeFrames(frames: CompiledFrame[], parts: number[], tokens: ArrayLike<Sentenced>, hits: Hit[]): void {
  const byPart = new Map<number, number[]>();
  for (let k = 0; k < parts.length; k += 3) {
    const list = byPart.get(parts[k]!);
    if (list) list.push(parts[k + 1]!, parts[k + 2]!);
    else byPart.set(parts[k]!, [parts[k + 1]!, parts[k + 2]!]);
  }
  next: for (const frame of frames) {
    const lists: number[][] = [];
    for (const p of frame.parts) {
      const list = byPart.get(p);
      if (!list) continue next;
      lists.push(list);
    }
    const first = lists[0]!;
    let doneTo = -1;
    for (let k = 0; k < first.length; k += 2) {
      if (first[k]! < doneTo) continue; // inside the frame found last: the same move
      const best = closest(lists, first[k]!, first[k + 1]!, frame.within, frame.sentences, tokens);
      if (best) {
        hits.push({ pattern: frame.pattern, from: best.from, to: best.to, heads: best.heads });
        doneTo = best.to;
      }
    }
  }
}

/**
 * The smallest span [from, to) holding the first part at [from0, to0) and one hit of each other
 * part, none sharing a first or last word with another, over at most `sentences` consecutive
 * sentences, at most `within` words long; or null.
 */
function closest(
  lists: number[][],
  from0: number,
  to0: number,
  within: number,
  sentences: number,
  tokens: ArrayLike<Sentenced>,
): { from: number; to: number; heads: number[] } | null {
  const sentence = tokens[from0]!.sentence;
  let best: { from: number; to: number; heads: number[] } | null = null;
  const used: number[] = [from0, to0];
  const search = (k: number, lo: number, hi: number): void => {
    if (k === lists.length) {
      if (!best || hi - lo < best.to - best.from) best = { from: lo, to: hi, heads: used.filter((_, u) => u % 2 === 0) };
      return;
    }
    const list = lists[k]!;
    for (let j = 0; j < list.length; j += 2) {
      const a = list[j]!;
      if (a >= lo + within) break; // in order of `from`: the rest start even later
      const b = list[j + 1]!;
      if (b + within <= hi) continue;
      const nlo = Math.min(lo, a);
      const nhi = Math.max(hi, b);
      // Sentences are numbered in order: the span's first and last words bound the sentences it covers.
      if (nhi - nlo > within || Math.abs(tokens[a]!.sentence - sentence) >= sentences || tokens[nhi - 1]!.sentence - tokens[nlo]!.sentence >= sentences)
        continue;
      // Two parts cannot share their first or last word ("six digit code" is not also "code"); one
      // may lie in another's gap ("read the code to me": the code inside "read ~3 me").
      let apart = true;
      for (let u = 0; u < used.length; u += 2) if (a === used[u]! || b === used[u + 1]!) apart = false;
      if (!apart) continue;
      used.push(a, b);
      search(k + 1, nlo, nhi);
      used.length -= 2;
    }
  };
  search(1, from0, to0);
  return best;
}

/** Scratch for findHits (it runs to completion, never re-entered), grown as needed. */
let after = new Int32Array(THREE * 256);

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

/** An utterance's live frame-part hits, kept so that a frame of several sentences completes across utterances. */
export interface UtteranceParts {
  /** Its words (only their sentences are read). */
  tokens: ArrayLike<Sentenced>;
  /** Flat: part, from, to; parts of frames over several sentences, none negated in the utterance. */
  parts: number[];
  /** The frames (their patterns) found within it or completed at it, if any. */
  found?: Set<CompiledPattern>;
}

/**
 * Frames of `sentences` > 1 completed across adjacent utterances: some parts in the last
 * `sentences` - 1 utterances (`earlier`, oldest first), the others in `current`, over at most
 * `sentences` sentences (an utterance ends a sentence) and `within` words. A frame already found in
 * one of them is not found again. Each hit lies in `current`: over its parts there, whose first
 * words are its heads (what a negator may govern). Adds the frames found to `current.found`.
 */
export function completeAcross(frames: CompiledFrame[], earlier: UtteranceParts[], current: UtteranceParts): Hit[] {
  const out: Hit[] = [];
  next: for (const frame of frames) {
    if (frame.sentences < 2 || current.found?.has(frame.pattern) || !hasPart(current.parts, frame.parts)) continue;
    const window = earlier.slice(Math.max(0, earlier.length - (frame.sentences - 1)));
    let before = false;
    for (const u of window) {
      if (u.found?.has(frame.pattern)) continue next;
      if (hasPart(u.parts, frame.parts)) before = true;
    }
    if (!before) continue;
    // One sequence of words over the window, each utterance's sentences after the last one's.
    const words: Sentenced[] = [];
    const parts: number[] = [];
    let sentence = 0;
    for (const u of [...window, current]) {
      const base = words.length;
      const n = u.tokens.length;
      const first = n ? u.tokens[0]!.sentence : 0;
      for (let i = 0; i < n; i++) words.push({ sentence: u.tokens[i]!.sentence - first + sentence });
      for (let k = 0; k < u.parts.length; k += 3) parts.push(u.parts[k]!, u.parts[k + 1]! + base, u.parts[k + 2]! + base);
      sentence += n ? u.tokens[n - 1]!.sentence - first + 1 : 1;
    }
    const base = words.length - current.tokens.length;
    const found: Hit[] = [];
    completeFrames([frame], parts, words, found);
    for (let k = found.length - 1; k >= 0; k--) {
      const heads = found[k]!.heads!;
      const here = heads.filter((h) => h >= base).map((h) => h - base);
      if (here.length === 0 || here.length === heads.length) continue;
      out.push({ pattern: frame.pattern, from: Math.min(...here), to: found[k]!.to - base, heads: here });
      (current.found ??= new Set()).add(frame.pattern);
      break;
    }
  }
  return out;
}

function hasPart(parts: number[], wanted: number[]): boolean {
  for (let k = 0; k < parts.length; k += 3) if (wanted.includes(parts[k]!)) return true;
  return false;
}
