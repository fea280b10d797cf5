import { describe, expect, it } from 'vitest';
import { brandFor, brandWord, restoreBrands } from '../src/core/text/fuzzy.js';
import { tokenize } from '../src/core/text/tokenize.js';

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
