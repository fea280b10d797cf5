import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyBytes, classifyText, loadLexicons, ScamscanError } from '../src/index.js';
import { normalizeWord } from '../src/core/text/normalize.js';
import { formatJson } from '../src/report/json.js';
import { formatPretty } from '../src/report/pretty.js';
import { VERDICTS } from '../src/types.js';
import { ROOT } from './helpers.js';

const lexicons = loadLexicons();
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function valid(r: ReturnType<typeof classifyText>): void {
  expect(VERDICTS).toContain(r.verdict);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  JSON.parse(formatJson(r));
  expect(formatPretty(r, { color: false })).not.toMatch(TERMINAL_UNSAFE);
}

describe('any input', () => {
  it('any string gives a valid result whose JSON parses and whose pretty view is terminal-safe', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        if (s.trim() === '')
          expect(() => classifyText(s, {}, lexicons)).toThrow('-: empty input'); // as the CLI says
        else valid(classifyText(s, {}, lexicons));
      }),
      { numRuns: 300 },
    );
  });

  it('any byte sequence gives a valid result or a clean ScamscanError, never another throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          valid(classifyBytes(bytes, { file: 'x.bin' }, lexicons));
        } catch (e) {
          expect(e).toBeInstanceOf(ScamscanError);
          expect((e as Error).message).toMatch(/^x\.bin: /);
          expect((e as Error).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('normalization is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(normalizeWord(normalizeWord(s))).toBe(normalizeWord(s));
      }),
      { numRuns: 500 },
    );
  });

  it('a 1 MB single line with no punctuation is read in bounded pieces', () => {
    const line = 'please download any desk and buy google play cards '.repeat(20_000);
    const r = classifyText(line, {}, lexicons);
    expect(r.utterances).toBeGreaterThan(400);
    expect(r.verdict).toBe('scam');
  });
});

/** Perturbations that scammers' scripts and speech-to-text produce; each keeps the call's meaning. */
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', c: 'с', p: 'р' };
const PERTURB: Record<string, (text: string) => string> = {
  'look-alike letters': (t) => t.replace(/[aeocp]/g, (ch, i: number) => (i % 3 === 0 ? CYRILLIC[ch]! : ch)),
  'invisible characters': (t) => t.replace(/(\p{L}{3})(\p{L}{3})/gu, '$1\u200b$2'),
  'full-width brand names': (t) =>
    t.replace(/AnyDesk|TeamViewer|Google Play/gi, (m) => [...m].map((c) => (c === ' ' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('')),
  'spelled-out brand names': (t) => t.replace(/AnyDesk|TeamViewer|UltraViewer/gi, (m) => [...m].join('.')),
  'split brand names, no capitals': (t) =>
    t
      .replace(/AnyDesk/gi, 'any desk')
      .replace(/TeamViewer/gi, 'team viewer')
      .toLowerCase(),
};

const labels = new Map(
  readFileSync(join(ROOT, 'samples', 'labels.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(',') as [string, string]),
);
const samples = readdirSync(join(ROOT, 'samples')).filter((f) => labels.has(f));
const verdictOf = (text: string) => classifyText(text, {}, lexicons).verdict;

describe('obfuscated and speech-to-text variants of the samples', () => {
  it.each(Object.keys(PERTURB))('%s: scams keep at least 95% of their scam verdicts, no legitimate call becomes scam', (name) => {
    const perturb = PERTURB[name]!;
    let scams = 0;
    let kept = 0;
    const turned: string[] = [];
    for (const file of samples) {
      const text = readFileSync(join(ROOT, 'samples', file), 'utf8');
      const before = verdictOf(text);
      const after = verdictOf(perturb(text));
      if (before === 'scam') {
        scams++;
        if (after === 'scam') kept++;
      } else if (after === 'scam' && labels.get(file) === 'legit') turned.push(file);
    }
    expect(kept / scams).toBeGreaterThanOrEqual(0.95);
    expect(turned).toEqual([]);
  });
});
