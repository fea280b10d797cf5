import { createRequire } from 'node:module';
import type { Token } from '../../types.js';
import { remember } from './memo.js';

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

/**
 * What brand restoration needs of one word form, for one list of brands and one language's stopwords:
 * computed once per distinct word (see brandWord), so restoring reads no table per word.
 */
export interface BrandWord {
  /** Null when the word cannot start a pair (its first letter starts no brand, a stopword, not plain letters, a brand already); else, per second word, the brand the pair makes (or null), filled as pairs are met. */
  pairs: Map<string, string | null> | null;
  /** Whether the word can end a pair: not a stopword, plain letters. */
  second: boolean;
  /** The brand the word alone was probably meant to be, or null. */
  alone: string | null;
}

/** What restoring one list of brands remembers and needs: computed once per list. */
interface BrandIndex {
  /** brandFor's cheap bounds: the brands' first letters and length range. */
  initials: Set<number>;
  shortest: number;
  longest: number;
  /** Per word, the brand it was found to be (or null). */
  words: Map<string, string | null>;
  /** Per stopword set (one per language), each word's BrandWord. */
  byStopwords: WeakMap<ReadonlySet<string>, Map<string, BrandWord>>;
}

const indexes = new WeakMap<readonly string[], BrandIndex>();

function indexOf(brands: readonly string[]): BrandIndex {
  let index = indexes.get(brands);
  if (!index) {
    const lengths = brands.map((b) => b.length);
    index = {
      initials: new Set(brands.map((b) => b.charCodeAt(0))),
      shortest: Math.min(...lengths),
      longest: Math.max(...lengths),
      words: new Map(),
      byStopwords: new WeakMap(),
    };
    indexes.set(brands, index);
  }
  return index;
}

function phonetic(word: string): string {
  return metaphone.process(word)[0];
}

/**
 * The brand a word was probably meant to be ("anydusk" → "anydesk", "teamviwer" → "teamviewer"),
 * or null. Bounded so that common words do not start matching: only words of 6+ letters, the same
 * first letter, at most 2 letters longer or shorter, Jaro-Winkler ≥ 0.9 and the same double-metaphone key.
 */
export function brandFor(word: string, brands: readonly string[]): string | null {
  const memo = indexOf(brands).words;
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
  return remember(memo, word, found, 100_000);
}

const PLAIN_LETTERS = /^[a-z]+$/;

/** What brand restoration needs of a word form (see BrandWord), made afresh: callers remember it (restoreBrands per word, the session per word's facts). */
export function brandWord(form: string, brands: readonly string[], stopwords: ReadonlySet<string>): BrandWord {
  const index = indexOf(brands);
  const stop = stopwords.has(form);
  const plain = PLAIN_LETTERS.test(form);
  return {
    pairs: index.initials.has(form.charCodeAt(0)) && !stop && plain && !brands.includes(form) ? new Map() : null,
    second: !stop && plain,
    alone: form.length < MIN_SINGLE || brands.includes(form) ? null : brandFor(form, brands),
  };
}

/**
 * Speech-to-text splits and mishears brand names: "any desk", "team viewer", "any dusk". Words
 * (alone, or two neighbours in one sentence joined) that sound like a brand become that brand, as
 * one token spanning the words, so the evidence still quotes what was said. A pair with a stopword
 * is left alone ("help me", "du service" are not tools). `words`: each token's brandWord, when the
 * caller keeps them (else they are looked up here, remembered per word).
 */
export function restoreBrands(tokens: Token[], brands: readonly string[], stopwords: ReadonlySet<string>, words?: ArrayLike<BrandWord>): Token[] {
  if (brands.length === 0) return tokens;
  const index = indexOf(brands);
  const { shortest, longest } = index;
  let memo: Map<string, BrandWord> | undefined;
  if (!words) {
    memo = index.byStopwords.get(stopwords);
    if (!memo) index.byStopwords.set(stopwords, (memo = new Map()));
  }
  const wordAt = (i: number): BrandWord => {
    if (words) return words[i]!;
    const form = tokens[i]!.form;
    return memo!.get(form) ?? remember(memo!, form, brandWord(form, brands, stopwords), 50_000);
  };
  const minJoined = Math.max(MIN_LENGTH, shortest - 2);
  // The tokens as they are until a brand is restored (most utterances have none).
  let out: Token[] | null = null;
  let w = tokens.length ? wordAt(0) : null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const here = w!;
    w = next ? wordAt(i + 1) : null;
    // The cheap bounds first (length, sentence), then the pair remembered or worked out.
    if (here.pairs && next) {
      const joinedLength = t.form.length + next.form.length;
      if (joinedLength >= minJoined && joinedLength <= longest + 2 && next.sentence === t.sentence) {
        let joined = here.pairs.get(next.form);
        if (joined === undefined) joined = remember(here.pairs, next.form, w!.second ? brandFor(t.form + next.form, brands) : null, 1_000);
        if (joined) {
          out ??= tokens.slice(0, i);
          out.push({ start: t.start, end: next.end, form: joined, stem: joined, sentence: t.sentence });
          i++;
          w = tokens[i + 1] ? wordAt(i + 1) : null;
          continue;
        }
      }
    }
    if (here.alone) (out ??= tokens.slice(0, i)).push({ ...t, form: here.alone, stem: here.alone });
    else out?.push(t);
  }
  return out ?? tokens;
}
