import type { Language } from '../../types.js';
import { stemmerFor } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';
import { findHits } from './match.js';
import type { CompiledLexicons } from '../lexicon/compile.js';

export interface CheckFailure {
  file: string;
  id: string;
  message: string;
}

/** Runs every entry's examples (must match the entry) and counter-examples (must not). */
export function checkExamples(lexicons: CompiledLexicons): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const entry of lexicons.entries.values()) {
    const languages: Language[] = entry.language === 'any' ? ['en', 'fr'] : [entry.language];
    const matches = (sentence: string) =>
      languages.some((lang) => {
        const tokens = tokenize(sentence, stemmerFor(lang)).filter((t) => !lexicons.rules[lang].fillers.has(t.form));
        return findHits(lexicons.matchers[lang], tokens).some((h) => h.pattern.entry.id === entry.id);
      });
    for (const ex of entry.examples) {
      if (!matches(ex)) failures.push({ file: entry.source, id: entry.id, message: `example does not match: "${ex}"` });
    }
    for (const ex of entry.counterExamples) {
      if (matches(ex)) failures.push({ file: entry.source, id: entry.id, message: `counter-example matches: "${ex}"` });
    }
  }
  return failures;
}
