import { createRequire } from 'node:module';
import type { Language } from '../types.js';
import { normalizeWord } from './normalize.js';

/** Stems a word as written (`raw`), given its normalized form. */
export type Stemmer = (raw: string, form: string) => string;

// natural is imported by deep path: its index loads database drivers, reads .env and prints.
const require = createRequire(import.meta.url);
type Porter = { stem(word: string): string };
const load = (name: string) => require(`natural/lib/natural/stemmers/${name}.js`) as Porter;

/**
 * The French stemmer needs accents (`infectée` → `infect`), so it runs on the lower-cased word and
 * its stem is folded afterwards; final e's are dropped so that text typed without accents
 * (`infectee`) reaches the same stem. English runs on the folded form.
 */
const BUILDERS: Record<Language, () => Stemmer> = {
  en: () => {
    const porter = load('porter_stemmer');
    return (_raw, form) => porter.stem(form);
  },
  fr: () => {
    const porter = load('porter_stemmer_fr');
    return (raw, form) =>
      form === raw ? porter.stem(form).replace(/e+$/, '') : normalizeWord(porter.stem(raw.normalize('NFKC').toLowerCase())).replace(/e+$/, '') || form;
  },
};

const stemmers = new Map<Language, Stemmer>();

/** A memoized stemmer for the language; words with digits and short words are left as they are. */
export function stemmerFor(language: Language): Stemmer {
  let stemmer = stemmers.get(language);
  if (stemmer) return stemmer;
  const stem = BUILDERS[language]();
  const memo = new Map<string, string>();
  stemmer = (raw, form) => {
    let s = memo.get(raw);
    if (s === undefined) {
      s = form.length < 3 || /\d/.test(form) ? form : stem(raw, form) || form;
      if (memo.size > 100_000) memo.clear();
      memo.set(raw, s);
    }
    return s;
  };
  stemmers.set(language, stemmer);
  return stemmer;
}
