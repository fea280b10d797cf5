/**
 * What scamscan uses of natural: the Porter stemmers (English, French), Jaro-Winkler distance and
 * double metaphone, imported by deep path (natural's index loads database drivers, reads .env and
 * prints). `npm run build` bundles this module together with that code (scripts/bundle-natural.mjs:
 * about 48 KB), so natural is a build-time dependency and installs do not pull in its 50 packages.
 */
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import jaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone.js';

export interface PorterStemmer {
  stem(word: string): string;
}

export const porterStemmers: { en: PorterStemmer; fr: PorterStemmer } = { en: porterEn, fr: porterFr };

export const jaroWinkler: (a: string, b: string) => number = jaroWinklerDistance;

const metaphone = new DoubleMetaphone();

/**
 * natural's double metaphone drops an S after A or I ("quickasist" → KKT, "rustdisk" → RSTK; only
 * island/isle-like S's are silent in the algorithm: NaturalNode/natural#301). A vowel other than A
 * or I before each such S is silent in the algorithm and lets the S count again, except the final S
 * of -ais and -ois, which the algorithm silences on purpose (French names).
 */
export function doubleMetaphoneKey(word: string): string {
  const lower = word.toLowerCase();
  const fixed = lower.replace(/([ai])s/g, (m, vowel: string, at: number) =>
    at + 2 === lower.length && at > 0 && /[ao]/.test(lower[at - 1]!) && vowel === 'i' ? m : `${vowel}es`,
  );
  return metaphone.process(fixed)[0];
}
