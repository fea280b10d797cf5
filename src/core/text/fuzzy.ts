import type { Token } from '../../types.js';
import { remember } from './memo.js';
import { doubleMetaphoneKey, jaroWinkler } from './natural.js';

/** How alike a misheard word must be to a brand: close in spelling and the same in sound. */
const MIN_JARO_WINKLER = 0.9;
const MIN_LENGTH = 6;
/** A single misheard word is restored only to a long brand: "supreme" must stay "supreme", not "supremo". */
const MIN_SINGLE = 8;
const PLAIN_LETTERS = /^[a-z]+$/;

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
  /** Each brand's letter counts (a-z), for the bound in mayBe. */
  letters: Uint8Array[];
  /** Scratch letter counts of the word tried (filled and read within one call). */
  scratch: Uint8Array;
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
      letters: brands.map((b) => letterCounts(b, new Uint8Array(26))),
      scratch: new Uint8Array(26),
      byStopwords: new WeakMap(),
    };
    indexes.set(brands, index);
  }
  return index;
}

/** Adds the counts of the letters a-z of `word` to `counts` (other characters are not counted). */
function letterCounts(word: string, counts: Uint8Array): Uint8Array {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) counts[c]!++;
  }
  return counts;
}

/**
 * Whether a word of `length` letters with these letter counts can be Jaro-Winkler ≥ MIN_JARO_WINKLER
 * close to brand `b`: a necessary condition, exact whatever the order of the letters. Jaro-Winkler
 * is at most 0.4 + 0.6 × Jaro (a common prefix of 4 at 0.1), so 0.9 needs Jaro ≥ 5/6; Jaro is at
 * most (m/|a| + m/|b| + 1) / 3, and the matched characters m at most the letters the two share.
 */
function mayBe(index: BrandIndex, brands: readonly string[], b: number, counts: Uint8Array, length: number): boolean {
  const letters = index.letters[b]!;
  let shared = 0;
  for (let c = 0; c < 26; c++) shared += Math.min(counts[c]!, letters[c]!);
  const needed = 3 * ((MIN_JARO_WINKLER - 0.4) / 0.6) - 1;
  return shared / length + shared / brands[b]!.length >= needed - 1e-9;
}

/** The brand `word` (plain letters, at least MIN_LENGTH) is close to, or null: brandFor without its memo. */
function closestBrand(word: string, brands: readonly string[], index: BrandIndex): string | null {
  const scratch = index.scratch;
  let counted = false;
  for (let b = 0; b < brands.length; b++) {
    const brand = brands[b]!;
    if (brand === word) return brand;
    if (brand[0] !== word[0] || Math.abs(brand.length - word.length) > 2) continue;
    if (!counted) {
      scratch.fill(0);
      letterCounts(word, scratch);
      counted = true;
    }
    if (!mayBe(index, brands, b, scratch, word.length)) continue;
    if (jaroWinkler(word, brand) >= MIN_JARO_WINKLER && keepsConsonants(word, brand) && phonetic(word) === phonetic(brand)) return brand;
  }
  return null;
}

/** Whether some brand may be what the two words say together (the bounds of closestBrand, without joining them). */
function pairMayBe(first: string, second: string, brands: readonly string[], index: BrandIndex): boolean {
  const length = first.length + second.length;
  const scratch = index.scratch;
  let counted = false;
  for (let b = 0; b < brands.length; b++) {
    const brand = brands[b]!;
    if (brand[0] !== first[0] || Math.abs(brand.length - length) > 2) continue;
    if (!counted) {
      scratch.fill(0);
      letterCounts(second, letterCounts(first, scratch));
      counted = true;
    }
    if (brand.length === length && brand.startsWith(first) && brand.endsWith(second)) return true;
    if (mayBe(index, brands, b, scratch, length)) return true;
  }
  return false;
}

function phonetic(word: string): string {
  return doubleMetaphoneKey(word);
}

/**
 * Whether the word has every consonant letter of the brand (z for s): a mishearing changes vowels
 * ("any dusk", "rustdisk"), doubles ("quickasist") or voicing ("connectwize"), while a word that lacks one is another word that happens to
 * sound alike (double metaphone ignores a W inside a word: French "connectez", "connectés" sound
 * like "connectwise").
 */
function keepsConsonants(word: string, brand: string): boolean {
  const heard = word.replace(/z/g, 's');
  for (const ch of brand.replace(/z/g, 's')) if (!'aeiouy'.includes(ch) && !heard.includes(ch)) return false;
  return true;
}

/**
 * The brand a word was probably meant to be ("anydusk" → "anydesk", "teamviwer" → "teamviewer"),
 * or null. Bounded so that common words do not start matching: only words of 6+ letters, the same
 * first letter, at most 2 letters longer or shorter, Jaro-Winkler ≥ 0.9, every consonant letter of
 * the brand, and the same double-metaphone key.
 */
export function brandFor(word: string, brands: readonly string[]): string | null {
  const memo = indexOf(brands).words;
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  const found = word.length >= MIN_LENGTH && PLAIN_LETTERS.test(word) ? closestBrand(word, brands, indexOf(brands)) : null;
  return remember(memo, word, found, 100_000);
}

/** What brand restoration needs of a word form (see BrandWord), made afresh: callers remember it (restoreBrands per word, the session per word's facts). */
export function brandWord(form: string, brands: readonly string[], stopwords: ReadonlySet<string>): BrandWord {
  const index = indexOf(brands);
  const stop = stopwords.has(form);
  const plain = PLAIN_LETTERS.test(form);
  return {
    pairs: index.initials.has(form.charCodeAt(0)) && !stop && plain && !brands.includes(form) ? new Map() : null,
    second: !stop && plain,
    // brandFor without its memo: the caller remembers the word.
    alone: form.length < MIN_SINGLE || brands.includes(form) || !PLAIN_LETTERS.test(form) ? null : closestBrand(form, brands, index),
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
        // A pair no brand can be is not remembered: the bound costs less than a table of every pair met.
        if (joined === undefined)
          joined =
            !w!.second || !pairMayBe(t.form, next.form, brands, index) ? null : remember(here.pairs, next.form, brandFor(t.form + next.form, brands), 1_000);
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
