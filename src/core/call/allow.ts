import type { Language } from '../../types.js';
import { LANGUAGES } from '../../types.js';
import { buildMatcher, compilePattern, type CompiledEntry, type CompiledLexicons, type CompiledPattern, type Matcher } from '../lexicon/compile.js';
import { parsePhrase, PatternError } from '../lexicon/pattern.js';
import { restoreBrands } from '../text/fuzzy.js';
import { tokenize } from '../text/tokenize.js';

const ALLOW_ENTRY: CompiledEntry = { id: 'allow', category: 'counter', stage: null, weight: 0, note: 'allow-list', source: 'allow', language: 'any' };

/** A part of a phrase that is plain words, not syntax (`~3`, `a|b`, `=word`, `word*`, `#shape`). */
const PLAIN = /^[^~|=*#]+$/;

/**
 * The phrase as the session will see its words: transcripts get split brand names joined back
 * ("quick assist" → "quickassist"), so runs of plain words get the same treatment here.
 */
function asSeen(phrase: string, lexicons: CompiledLexicons, language: Language): string {
  const stopwords = lexicons.rules[language].stopwords;
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(...restoreBrands(tokenize(run.join(' ')), lexicons.brands, stopwords).map((t) => t.form));
    run = [];
  };
  for (const part of phrase.trim().split(/\s+/)) {
    if (PLAIN.test(part)) run.push(part);
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return out.join(' ');
}

/**
 * The allow-list, compiled per language with the same phrase parser, tokenizer and stemmer as
 * lexicon phrases, so "Contoso help desks" is found wherever a lexicon phrase would be.
 * `fail(i, message)` reports the i-th phrase's syntax error.
 */
export function allowMatchers(phrases: string[], lexicons: CompiledLexicons, fail: (i: number, message: string) => Error): Record<Language, Matcher> {
  const matchers = {} as Record<Language, Matcher>;
  for (const language of LANGUAGES) {
    const patterns: CompiledPattern[] = [];
    phrases.forEach((phrase, i) => {
      try {
        patterns.push(compilePattern(ALLOW_ENTRY, parsePhrase(phrase, language)));
        const seen = asSeen(phrase, lexicons, language);
        if (seen !== phrase) patterns.push(compilePattern(ALLOW_ENTRY, parsePhrase(seen, language)));
      } catch (e) {
        if (e instanceof PatternError) throw fail(i, e.message);
        throw e;
      }
    });
    matchers[language] = buildMatcher(patterns);
  }
  return matchers;
}
