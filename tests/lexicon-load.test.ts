import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicons } from '../src/core/lexicon/compile.js';
import { loadLexiconSet } from '../src/node/lexicons.js';
import { checkExamples } from '../src/core/match/check.js';
import { FIXTURE_LEXICONS } from './helpers.js';

function withFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'scamscan-lex-'));
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en', name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
const entry = (over: object = {}) => ({ id: 'en.payment.x', phrases: ['wire money'], weight: 0.5, note: 'n', examples: ['wire money now'], ...over });
const file = (entries: object[]) => ({ category: 'payment', language: 'en', entries });
const load = (dir: string) => () => compileLexicons(loadLexiconSet([FIXTURE_LEXICONS, dir]));

describe('lexicon loading', () => {
  it('names the file and the entry path for schema errors', () => {
    const dir = withFile('bad.json', file([entry(), entry({ id: 'en.payment.y', weight: 3 })]));
    expect(load(dir)).toThrow(/en\/bad\.json: entries\[1\]\.weight: /);
  });

  it('rejects unknown keys', () => {
    const dir = withFile('bad.json', file([entry({ regex: '.*' })]));
    expect(load(dir)).toThrow(/entries\[0\].*regex/);
  });

  it('rejects invalid JSON, naming the file', () => {
    expect(load(withFile('bad.json', '{ nope'))).toThrow(/bad\.json: not valid JSON/);
  });

  it('rejects a phrase already used elsewhere, naming both entries', () => {
    const dir = withFile('dup.json', file([entry({ phrases: ['gift cards'] })]));
    expect(load(dir)).toThrow(/dup\.json: entries\[0\]\.phrases\[0\]: "gift cards" is already in entry en\.payment\.gift-card/);
  });

  it('rejects malformed phrase syntax with the reason', () => {
    expect(load(withFile('bad.json', file([entry({ phrases: ['wire ~20 money'] })])))).toThrow(/phrases\[0\]: "wire ~20 money": gap/);
  });

  it('lets a later folder override an entry by id', () => {
    const dir = withFile('over.json', file([entry({ id: 'en.payment.gift-card', phrases: ['steam card'], examples: ['a steam card'] })]));
    const lex = load(dir)();
    expect(lex.entries.get('en.payment.gift-card')!.source).toMatch(/over\.json/);
  });

  it('reports examples that do not match and counter-examples that do', () => {
    const dir = withFile('ex.json', file([entry({ examples: ['send cash'], counterExamples: ['wire money'] })]));
    const failures = checkExamples(load(dir)()).filter((f) => f.id === 'en.payment.x');
    expect(failures.map((f) => f.message)).toEqual(['example does not match: "send cash"', 'counter-example matches: "wire money"']);
  });
});
