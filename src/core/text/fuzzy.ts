import type { Token } from '../../types.js';
import { remember } from './memo.js';
import { doubleMetaphoneKey, jaroWinkler } from './natural.js';

/** How alike a misheard word must be to a brand: close in spelling and the same in sound. */
const MIN_JARO_WINKLER = 0.9;
const MIN_LENGTH = 6;
/** A single misheard word is restored only to a long brand: "supreme" must stay "supreme", not "supremo". */
const MIN_SINGLE = 8;

/** Per word pair: null when the first word cannot start a pair, else per second word the brand the pair makes (or null). */
type PairMemo = Map<string, Map<string, string | null> | null>;

/** What restoring one list of brands remembers and needs: computed once per list. */
interface BrandIndex {
  /** brandFor's cheap bounds: the brands' first letters and length range. */
  initials: Set<number>;
  shortest: number;
  longest: number;
  /** Per word, the brand it was found to be (or null). */
  words: Map<string, string | null>;
  /** Per stopword set (one per language), the word pairs. */
  pairs: WeakMap<ReadonlySet<string>, PairMemo>;
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
      pairs: new WeakMap(),
    };
    indexes.set(brands, index);
  }
  return index;
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
  let found: string | null = null;
  if (word.length >= MIN_LENGTH && /^[a-z]+$/.test(word)) {
    for (const brand of brands) {
      if (brand === word) {
        found = brand;
        break;
      }
      if (brand[0] !== word[0] || Math.abs(brand.length - word.length) > 2) continue;
      if (jaroWinkler(word, brand) >= MIN_JARO_WINKLER && keepsConsonants(word, brand) && phonetic(word) === phonetic(brand)) {
        found = brand;
        break;
      }
    }
  }
  return remember(memo, word, found, 100_000);
}

/**
 * Speech-to-text splits and mishears brand names: "any desk", "team viewer", "any dusk". Words
 * (alone, or two neighbours in one sentence joined) that sound like a brand become that brand, as
 * one token spanning the words, so the evidence still quotes what was said. A pair with a stopword
 * is left alone ("help me", "du service" are not tools).
 */
export function restoreBrands(tokens: Token[], brands: readonly string[], stopwords: ReadonlySet<string>): Token[] {
  if (brands.length === 0) return tokens;
  const index = indexOf(brands);
  const { initials, shortest, longest } = index;
  let memo = index.pairs.get(stopwords);
  if (!memo) index.pairs.set(stopwords, (memo = new Map()));
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

/** The brand two words make together ("team" + "viewer"), or null: remembered per pair of words in `byFirst`. */
function pairBrand(first: string, second: string, brands: readonly string[], stopwords: ReadonlySet<string>, byFirst: PairMemo): string | null {
  let bySecond = byFirst.get(first);
  // null: the word cannot start a pair (a stopword, not plain letters, or a brand already).
  if (bySecond === undefined)
    bySecond = remember(byFirst, first, !stopwords.has(first) && /^[a-z]+$/.test(first) && !brands.includes(first) ? new Map() : null, 50_000);
  if (bySecond === null) return null;
  const joined = bySecond.get(second);
  if (joined !== undefined) return joined;
  return remember(bySecond, second, !stopwords.has(second) && /^[a-z]+$/.test(second) ? brandFor(first + second, brands) : null, 1_000);
}
