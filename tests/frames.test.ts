import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicons, type CompiledLexicons } from '../src/core/lexicon/compile.js';
import { deserializeLexicons, serializeLexicons } from '../src/core/lexicon/serialize.js';
import { loadLexiconSet, BUILTIN_DIR } from '../src/node/lexicons.js';
import { checkExamples } from '../src/core/match/check.js';
import { findHits } from '../src/core/match/match.js';
import { stemmerFor } from '../src/core/text/stem.js';
import { tokenize } from '../src/core/text/tokenize.js';
import type { Language } from '../src/types.js';
import { FIXTURE_LEXICONS } from './helpers.js';

const classes = {
  language: 'en',
  classes: {
    tool: ['anydesk', 'team viewer', 'quick assist'],
    code: ['code', 'pin', 'six digit code'],
    source: ['sms', 'text message', 'back of the card'],
    ask: ['read', 'tell', 'give'],
  },
};
const entry = (over: object = {}) => ({ id: 'en.credentials.x', weight: 0.8, note: 'n', examples: ['read me the code from the sms'], ...over });
const file = (entries: object[], category = 'credentials') => ({ category, language: 'en', entries });

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scamscan-frames-'));
  mkdirSync(join(dir, 'en'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'en', name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
const load = (dir: string) => compileLexicons(loadLexiconSet([FIXTURE_LEXICONS, dir]));

function ids(lex: CompiledLexicons, text: string, language: Language = 'en'): string[] {
  return findHits(lex.matchers[language], tokenize(text, stemmerFor(language))).map((h) => h.pattern.entry.id);
}

describe('word classes', () => {
  it('expand in a phrase, one-word and multi-word members alike, stems in the file language', () => {
    const lex = load(
      folder({ 'classes.json': classes, 'x.json': file([entry({ phrases: ['install|download ~3 @tool'], examples: ['install anydesk'] })], 'remote_access') }),
    );
    for (const text of ['please install anydesk', 'download the team viewer app', 'installing quick assist now'])
      expect(ids(lex, text)).toContain('en.credentials.x');
    expect(ids(lex, 'install the team app')).not.toContain('en.credentials.x');
  });

  it('an unknown class is a load error naming the file and the entry', () => {
    const dir = folder({ 'classes.json': classes, 'x.json': file([entry({ phrases: ['install ~3 @tools'] })]) });
    expect(() => load(dir)).toThrow(/x\.json: entries\[0\]\.phrases\[0\]: "install ~3 @tools": unknown class "@tools".*\(entry en\.credentials\.x\)/);
  });

  it('class files are validated, errors naming the file and the class', () => {
    expect(() => load(folder({ 'classes.json': { language: 'en', classes: { tool: [] } } }))).toThrow(/classes\.json: classes\.tool: /);
    expect(() => load(folder({ 'classes.json': { language: 'en', classes: { Tool: ['x'] } } }))).toThrow(/classes\.json: classes\.Tool/);
    expect(() => load(folder({ 'classes.json': { language: 'en', classes: { tool: ['any ~20 desk'] } } }))).toThrow(/classes\.json: classes\.tool: .*gap/);
    expect(() => load(folder({ 'classes.json': { language: 'en', classes: { tool: ['@code'] } } }))).toThrow(
      /classes\.json: classes\.tool: .*cannot name a class/,
    );
  });

  it('a phrase expanding to too many patterns is refused', () => {
    const many = {
      language: 'en',
      classes: { a: Array.from({ length: 9 }, (_, i) => `w${'abcdefghi'[i]} x`), b: Array.from({ length: 9 }, (_, i) => `v${'abcdefghi'[i]} y`) },
    };
    expect(() => load(folder({ 'classes.json': many, 'x.json': file([entry({ phrases: ['@a ~2 @b'] })]) }))).toThrow(/expands to more than 64 patterns/);
  });
});

describe('frames', () => {
  const lex = load(
    folder({
      'classes.json': classes,
      'x.json': file([
        entry({
          frames: [{ all: ['@ask', '@code', '@source'], within: 8 }],
          examples: ['read me the code from the text message'],
          counterExamples: ['the code'],
        }),
      ]),
    }),
  );
  const found = (text: string) => ids(lex, text).includes('en.credentials.x');

  it('match their parts in any order within the window of one sentence', () => {
    expect(found('read me the code from the text message')).toBe(true);
    expect(found('the code in the sms can you read it to me')).toBe(true);
    expect(found('the text message says the six digit code tell me')).toBe(true);
    expect(found('back of the card the pin give it')).toBe(true);
  });

  it('do not match beyond the window, across sentences, or with one part missing', () => {
    expect(found('read me the code and then one two three four five six seven eight from the sms')).toBe(false);
    expect(found('Read me the code. The sms came yesterday.')).toBe(false);
    expect(found('read me the code please')).toBe(false);
  });

  it('give a first or last word to one part only', () => {
    const overlap = load(
      folder({
        'classes.json': classes,
        'x.json': file([entry({ frames: [{ all: ['@code', 'six digit code'], within: 6 }], examples: ['the six digit code and the pin'] })]),
      }),
    );
    expect(ids(overlap, 'the six digit code').includes('en.credentials.x')).toBe(false);
    expect(ids(overlap, 'the six digit code and the pin').includes('en.credentials.x')).toBe(true);
  });

  it('span the words from the first part found to the last', () => {
    const hit = findHits(lex.matchers.en, tokenize('so the code in the sms can you read it', stemmerFor('en'))).find(
      (h) => h.pattern.entry.id === 'en.credentials.x',
    )!;
    expect([hit.from, hit.to]).toEqual([2, 9]);
  });

  it('have their examples and counter-examples checked', () => {
    const bad = load(
      folder({
        'classes.json': classes,
        'x.json': file([entry({ frames: [{ all: ['@ask', '@code'], within: 4 }], examples: ['code only'], counterExamples: ['read the code'] })]),
      }),
    );
    expect(
      checkExamples(bad)
        .filter((f) => f.id === 'en.credentials.x')
        .map((f) => f.message),
    ).toEqual(['example does not match: "code only"', 'counter-example matches: "read the code"']);
  });

  it('need phrases or frames, and frames of a language', () => {
    expect(() => load(folder({ 'x.json': file([entry()]) }))).toThrow(/entries\[0\]\.phrases: an entry needs phrases, frames or both/);
    const any = { category: 'credentials', language: 'any', entries: [entry({ id: 'any.credentials.x', frames: [{ all: ['read', 'code'], within: 4 }] })] };
    expect(() => load(folder({ 'x.json': any }))).toThrow(/frames\[0\]: frames belong to a language/);
  });

  it('survive precompiling', () => {
    const again = deserializeLexicons(JSON.parse(JSON.stringify(serializeLexicons(lex))));
    for (const text of ['the code in the sms can you read it to me', 'read me the code please']) expect(ids(again, text)).toEqual(ids(lex, text));
    expect(serializeLexicons(again)).toEqual(serializeLexicons(lex));
  });
});

describe('built-in moves', () => {
  const lex = compileLexicons(loadLexiconSet([BUILTIN_DIR]));
  it.each([
    ['en', 'read me the code from the text message', 'en.credentials.move-read-code-to-caller'],
    ['en', 'youll get a text with a code just read it to me', 'en.credentials.move-code-pronoun'],
    ['en', 'anydesk go ahead and download it', 'en.remote_access.move-install-tool'],
    ['en', 'go to walmart and get google play cards', 'en.payment.move-store-gift-cards'],
    ['en', 'my computer says its blocked', 'en.hook.move-my-device-blocked'],
    ['fr', 'lisez moi le code que vous avez reçu par sms', 'fr.credentials.geste-lire-code-appelant'],
    ['fr', 'achetez des coupons pcs au tabac', 'fr.payment.geste-coupons-magasin'],
    ['fr', 'donnez moi le numéro qui s affiche', 'fr.remote_access.geste-lire-identifiant'],
    ['fr', 'mon ordinateur affiche un message', 'fr.hook.geste-message-appeler'],
  ] as const)('%s: "%s" is %s', (language, text, id) => {
    expect(ids(lex, text, language)).toContain(id);
  });

  it('leave the honest twins alone', () => {
    for (const text of ['never give your code to anyone', 'we will send you a code by text message', 'call the number on the back of your card'])
      expect(ids(lex, text).filter((i) => i.includes('.move-'))).toEqual([]);
  });
});

describe('frame hits', () => {
  it('name the first word of each part, for what governs the move', () => {
    const lex = load(folder({ 'classes.json': classes, 'x.json': file([entry({ frames: [{ all: ['@ask', '@code', '@source'], within: 10 }] })]) }));
    const hit = findHits(lex.matchers.en, tokenize('the code from the sms never give it to anyone', stemmerFor('en'))).find(
      (h) => h.pattern.entry.id === 'en.credentials.x',
    )!;
    expect(hit).toMatchObject({ from: 1, to: 7, heads: [6, 1, 4] });
  });

  it('spread over consecutive sentences when the frame says so', () => {
    const lex = load(
      folder({
        'classes.json': classes,
        'x.json': file([
          entry({
            frames: [{ all: ['@source', '@code', 'read ~2 it ~2 me'], within: 14, sentences: 2 }],
            examples: ['you get an sms with a code. read it to me.'],
          }),
        ]),
      }),
    );
    expect(ids(lex, 'You get an sms with a code. Read it to me.')).toContain('en.credentials.x');
    expect(ids(lex, 'You get an sms. Then a code. Read it to me.')).not.toContain('en.credentials.x');
  });
});

describe('frames in context', () => {
  it('a negator before any part governs the move, not only one before its first word', async () => {
    const { classifyText } = await import('../src/index.js');
    const said = (text: string) => classifyText(text).findings.find((f) => f.id === 'en.credentials.move-read-code-to-caller');
    expect(said('Agent: The code in the text message, read it to me now.')).toMatchObject({ modifiers: [] });
    expect(said('Agent: The code in the text message, you never read it to me or to anyone.')).toMatchObject({ modifiers: ['negated'], effective: 0 });
  });
});
