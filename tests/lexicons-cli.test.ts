import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { FIXTURE_LEXICONS } from './helpers.js';

async function cli(args: string[]) {
  const t = fakeIO();
  const code = await run([...args, '--no-config'], t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('lexicons show and lexicons test', () => {
  it('show prints an entry with its phrases, note, examples and file', async () => {
    const r = await cli(['lexicons', 'show', 'en.remote_access.install-tool']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^en\.remote_access\.install-tool {2}\(remote_access, en, weight [\d.]+\)\nfile: lexicons\/en\/remote_access\.json\nnote: /);
    expect(r.out).toMatch(/phrases:\n {2}install\|download/);
    expect(r.out).toMatch(/examples:\n {2}Please download AnyDesk/);
    const json = JSON.parse((await cli(['lexicons', 'show', 'en.remote_access.install-tool', '--json'])).out);
    expect(json).toMatchObject({ id: 'en.remote_access.install-tool', category: 'remote_access', file: 'lexicons/en/remote_access.json' });
  });

  it('show names the entries that come close when the id is unknown, exit 2', async () => {
    const r = await cli(['lexicons', 'show', 'install-tool']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scamscan: no lexicon entry "install-tool" \(did you mean .*en\.remote_access\.install-tool/);
  });

  it('show finds entries of extra lexicon folders', async () => {
    const r = await cli(['lexicons', 'show', 'en.payment.read-back', '--lexicons', FIXTURE_LEXICONS]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^file: .*fixtures\/lexicons\/en\//m);
    expect((await cli(['lexicons', 'show', 'en.payment.read-back'])).code).toBe(2);
  });

  it('test lists the entries a sentence matches, with columns and a ruler', async () => {
    const sentence = 'Please download AnyDesk and buy Google Play gift cards';
    const r = await cli(['lexicons', 'test', sentence]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\(en\): 2 matches/);
    expect(r.out).toMatch(/col 8 +"download AnyDesk" {2}en\.remote_access\.install-tool \(remote_access, weight [\d.]+\) {2}lexicons\/en\/remote_access\.json/);
    expect(r.out).toMatch(/col 29 +"buy Google Play gift cards" {2}en\.payment\./);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('  ' + ' '.repeat(7) + '^'.repeat(16) + ' '.repeat(5) + '^'.repeat(26));
    const json = JSON.parse((await cli(['lexicons', 'test', sentence, '--json'])).out);
    expect(json.matches.map((m: { column: number }) => m.column)).toEqual([8, 29]);
  });

  it('test reads French with --lang fr, and says when nothing matches', async () => {
    const fr = await cli(['lexicons', 'test', 'Téléchargez AnyDesk et achetez des cartes Google Play', '--lang', 'fr']);
    expect(fr.out).toMatch(/\(fr\): \d+ match/);
    expect(fr.out).toMatch(/fr\.remote_access\./);
    expect((await cli(['lexicons', 'test', 'See you at the bakery tomorrow'])).out).toMatch(/no entry matches/);
  });
});
