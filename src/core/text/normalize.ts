/**
 * Word normalization for matching: NFKC, lower case, accents removed, look-alike letters from other
 * scripts mapped to Latin, ligatures expanded. Idempotent: normalizeWord(normalizeWord(w)) === normalizeWord(w).
 */

import { remember } from './memo.js';

/** Cyrillic and Greek letters that look like Latin ones, as used to dodge keyword filters. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const EXPANSIONS: Record<string, string> = { ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

const INVISIBLE = /[\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const MARKS = /\p{M}+/gu;
const ASCII_WORD = /^[a-z0-9]*$/;

function fold(word: string): string {
  let s = word.normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  s = s.normalize('NFD').replace(MARKS, '');
  let out = '';
  for (const ch of s) out += LOOK_ALIKES[ch] ?? EXPANSIONS[ch] ?? ch;
  return out;
}

/** A word's form. Not cached here: the tokenizer keeps each distinct word's form (see tokenize.ts). */
export function normalizeWord(word: string): string {
  return ASCII_WORD.test(word) ? word : fold(word);
}

/**
 * A speaker label as one identity: invisible characters removed and look-alike letters from other
 * scripts mapped to Latin (an obfuscated "Аgеnt" is still "Agent"), case and accents kept.
 */
export function canonicalSpeaker(name: string): string {
  const cached = speakerCache.get(name);
  if (cached !== undefined) return cached;
  let out = '';
  for (const ch of name.normalize('NFKC').replace(INVISIBLE, '')) {
    const lower = ch.toLowerCase();
    const latin = LOOK_ALIKES[lower];
    out += latin ? (ch === lower ? latin : latin.toUpperCase()) : ch;
  }
  // A call has a few speakers, met at every turn; the cache is bounded (a batch meets many names).
  return remember(speakerCache, name, out.trim(), 10_000);
}

const speakerCache = new Map<string, string>();
