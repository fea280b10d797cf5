import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhrase } from '../src/core/lexicon/pattern.js';
import { matchAt } from '../src/core/match/match.js';
import { stemmerFor } from '../src/core/text/stem.js';
import { tokenize } from '../src/core/text/tokenize.js';

/** Issue 14: spelled-out numbers and amounts, as speech-to-text writes them, match number shapes. */

/** The number tokens tokenize adds, with the text they span. */
const numbers = (text: string) =>
  tokenize(text)
    .filter((t, i, all) => /^\d+$/.test(t.form) && i > 0 && all[i - 1]!.end === t.end && all[i - 1]!.start >= t.start)
    .map((t) => [t.form, text.slice(t.start, t.end)]);

/** Whether a lexicon phrase matches somewhere in the text. */
function matches(phrase: string, text: string, lang: 'en' | 'fr'): boolean {
  const steps = parsePhrase(phrase, lang);
  const tokens = tokenize(text, stemmerFor(lang));
  return tokens.some((_, i) => matchAt(steps, tokens, i) > 0);
}

describe('spelled-out numbers', () => {
  it.each([
    ['two hundred ninety nine dollars', '299', 'two hundred ninety nine'],
    ['it is four hundred', '400', 'four hundred'],
    ['five hundred dollars', '500', 'five hundred'],
    ['the code is one nine nine', '199', 'one nine nine'],
    ['seven hundred forty-two dollars', '742', 'seven hundred forty-two'],
    ['two hundred and fifty', '250', 'two hundred and fifty'],
    ['three thousand nine hundred ninety nine', '3999', 'three thousand nine hundred ninety nine'],
    ['nineteen ninety nine', '1999', 'nineteen ninety nine'],
    ['two hundred uh ninety nine', '299', 'two hundred uh ninety nine'],
    ['deux cent quatre-vingt-dix-neuf euros', '299', 'deux cent quatre-vingt-dix-neuf'],
    ['soixante-dix euros', '70', 'soixante-dix'],
    ['soixante et onze', '71', 'soixante et onze'],
    ['quatre-vingts euros', '80', 'quatre-vingts'],
    ['septante-cinq francs', '75', 'septante-cinq'],
    ['nonante-neuf francs', '99', 'nonante-neuf'],
    ['mille deux cents euros', '1200', 'mille deux cents'],
    ['vingt et un', '21', 'vingt et un'],
  ])('%s', (text, value, span) => {
    expect(numbers(text)).toEqual([[value, span]]);
  });

  it('leaves lone number words and ordinary words alone', () => {
    for (const text of ['a one time code', 'il y a un mois', 'no one called', 'one and two', 'dollars and eighteen cents', 'between two and three'])
      expect(numbers(text), text).toEqual([]);
  });

  it('keeps the words, so phrases written with number words still match', () => {
    expect(matches('thousand ~4 instead ~2 of ~3 hundred', 'it says nine thousand instead of ninety hundred', 'en')).toBe(true);
    expect(matches('hundred|thousand ~3 dollars', 'five hundred dollars', 'en')).toBe(true);
    expect(matches('cout*|prix|tarif|montant ~3 cent*|deux|trois|quatre|#number ~3 euro*', 'ça coûte deux cents euros', 'fr')).toBe(true);
  });

  it('lets #number match an amount said in words', () => {
    expect(matches('#number ~1 dollars|dollar|bucks', 'it is two hundred ninety nine dollars for five years', 'en')).toBe(true);
    expect(matches('#number ~1 euros', 'il faut payer deux cent quatre-vingt-dix-neuf euros', 'fr')).toBe(true);
    expect(matches('#number ~1 francs', 'ça fait nonante-neuf francs', 'fr')).toBe(true);
    expect(matches('#number ~1 dollars', 'it is one dollars', 'en')).toBe(false);
  });

  it('keeps letter-by-letter spellings joined', () => {
    expect(tokenize('type a n y d e s k now').map((t) => t.form)).toEqual(['type', 'anydesk', 'now']);
  });

  it('spans its words exactly, on any run of number words', () => {
    const word = fc.constantFrom(
      'one',
      'two',
      'nine',
      'ten',
      'twenty',
      'ninety',
      'hundred',
      'thousand',
      'and',
      'uh',
      'deux',
      'cent',
      'vingt',
      'et',
      'quatre',
      'dix',
      'mille',
      'dollars',
      'euros',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.constantFrom(' ', '-', '  '), (words, sep) => {
        const text = words.join(sep);
        const tokens = tokenize(text);
        for (const t of tokens) {
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          if (/^\d+$/.test(t.form)) expect(text.slice(t.start, t.end)).toMatch(/^[a-z]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
