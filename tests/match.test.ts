import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadLexicons } from '../src/index.js';
import { completeFrames, findHits, matchAt, type Hit } from '../src/core/match/match.js';
import { tokenize } from '../src/core/text/tokenize.js';
import { stemmerFor } from '../src/core/text/stem.js';
import { LANGUAGES, type Language } from '../src/types.js';
import { ROOT } from './helpers.js';

// findHits rules patterns out by their first word and by anchor bits before trying them: the
// shortcuts must never lose a match that trying every pattern at every word finds.
const lexicons = loadLexicons();

function bruteForce(language: Language, text: string): Hit[] {
  const tokens = tokenize(text, stemmerFor(language));
  const hits: Hit[] = [];
  const parts: number[] = [];
  tokens.forEach((_, i) => {
    for (const pattern of lexicons.matchers[language].all) {
      const to = matchAt(pattern.steps, tokens, i);
      if (to < 0) continue;
      // A frame part's pattern is found for its frames, which are completed from all of them.
      if (pattern.part < 0) hits.push({ pattern, from: i, to });
      else parts.push(pattern.part, i, to);
    }
  });
  if (parts.length) completeFrames(lexicons.matchers[language].frames, parts, tokens, hits);
  return hits;
}

const key = (hits: Hit[]) => hits.map((h) => `${h.pattern.entry.id} ${h.from}-${h.to} ${h.pattern.steps.length}`).sort();
const fast = (language: Language, text: string) => findHits(lexicons.matchers[language], tokenize(text, stemmerFor(language)));

describe('findHits finds what trying every pattern everywhere finds', () => {
  const lines = readdirSync(join(ROOT, 'samples'))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(ROOT, 'samples', f), 'utf8').split('\n'));
  const examples = [...lexicons.entries.values()].flatMap((e) => [...e.examples, ...e.counterExamples]);

  it('on every line of the samples and every lexicon example, in both languages', () => {
    let found = 0;
    for (const language of LANGUAGES) {
      for (const text of [...lines, ...examples]) {
        const expected = key(bruteForce(language, text));
        found += expected.length;
        expect(key(fast(language, text)), text).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(1000);
    // Heavy (every pattern at every word, as the oracle does): a loaded CI machine needs more than the default 20 s.
  }, 120_000);

  it('on sentences made of lexicon words in any order, with sentence ends between some', () => {
    const words = [...new Set(examples.join(' ').split(/\s+/))];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', ' ', ', ', '. ', '? ')), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...LANGUAGES),
        (ws, language) => {
          const text = ws.map(([w, sep]) => w + sep).join('');
          expect(key(fast(language, text))).toEqual(key(bruteForce(language, text)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
