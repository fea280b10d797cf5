import type { Token } from '../../types.js';
import { normalizeWord } from './normalize.js';
import { isNumberWord, joinNumbers } from './numbers.js';
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
 * Each distinct word is read once: its form (normalized, digits read as letters) is kept in a table
 * keyed by the hash of its characters, which are then compared in place, so a word met again costs
 * neither a copy nor a normalization, and its form is the same string every time (the many lookups
 * of a form that follow hash it once). Open addressing, at most half full, emptied when full: a
 * huge vocabulary cannot grow it.
 */
const TABLE_SIZE = 1 << 17;
/** Slots probed at most for a word: past them it is read without the table. */
const MAX_PROBES = 8;
const slots = new Int32Array(TABLE_SIZE).fill(-1);
const raws: string[] = [];
const cachedForms: string[] = [];
const hashes: number[] = [];

function formAt(text: string, start: number, end: number, hash: number, ascii: boolean): string {
  const length = end - start;
  // The hash's bits mixed (as in MurmurHash3's finalizer) before the low ones pick the slot.
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  let slot = h & (TABLE_SIZE - 1);
  let probes = 0;
  for (let e = slots[slot]!; e !== -1; e = slots[slot]!) {
    if (hashes[e] === hash && raws[e]!.length === length && text.startsWith(raws[e]!, start)) return cachedForms[e]!;
    // Words made to share a hash cannot make every lookup walk a long run: past a few slots the
    // word is read without the table.
    if (++probes === MAX_PROBES) return formOf(text.slice(start, end), ascii);
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  if (raws.length >= TABLE_SIZE / 2) {
    slots.fill(-1);
    raws.length = cachedForms.length = hashes.length = 0;
    slot = h & (TABLE_SIZE - 1);
  }
  // A long slice would keep the whole text it was cut from alive as long as the table keeps it:
  // copied through a short string of its own.
  const raw = length < 13 ? text.slice(start, end) : (' ' + text.slice(start, end)).slice(1);
  const form = formOf(raw, ascii);
  slots[slot] = raws.length;
  raws.push(raw);
  cachedForms.push(form);
  hashes.push(hash);
  return form;
}

function formOf(raw: string, ascii: boolean): string {
  return unLeet(ascii ? raw.toLowerCase() : normalizeWord(raw));
}

/** Sentence-end punctuation (. ! ? ; …); phrases and their gaps stay within one sentence. */
const DOT = 46;
function isSentenceEnd(c: number): boolean {
  return c === DOT || c === 33 || c === 63 || c === 59 || c === 0x2026;
}

/** A one-letter word that is a letter (not a digit), for spelled-out runs. */
function isLetter(form: string): boolean {
  if (form.length !== 1) return false;
  const c = form.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /\p{L}/u.test(form);
}

/**
 * The words of the text, in one pass. A sentence ends at sentence-end punctuation between two words,
 * except a gap of one dot alone, which is a name or number ("support.me", "3.5"). A run of at least
 * MIN_SPELLED single letters separated by dots, dashes or spaces is joined into one word, and a run
 * of spelled-out number words into one number (see joinNumbers).
 */
export function tokenize(text: string, stem: Stemmer = identity): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  // The gap since the last word: whether it has sentence-end punctuation, is one dot, its length.
  let gapEnds = false;
  let gapIsDot = false;
  let gapLength = 0;
  // The current run of spelled letters: its first token and length.
  let runStart = 0;
  let runLength = 0;
  const closeRun = () => {
    if (runLength >= MIN_SPELLED) {
      const run = tokens.splice(runStart, runLength);
      const form = run.map((t) => t.form).join('');
      tokens.push({ start: run[0]!.start, end: run.at(-1)!.end, form, stem: stem(form), sentence: run[0]!.sentence });
      sentence = run[0]!.sentence;
    }
    runLength = 0;
  };
  let numbers = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // ASCII straight from the table; other characters through charAt (surrogate pairs read whole).
    const k = c < 128 ? classes[c]! : charAt(text, i);
    if ((k & 3) !== START) {
      gapIsDot = gapLength === 0 && c === DOT;
      if (isSentenceEnd(c)) gapEnds = true;
      gapLength += k & 4 ? 2 : 1;
      i += k & 4 ? 2 : 1;
      continue;
    }
    const start = i;
    // ASCII letters and digits need only lower-casing; the hash is of the raw code units.
    let ascii = true;
    let hash = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (classes[c] !== START) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        continue;
      }
      const kk = charAt(text, i);
      if ((kk & 3) === OUT) break;
      ascii = false;
      hash = (Math.imul(hash, 31) + c) | 0;
      if (kk & 4) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
      i += kk & 4 ? 2 : 1;
    }
    const form = formAt(text, start, i, hash, ascii);
    if (form === '') {
      // A word that normalizes to nothing is part of the gap.
      gapIsDot = false;
      gapLength += i - start;
      continue;
    }
    const letter = isLetter(form);
    const previous = tokens.at(-1);
    const spelled = letter && runLength > 0 && SPELLED_SEPARATOR.test(text.slice(previous!.end, start));
    if (!spelled) {
      closeRun();
      if (letter) [runStart, runLength] = [tokens.length, 0];
    }
    if (letter) runLength++;
    if (tokens.length > 0 && gapEnds && !(gapIsDot && gapLength === 1)) sentence++;
    tokens.push({ start, end: i, form, stem: stem(form), sentence });
    if (!numbers && isNumberWord(form)) numbers = true;
    gapEnds = false;
    gapIsDot = false;
    gapLength = 0;
  }
  closeRun();
  return numbers ? joinNumbers(text, tokens) : tokens;
}
