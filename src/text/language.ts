import type { Language } from '../types.js';
import { LANGUAGES } from '../types.js';
import { tokenize } from './tokenize.js';

/** The first this-many characters are enough to tell English from French. */
const SAMPLE = 20_000;

/**
 * Detects the language by counting stopwords of each language in the text; English wins ties and
 * text with no stopwords at all.
 */
export function detectLanguage(text: string, stopwords: Record<Language, Set<string>>): Language {
  const tokens = tokenize(text.slice(0, SAMPLE));
  let best: Language = 'en';
  let bestCount = 0;
  for (const lang of LANGUAGES) {
    let count = 0;
    for (const t of tokens) if (stopwords[lang].has(t.form)) count++;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}
