import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { brandFor, brandWord, restoreBrands } from '../src/core/text/fuzzy.js';
import { tokenize } from '../src/core/text/tokenize.js';
import { doubleMetaphoneKey } from '../src/core/text/natural.js';

const BRANDS = ['anydesk', 'dwservice', 'helpme', 'supremo', 'teamviewer', 'ultraviewer'];
const STOP = new Set(['me', 'du', 'the', 'you', 'can']);
const restored = (text: string) => restoreBrands(tokenize(text), BRANDS, STOP).map((t) => [t.form, text.slice(t.start, t.end)]);

describe('speech-to-text brand names', () => {
  it('joins split names and restores misheard ones, quoting what was said', () => {
    expect(restored('open any desk')).toEqual([
      ['open', 'open'],
      ['anydesk', 'any desk'],
    ]);
    expect(restored('any dusk now')[0]).toEqual(['anydesk', 'any dusk']);
    expect(restored('ultra viwer')).toEqual([['ultraviewer', 'ultra viwer']]);
    expect(restored('teamviwer')).toEqual([['teamviewer', 'teamviwer']]);
  });

  it('leaves common words alone', () => {
    expect(restored('can you help me')).toEqual([
      ['can', 'can'],
      ['you', 'you'],
      ['help', 'help'],
      ['me', 'me'],
    ]);
    expect(restored('le numéro du service')).toEqual([
      ['le', 'le'],
      ['numero', 'numéro'],
      ['du', 'du'],
      ['service', 'service'],
    ]);
    expect(restored('the supreme court').map(([f]) => f)).toEqual(['the', 'supreme', 'court']);
    expect(brandFor('anything', BRANDS)).toBeNull();
    expect(brandFor('andes', BRANDS)).toBeNull();
  });
});

describe('brand restoration from words remembered by the caller', () => {
  it('restores exactly what looking each word up finds, on every sample', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const texts = ['samples', 'devset'].flatMap((d) => readdirSync(d).map((f) => readFileSync(`${d}/${f}`, 'utf8')));
    texts.push('open any desk', 'any dusk now', 'ultra viwer', 'teamviwer and team viewer then supremo', 'the supreme court', 'help me');
    for (const text of texts) {
      const tokens = tokenize(text.toLowerCase());
      const words = tokens.map((t) => brandWord(t.form, BRANDS, STOP));
      expect(restoreBrands(tokens, BRANDS, STOP, words)).toEqual(restoreBrands(tokens, BRANDS, STOP));
    }
  });
});

describe('the letter bound before Jaro-Winkler', () => {
  // The definition, without the bound: what brandFor must find.
  const require = createRequire(import.meta.url);
  const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;
  // Every consonant letter of the brand, z for s (see keepsConsonants in src/core/text/fuzzy.ts).
  const consonants = (word: string, brand: string) =>
    [...brand.replace(/z/g, 's')].every((ch) => 'aeiouy'.includes(ch) || word.replace(/z/g, 's').includes(ch));
  const definition = (word: string): string | null => {
    if (word.length < 6 || !/^[a-z]+$/.test(word)) return null;
    for (const brand of BRANDS) {
      if (brand === word) return brand;
      if (brand[0] !== word[0] || Math.abs(brand.length - word.length) > 2) continue;
      if (jaroWinkler(word, brand) >= 0.9 && consonants(word, brand) && doubleMetaphoneKey(word) === doubleMetaphoneKey(brand)) return brand;
    }
    return null;
  };

  it('loses no brand: misspelled brands (letters dropped, doubled, swapped, replaced) and split ones', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    const edit = fc.tuple(fc.constantFrom('drop', 'double', 'swap', 'replace', 'insert'), fc.nat(20), letter);
    fc.assert(
      fc.property(fc.constantFrom(...BRANDS), fc.array(edit, { maxLength: 3 }), fc.nat(12), (brand, edits, cut) => {
        let w = brand;
        for (const [kind, at, c] of edits) {
          const i = at % w.length;
          if (kind === 'drop') w = w.slice(0, i) + w.slice(i + 1);
          else if (kind === 'double') w = w.slice(0, i + 1) + w.slice(i);
          else if (kind === 'swap' && i + 1 < w.length) w = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
          else if (kind === 'replace') w = w.slice(0, i) + c + w.slice(i + 1);
          else if (kind === 'insert') w = w.slice(0, i) + c + w.slice(i);
        }
        expect(brandFor(w, BRANDS)).toBe(definition(w));
        // The same letters said as two words: restored to what the definition gives the joined word.
        const k = 1 + (cut % (w.length - 1));
        const [first, second] = [w.slice(0, k), w.slice(k)];
        const pair = restoreBrands(tokenize(`${first} ${second}`), BRANDS, STOP);
        if (pair.length === 1 && first.length + second.length >= 6) expect(pair[0]!.form).toBe(definition(w) ?? brandFor(first + second, BRANDS));
        if (pair.length === 2 && !STOP.has(first) && !STOP.has(second) && !BRANDS.includes(first)) expect(definition(w)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
