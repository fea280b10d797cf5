import type { Token } from '../types.js';
import { normalizeWord } from './normalize.js';

/**
 * Words are runs of letters, digits and combining marks; invisible characters inside a word
 * (soft hyphen, zero-width space/joiners, word joiner, BOM) do not break it. Apostrophes, hyphens and
 * punctuation do: `l'ordinateur` is `l` + `ordinateur`, `don't` is `don` + `t`.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]*/gu;

import type { Stemmer } from './stem.js';

const identity: Stemmer = (_raw, form) => form;

export function tokenize(text: string, stem: Stemmer = identity): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const form = normalizeWord(m[0]);
    if (form === '') continue;
    tokens.push({ start, end: start + m[0].length, form, stem: stem(m[0], form) });
  }
  return tokens;
}

/** Punctuation that ends a sentence or a clause, for negation scope. */
const CLAUSE_END = /[.!?;:…]/u;

/** True when the text between two offsets holds clause-ending punctuation. */
export function crossesClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_END.test(text[i] ?? '')) return true;
  return false;
}
