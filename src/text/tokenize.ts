import type { Token } from '../types.js';
import { normalizeWord } from './normalize.js';
import type { Stemmer } from './stem.js';

/**
 * Words are runs of letters, digits and combining marks; invisible characters inside a word
 * (soft hyphen, zero-width space/joiners, word joiner, BOM) do not break it. Apostrophes, hyphens and
 * punctuation do: `l'ordinateur` is `l` + `ordinateur`, `don't` is `don` + `t`.
 *
 * The text is read in one pass over its code units: ASCII through a table, other characters by
 * their Unicode class, looked up once per code unit and remembered (`tests/tokenize.test.ts` checks
 * the scanner against the regular-expression definition).
 */
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]$/u;

/** Character classes: 0 not in a word, 1 starts or continues one, 2 only continues one; 255 not looked up yet. */
const OUT = 0;
const START = 1;
const PART = 2;
const classes = new Uint8Array(0x10000).fill(255);

function classOf(ch: string): number {
  return WORD_START.test(ch) ? START : WORD_PART.test(ch) ? PART : OUT;
}

for (let c = 0; c < 128; c++) classes[c] = classOf(String.fromCharCode(c));

/** The class of the character at i (a surrogate pair read whole) and its length in code units. */
function charAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let k = classes[c]!;
    if (k === 255) k = classes[c] = c >= 0xdc00 && c <= 0xdfff ? OUT : classOf(text[i]!);
    return k;
  }
  const cp = text.codePointAt(i)!;
  // Astral characters (rare): classified each time, length 2 encoded in the high bits.
  return cp > 0xffff ? classOf(String.fromCodePoint(cp)) | 4 : OUT;
}

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
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c < 0xdc00 || c > 0xdfff) letters++;
  }
  if (digits === 0 || letters === 0 || digits > 3 || digits >= letters) return form;
  return form.replace(/[0-9]/g, (d) => LEET[d] ?? d);
}

const identity: Stemmer = (form) => form;

/**
 * Punctuation that ends a sentence (. ! ? ; …); phrases and their gaps stay within one sentence.
 * A gap of one dot alone is a name or number ("support.me", "3.5"), not a sentence end.
 */
/**
 * Each distinct word is normalized once and its form is then the same string every time it is met:
 * the many lookups of a form that follow (stopwords, stems, candidate patterns) hash it once and
 * compare it by identity. Bounded, so a huge vocabulary cannot grow it.
 */
const forms = new Map<string, string>();
const FORMS_LIMIT = 100_000;

function formOf(raw: string, ascii: boolean): string {
  let form = forms.get(raw);
  if (form === undefined) {
    form = ascii ? raw.toLowerCase() : normalizeWord(raw);
    if (forms.size >= FORMS_LIMIT) forms.clear();
    forms.set(raw, form);
  }
  return form;
}

/** Sentence-end punctuation codes: . ! ? ; … */
const DOT = 46;
function isSentenceEnd(c: number): boolean {
  return c === DOT || c === 33 || c === 63 || c === 59 || c === 0x2026;
}

/** The words of the text (start, end, normalized form) and whether a sentence ends before each. */
function scan(text: string): { starts: number[]; ends: number[]; forms: string[]; breaks: boolean[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const forms: string[] = [];
  const breaks: boolean[] = [];
  let gapEnds = false;
  let gapIsDot = false;
  let gapLength = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = charAt(text, i);
    if ((k & 3) !== START) {
      const c = text.charCodeAt(i);
      gapIsDot = gapLength === 0 && c === DOT;
      if (isSentenceEnd(c)) gapEnds = true;
      gapLength += k & 4 ? 2 : 1;
      i += k & 4 ? 2 : 1;
      continue;
    }
    const start = i;
    // ASCII letters and digits need only lower-casing.
    let ascii = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (classes[c] !== START) break;
        i++;
        continue;
      }
      const kk = charAt(text, i);
      if ((kk & 3) === OUT) break;
      ascii = false;
      i += kk & 4 ? 2 : 1;
    }
    const raw = text.slice(start, i);
    const form = formOf(raw, ascii);
    if (form === '') {
      // A word that normalizes to nothing is part of the gap.
      gapIsDot = false;
      gapLength += i - start;
      continue;
    }
    breaks.push(starts.length > 0 && gapEnds && !(gapIsDot && gapLength === 1));
    starts.push(start);
    ends.push(i);
    forms.push(form);
    gapEnds = false;
    gapIsDot = false;
    gapLength = 0;
  }
  return { starts, ends, forms, breaks };
}

/** A one-letter word that is a letter (not a digit), for spelled-out runs. */
function isLetter(form: string): boolean {
  return form.length === 1 && /\p{L}/u.test(form);
}

export function tokenize(text: string, stem: Stemmer = identity): Token[] {
  const { starts, ends, forms, breaks } = scan(text);
  const tokens: Token[] = [];
  let sentence = 0;
  for (let i = 0; i < forms.length; i++) {
    if (breaks[i]) sentence++;
    // Join a run of single letters separated by dots, dashes or spaces into one word.
    let j = i;
    if (isLetter(forms[i]!)) {
      while (j + 1 < forms.length && isLetter(forms[j + 1]!) && SPELLED_SEPARATOR.test(text.slice(ends[j]!, starts[j + 1]!))) j++;
    }
    if (j - i + 1 >= MIN_SPELLED) {
      const form = forms.slice(i, j + 1).join('');
      tokens.push({ start: starts[i]!, end: ends[j]!, form, stem: stem(form), sentence });
      i = j;
      continue;
    }
    const form = unLeet(forms[i]!);
    tokens.push({ start: starts[i]!, end: ends[i]!, form, stem: stem(form), sentence });
  }
  return tokens;
}
