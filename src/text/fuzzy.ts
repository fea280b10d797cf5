import { createRequire } from 'node:module';
import type { Token } from '../types.js';

// natural by deep path (its index loads database drivers and prints).
const require = createRequire(import.meta.url);
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;
const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone.js') as new () => { process(word: string): [string, string] };
const metaphone = new DoubleMetaphone();

/** How alike a misheard word must be to a brand: close in spelling and the same in sound. */
const MIN_JARO_WINKLER = 0.9;
const MIN_LENGTH = 6;
/** A single misheard word is restored only to a long brand: "supreme" must stay "supreme", not "supremo". */
const MIN_SINGLE = 8;

/** Per brand list, the brand each word was found to be (or null). */
const memos = new WeakMap<readonly string[], Map<string, string | null>>();

function phonetic(word: string): string {
  return metaphone.process(word)[0];
}

/**
 * The brand a word was probably meant to be ("anydusk" → "anydesk", "teamviwer" → "teamviewer"),
 * or null. Bounded so that common words do not start matching: only words of 6+ letters, the same
 * first letter, at most 2 letters longer or shorter, Jaro-Winkler ≥ 0.9 and the same double-metaphone key.
 */
export function brandFor(word: string, brands: readonly string[]): string | null {
  let memo = memos.get(brands);
  if (!memo) memos.set(brands, (memo = new Map()));
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  if (word.length >= MIN_LENGTH && /^[a-z]+$/.test(word)) {
    for (const brand of brands) {
      if (brand === word) {
        found = brand;
        break;
      }
      if (brand[0] !== word[0] || Math.abs(brand.length - word.length) > 2) continue;
      if (jaroWinkler(word, brand) >= MIN_JARO_WINKLER && phonetic(word) === phonetic(brand)) {
        found = brand;
        break;
      }
    }
  }
  if (memo.size > 100_000) memo.clear();
  memo.set(word, found);
  return found;
}

/** First letters and length range of the brands, the cheap bounds of brandFor. */
const shapes = new WeakMap<readonly string[], { initials: Set<number>; shortest: number; longest: number }>();

function shapeOf(brands: readonly string[]): { initials: Set<number>; shortest: number; longest: number } {
  let shape = shapes.get(brands);
  if (!shape) {
    const lengths = brands.map((b) => b.length);
    shape = { initials: new Set(brands.map((b) => b.charCodeAt(0))), shortest: Math.min(...lengths), longest: Math.max(...lengths) };
    shapes.set(brands, shape);
  }
  return shape;
}

/**
 * Speech-to-text splits and mishears brand names: "any desk", "team viewer", "any dusk". Words
 * (alone, or two neighbours in one sentence joined) that sound like a brand become that brand, as
 * one token spanning the words, so the evidence still quotes what was said. A pair with a stopword
 * is left alone ("help me", "du service" are not tools).
 */
export function restoreBrands(tokens: Token[], brands: readonly string[], stopwords: ReadonlySet<string>): Token[] {
  if (brands.length === 0) return tokens;
  const { initials, shortest, longest } = shapeOf(brands);
  const memo = pairMemo(brands, stopwords);
  // The tokens as they are until a brand is restored (most utterances have none).
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // brandFor's own bounds first (first letter, length), as they cost nothing.
    const joinedLength = next ? t.form.length + next.form.length : 0;
    if (
      next &&
      initials.has(t.form.charCodeAt(0)) &&
      joinedLength >= Math.max(MIN_LENGTH, shortest - 2) &&
      joinedLength <= longest + 2 &&
      next.sentence === t.sentence
    ) {
      const joined = pairBrand(t.form, next.form, brands, stopwords, memo);
      if (joined) {
        out ??= tokens.slice(0, i);
        out.push({ start: t.start, end: next.end, form: joined, stem: joined, sentence: t.sentence });
        i++;
        continue;
      }
    }
    const alone = t.form.length < MIN_SINGLE || brands.includes(t.form) ? null : brandFor(t.form, brands);
    if (alone) (out ??= tokens.slice(0, i)).push({ ...t, form: alone, stem: alone });
    else out?.push(t);
  }
  return out ?? tokens;
}

/** Per brand list and stopword set, per first word (null if it cannot start a pair), per second word: the brand the pair makes, or null. */
const pairs = new WeakMap<readonly string[], WeakMap<ReadonlySet<string>, Map<string, Map<string, string | null> | null>>>();

function pairMemo(brands: readonly string[], stopwords: ReadonlySet<string>): Map<string, Map<string, string | null> | null> {
  let byStopwords = pairs.get(brands);
  if (!byStopwords) pairs.set(brands, (byStopwords = new WeakMap()));
  let byFirst = byStopwords.get(stopwords);
  if (!byFirst) byStopwords.set(stopwords, (byFirst = new Map()));
  return byFirst;
}

/** The brand two words make together ("team" + "viewer"), or null: remembered per pair of words in `byFirst`. */
function pairBrand(first: string, second: string, brands: readonly string[], stopwords: ReadonlySet<string>, byFirst: Map<string, Map<string, string | null> | null>): string | null {
  let bySecond = byFirst.get(first);
  if (bySecond === undefined) {
    // null: the word cannot start a pair (a stopword, not plain letters, or a brand already).
    bySecond = !stopwords.has(first) && /^[a-z]+$/.test(first) && !brands.includes(first) ? new Map() : null;
    // Bounded, so a huge vocabulary cannot grow it.
    if (byFirst.size >= 50_000) byFirst.clear();
    byFirst.set(first, bySecond);
  }
  if (bySecond === null) return null;
  let joined = bySecond.get(second);
  if (joined === undefined) {
    joined = !stopwords.has(second) && /^[a-z]+$/.test(second) ? brandFor(first + second, brands) : null;
    if (bySecond.size >= 1_000) bySecond.clear();
    bySecond.set(second, joined);
  }
  return joined;
}
