// Option parsing at the edges: a value that is not a number, a repeatable folder option next to a
// file argument, and the built-in lexicon folder named again by a relative path.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { ROOT } from './helpers.js';
import { fakeIO } from './io.js';

const tmp = mkdtempSync(join(tmpdir(), 'scamscan-options-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BIN = join(ROOT, 'bin', 'scamscan.js');
const call = join(tmp, 'call.txt');
writeFileSync(call, 'Agent: Hello, this is the Acme Bank fraud department. We blocked a suspicious payment on your card.\n');

/** A lexicon folder adding Acme Bank's fraud team to authority (the call above is clean without it). */
const bank = join(tmp, 'bank-lexicons');
mkdirSync(join(bank, 'en'), { recursive: true });
writeFileSync(
  join(bank, 'en', 'authority.json'),
  JSON.stringify({
    category: 'authority',
    language: 'en',
    entries: [
      {
        id: 'en.authority.acme-bank',
        phrases: ['acme bank fraud department'],
        weight: 0.95,
        note: 'test',
        examples: ['This is the Acme Bank fraud department.'],
        counterExamples: ['Acme Bank opens at nine.'],
      },
    ],
  }),
);

async function cli(argv: string[]) {
  const t = fakeIO();
  const code = await run(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('--max-size', () => {
  it.each([['classify'], ['scan'], ['eval']])('%s: a value that is not a number above 0 is an error, never "no limit"', async (command) => {
    for (const bad of ['abc', '', '0', '-1', 'NaN', 'Infinity']) {
      const r = await cli([command, call, '--max-size', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--max-size <MB>' argument .* is invalid\. expected a number above 0/);
      expect(r.out).toBe('');
    }
  });

  it('still takes a fraction of a megabyte', async () => {
    const r = await cli(['classify', call, '--max-size', '0.00001']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/over --max-size/)]);
  });
});

describe('--lexicons', () => {
  it('takes one folder, so the file after it stays the file to read; repeatable', async () => {
    const r = await cli(['classify', '--lexicons', bank, call, '--format', 'json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ file: call, verdict: 'suspicious' });
    const twice = await cli(['classify', '--lexicons', bank, '--lexicons', join(ROOT, 'tests', 'fixtures', 'lexicons'), call, '--format', 'json']);
    expect(twice.code).toBe(0);
    const scan = await cli(['scan', '--lexicons', bank, call, '--format', 'ndjson']);
    expect(JSON.parse(scan.out).verdict).toBe('suspicious');
  });
});

describe('lexicons check', () => {
  it('the built-in folder named by a relative path is the same folder: no false duplicate id', () => {
    const r = spawnSync(process.execPath, [BIN, 'lexicons', 'check', 'lexicons'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect([r.status, r.stdout]).toEqual([0, expect.stringMatching(/entries checked, 0 failures/)]);
  });

  it("a user's folder called lexicons, elsewhere, overrides built-in entries instead of clashing with their names", () => {
    const project = join(tmp, 'project');
    mkdirSync(join(project, 'lexicons', 'en'), { recursive: true });
    cpSync(join(bank, 'en', 'authority.json'), join(project, 'lexicons', 'en', 'authority.json'));
    const r = spawnSync(process.execPath, [BIN, 'lexicons', 'check', 'lexicons'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = spawnSync(process.execPath, [BIN, 'classify', '--lexicons', 'lexicons', call, '--format', 'json'], { cwd: project, encoding: 'utf8' });
    const finding = (JSON.parse(c.stdout) as { findings: Array<{ id: string; source: string }> }).findings.find((f) => f.id === 'en.authority.acme-bank');
    expect(finding?.source).toBe(join(project, 'lexicons', 'en', 'authority.json'));
  });
});
