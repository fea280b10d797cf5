import type { Language } from '../../types.js';
import { remember } from './memo.js';
import { porterStemmers } from './natural.js';

/** Stems a normalized word form. */
export type Stemmer = (form: string) => string;

/**
 * French is stemmed on the folded form (no accents), so that text typed or transcribed without
 * accents (`infectee`, `securite`) reaches the same stem as `infectée`, `sécurité`; final e's and the
 * -ité ending (which the stemmer only strips when accented) are dropped for the same reason.
 */
const BUILDERS: Record<Language, () => Stemmer> = {
  en: () => {
    const porter = porterStemmers.en;
    return (form) => porter.stem(form);
  },
  fr: () => {
    const porter = porterStemmers.fr;
    return (form) => {
      let s = porter.stem(form).replace(/e+$/, '');
      if (/ites?$/.test(form) && s.endsWith('it') && s.length >= 6) s = s.slice(0, -2);
      return s || form;
    };
  },
};

const stemmers = new Map<Language, Stemmer>();

/** A memoized stemmer for the language; words with digits and short words are left as they are. */
export function stemmerFor(language: Language): Stemmer {
  let stemmer = stemmers.get(language);
  if (stemmer) return stemmer;
  const stem = BUILDERS[language]();
  const memo = new Map<string, string>();
  stemmer = (form) => {
    const s = memo.get(form);
    return s !== undefined ? s : remember(memo, form, form.length < 3 || /\d/.test(form) ? form : stem(form) || form, 100_000);
  };
  stemmers.set(language, stemmer);
  return stemmer;
}
