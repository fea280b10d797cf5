import type { Token } from '../../types.js';

/**
 * Spelled-out numbers, as speech-to-text writes them: "two hundred ninety nine dollars", "one nine
 * nine", "deux cent quatre-vingt-dix-neuf euros", Belgian and Swiss "septante", "nonante". A run of
 * at least two number words gains one more token after its words, whose form is the number in
 * digits, so that lexicon number shapes (`#number`) match it ("#number ~1 dollars"); it spans the
 * words (offsets into the original text). The words stay, so phrases written with them ("hundred ~3
 * dollars", "thousand ~4 instead ~2 of ~3 hundred") match as before. A lone number word adds
 * nothing ("one time code", "un mois"). Fillers inside a run ("two hundred uh fifty") are part of it.
 */

type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'big';
interface NumberWord {
  value: number;
  kind: Kind;
  /** 1 English, 2 French, 3 both: a run does not mix languages ("eighteen cents" is not 1800). */
  lang: number;
}

const WORDS = new Map<string, NumberWord>();
const add = (lang: number, kind: Kind, list: string, values?: number[]) =>
  list.split(' ').forEach((w, i) => {
    const value = values ? values[i]! : i;
    const known = WORDS.get(w);
    WORDS.set(w, known ? { ...known, lang: known.lang | lang } : { value, kind, lang });
  });
add(1, 'unit', 'zero one two three four five six seven eight nine');
add(1, 'teen', 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
add(1, 'tens', 'twenty thirty forty fifty sixty seventy eighty ninety', [20, 30, 40, 50, 60, 70, 80, 90]);
add(1, 'hundred', 'hundred', [100]);
add(1, 'big', 'thousand million billion', [1e3, 1e6, 1e9]);
add(2, 'unit', 'zero un deux trois quatre cinq six sept huit neuf', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
add(2, 'unit', 'une', [1]);
add(2, 'teen', 'dix onze douze treize quatorze quinze seize', [10, 11, 12, 13, 14, 15, 16]);
add(2, 'tens', 'vingt vingts trente quarante cinquante soixante septante huitante octante nonante', [20, 20, 30, 40, 50, 60, 70, 80, 80, 90]);
add(2, 'hundred', 'cent cents', [100, 100]);
add(2, 'big', 'mille million millions milliard milliards', [1e3, 1e6, 1e6, 1e9, 1e9]);

/** Words that join two number words: "two hundred and fifty", "vingt et un". */
const JOINERS: Record<string, number> = { and: 1, et: 2 };
/** Fillers that speech-to-text leaves inside a number. */
const FILLERS = new Set(['uh', 'um', 'umm', 'uhm', 'er', 'euh', 'heu', 'hum']);

/** Whether a form may be part of a spelled number (checked for every word: one map lookup). */
export function isNumberWord(form: string): boolean {
  return WORDS.has(form);
}

/** What stands between two words of one number: spaces, or a hyphen ("forty-two", "dix-sept"). */
function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return to > from;
}

/**
 * The digits a run of number words stands for. Words that extend the number ("two hundred", "twenty
 * one", "quatre-vingt-dix") add to it; a word that cannot ("one nine nine", "nineteen ninety") starts
 * the next group of digits, as a number read digit by digit is.
 */
function numberValue(words: readonly NumberWord[]): string {
  let out = '';
  let total = 0; // thousands and millions of the current group
  let cur = 0; // below a thousand
  let last: Kind | null = null; // kind of the last word in the current group
  let lastValue = 0;
  const close = () => {
    if (last !== null) out += String(total + cur);
    total = cur = 0;
    last = null;
  };
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    // French "quatre-vingt(s)": eighty.
    if (w.kind === 'unit' && w.value === 4 && w.lang & 2 && words[i + 1]?.kind === 'tens' && words[i + 1]!.value === 20 && !(words[i + 1]!.lang & 1)) {
      w = { value: 80, kind: 'tens', lang: 2 };
      i++;
    }
    const fits =
      last === null ||
      (w.kind === 'unit' &&
        (last === 'hundred' || last === 'big' || (last === 'tens' && w.value > 0) || (last === 'teen' && lastValue === 10 && w.value >= 7 && w.lang & 2))) ||
      (w.kind === 'teen' && (last === 'hundred' || last === 'big' || (last === 'tens' && (lastValue === 60 || lastValue === 80) && w.lang & 2))) ||
      (w.kind === 'tens' && (last === 'hundred' || last === 'big')) ||
      (w.kind === 'hundred' && (last === 'unit' || last === 'teen' || last === 'tens') && cur < 100) ||
      (w.kind === 'big' && last !== 'big');
    if (!fits) close();
    if (w.kind === 'hundred') cur = (cur || 1) * 100;
    else if (w.kind === 'big') {
      total += (cur || 1) * w.value;
      cur = 0;
    } else cur += w.value;
    last = w.kind;
    lastValue = w.value;
  }
  close();
  return out;
}

/**
 * Adds after each run of spelled number words in `tokens` (the words of `text`, in order) a token
 * for the number it spells. Linear; returns the tokens (a new array when a number was added).
 */
export function joinNumbers(text: string, tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  let copied = 0; // tokens[0, copied) are in out
  for (let i = 0; i < tokens.length;) {
    const first = WORDS.get(tokens[i]!.form);
    if (!first) {
      i++;
      continue;
    }
    // The run: number words, with joiners and fillers between them, all in one sentence.
    const words: NumberWord[] = [first];
    let lang = first.lang;
    let end = i; // last number word
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.sentence !== tokens[i]!.sentence || !joinable(text, tokens[j - 1]!.end, t.start)) break;
      const w = WORDS.get(t.form);
      if (w && w.lang & lang) {
        words.push(w);
        lang &= w.lang;
        end = j;
        continue;
      }
      // "hundred and fifty", "vingt et un": a joiner after a word that a smaller number can follow.
      const joiner = JOINERS[t.form];
      const before = words[words.length - 1]!.kind;
      if (joiner !== undefined && joiner & lang && end === j - 1 && (before === 'hundred' || before === 'big' || before === 'tens')) continue;
      if (FILLERS.has(t.form)) continue;
      break;
    }
    if (words.length >= 2) {
      out ??= [];
      for (; copied <= end; copied++) out.push(tokens[copied]!);
      const form = numberValue(words);
      out.push({ start: tokens[i]!.start, end: tokens[end]!.end, form, stem: form, sentence: tokens[i]!.sentence });
    }
    i = end + 1;
  }
  if (!out) return tokens;
  for (; copied < tokens.length; copied++) out.push(tokens[copied]!);
  return out;
}
