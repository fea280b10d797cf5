import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/core/text/tokenize.js';
import { normalizeWord } from '../src/core/text/normalize.js';
import { stemmerFor } from '../src/core/text/stem.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT } from './helpers.js';
import { tokenize as referenceTokenize } from './reference/tokenize.js';

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = "  Hello, l'ordinateur est infecté!";
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hello', 'l', 'ordinateur', 'est', 'infecté']);
    expect(tokens.map((t) => t.form)).toEqual(['hello', 'l', 'ordinateur', 'est', 'infecte']);
  });

  it('splits apostrophes (straight and curly) and hyphens', () => {
    expect(tokenize('don’t hang-up').map((t) => t.form)).toEqual(['don', 't', 'hang', 'up']);
  });

  it('keeps a word whole across invisible characters and quotes it as written', () => {
    const text = 'any\u200Bdesk now';
    const [first] = tokenize(text);
    expect(first!.form).toBe('anydesk');
    expect(text.slice(first!.start, first!.end)).toBe('any\u200Bdesk');
  });

  it('stems in the language (French needs accents, and agrees without them)', () => {
    const fr = stemmerFor('fr');
    expect(tokenize('infectée', fr)[0]!.stem).toBe(tokenize('infectee', fr)[0]!.stem);
    expect(tokenize('installez', fr)[0]!.stem).toBe(tokenize('installer', fr)[0]!.stem);
    const en = stemmerFor('en');
    expect(tokenize('cards', en)[0]!.stem).toBe(tokenize('card', en)[0]!.stem);
  });
});

describe('normalizeWord', () => {
  it('folds case, accents, full-width forms, ligatures and look-alike letters', () => {
    expect(normalizeWord('ÉCRAN')).toBe('ecran');
    expect(normalizeWord('ＡｎｙＤｅｓｋ')).toBe('anydesk');
    expect(normalizeWord('сoupon')).toBe('coupon'); // Cyrillic с
    expect(normalizeWord('cœur')).toBe('coeur');
  });

  it('is idempotent', () => {
    for (const w of ['ÉCRAN', 'ＡｎｙＤｅｓｋ', 'сoupon', 'straße', 'ﬁnal', 'naïve']) {
      expect(normalizeWord(normalizeWord(w))).toBe(normalizeWord(w));
    }
  });
});

describe('obfuscation', () => {
  it('joins letters spelled out with dots, dashes or spaces, quoting the original span', () => {
    const text = 'get A.n.y.D.e.s.k now';
    const t = tokenize(text);
    expect(t.map((x) => x.form)).toEqual(['get', 'anydesk', 'now']);
    expect(text.slice(t[1]!.start, t[1]!.end)).toBe('A.n.y.D.e.s.k');
    expect(tokenize('a n y desk').map((x) => x.form)).toEqual(['any', 'desk']);
  });

  it('does not join ordinary short words', () => {
    expect(tokenize('il y a un mois').map((x) => x.form)).toEqual(['il', 'y', 'a', 'un', 'mois']);
  });

  it('reads digits standing for letters, but keeps error codes', () => {
    expect(tokenize('g1ft c4rd p4yp4l').map((x) => x.form)).toEqual(['gift', 'card', 'paypal']);
    expect(tokenize('0x8007042c b2957e 299').map((x) => x.form)).toEqual(['0x8007042c', 'b2957e', '299']);
  });
});

describe('tokenize agrees with its regular-expression definition', () => {
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => /\.(txt|srt|vtt|json)$/.test(f));
  it('on every sample', () => {
    for (const f of samples) {
      const text = readFileSync(join(ROOT, 'samples', f), 'utf8');
      expect(tokenize(text), f).toEqual(referenceTokenize(text));
    }
  });
  it('on arbitrary text, with the characters that matter most', () => {
    const alphabet = fc.constantFrom(...'aZ0 .,;!?…-_*·•\'’"\u00AD\u200B\u2060\uFEFFéÉ\u0301аοﬁ١\uD835\uDC00\uD800\n\t'.split(''), '\uD835\uDC00');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          expect(tokenize(text)).toEqual(referenceTokenize(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(tokenize(text)).toEqual(referenceTokenize(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the word table', () => {
  it('reads words made to share a hash correctly (they are read past the table once a run gets long)', () => {
    // "Aa" and "BB" have the same hash (65 * 31 + 97 = 66 * 31 + 66), so every string of those pairs does too.
    const words = Array.from({ length: 600 }, (_, i) => Array.from({ length: 10 }, (_, k) => ((i >> k) & 1 ? 'Aa' : 'BB')).join(''));
    const text = [...words, ...words].join(' ');
    expect(tokenize(text)).toEqual(referenceTokenize(text));
  });
});
