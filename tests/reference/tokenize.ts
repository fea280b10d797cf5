// The tokenizer as first written, with regular expressions: the definition the one-pass scanner in
// src/core/text/tokenize.ts is checked against (tests/tokenize.test.ts). A second implementation on purpose.
import type { Token } from '../../src/types.js';
import { normalizeWord } from '../../src/core/text/normalize.js';
import type { Stemmer } from '../../src/core/text/stem.js';
import { joinNumbers } from '../../src/core/text/numbers.js';

/**
 * Words are runs of letters, digits and combining marks; invisible characters inside a word
 * (soft hyphen, zero-width space/joiners, word joiner, BOM) do not break it. Apostrophes, hyphens and
 * punctuation do: `l'ordinateur` is `l` + `ordinateur`, `don't` is `don` + `t`.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]*/gu;

/** Letters spelled out one by one to dodge filters: "A.n.y.D.e.s.k", "a n y desk", "g-i-f-t". */
const SPELLED_SEPARATOR = /^[\s.\-_*·•]{1,3}$/u;
const MIN_SPELLED = 3;

/** Digits standing for letters in obfuscated words ("g1ft c4rd", "p4yp4l"). */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

/** A word mixing a few digits into more letters reads as letters; codes such as 0x8007042c or b2957e stay. */
function unLeet(form: string): string {
  if (form.startsWith('0x')) return form;
  let digits = 0;
  let letters = 0;
  for (const ch of form) {
    if (ch >= '0' && ch <= '9') digits++;
    else letters++;
  }
  if (digits === 0 || letters === 0 || digits > 3 || digits >= letters) return form;
  return form.replace(/[0-9]/g, (d) => LEET[d] ?? d);
}

const identity: Stemmer = (form) => form;

/** Punctuation that ends a sentence; phrases and their gaps stay within one sentence. */
const SENTENCE_END = /[.!?;…]/u;

function endsSentence(between: string): boolean {
  if (!SENTENCE_END.test(between)) return false;
  // A dot inside a name or number ("support.me", "3.5") is not a sentence end.
  return between !== ".";
}

export function tokenize(text: string, stem: Stemmer = identity): Token[] {
  const words: Array<{ start: number; end: number; form: string }> = [];
  for (const m of text.matchAll(WORD)) {
    const form = normalizeWord(m[0]);
    if (form !== '') words.push({ start: m.index, end: m.index + m[0].length, form });
  }
  const tokens: Token[] = [];
  let sentence = 0;
  let lastEnd = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (lastEnd >= 0 && endsSentence(text.slice(lastEnd, w.start))) sentence++;
    // Join a run of single letters separated by dots, dashes or spaces into one word.
    let j = i;
    while (j + 1 < words.length && w.form.length === 1 && words[j]!.form.length === 1 && /\p{L}/u.test(words[j]!.form) &&
      words[j + 1]!.form.length === 1 && /\p{L}/u.test(words[j + 1]!.form) && SPELLED_SEPARATOR.test(text.slice(words[j]!.end, words[j + 1]!.start))) j++;
    if (j - i + 1 >= MIN_SPELLED) {
      const run = words.slice(i, j + 1);
      const form = run.map((r) => r.form).join('');
      tokens.push({ start: w.start, end: words[j]!.end, form, stem: stem(form), sentence });
      lastEnd = words[j]!.end;
      i = j;
      continue;
    }
    const form = unLeet(w.form);
    tokens.push({ start: w.start, end: w.end, form, stem: stem(form), sentence });
    lastEnd = w.end;
  }
  // Spelled-out numbers are joined by the same post-pass (tested on its own in tests/stt-numbers.test.ts).
  return joinNumbers(text, tokens);
}
