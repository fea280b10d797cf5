import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitFor, run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

const ANSI = /\u001b\[/;
const BIN = join(ROOT, 'bin', 'scamscan.js');
const tmp = mkdtempSync(join(tmpdir(), 'scamscan-cli-'));
const write = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const SCAM = write(
  'scam.txt',
  [
    'Agent: Hello, this is the Microsoft certified technician from the Windows technical department.',
    'Agent: Your computer is sending us error messages, it is infected with the Zeus virus.',
    'Agent: Press the Windows key and R, go to anydesk.com and download AnyDesk, then read me the nine digit code.',
    'Agent: The protection costs 299 dollars. Buy Google Play gift cards, scratch the back and read me the numbers.',
    'Agent: Do not hang up and do not tell the bank what it is for.',
  ].join('\n'),
);
const CLEAN = write('clean.txt', 'Agent: Hi, this is Dr. Lee office confirming your appointment tomorrow at 2 PM.\nCaller: Great, see you then.\n');

describe('cli in-process', () => {
  it('classifies a file as JSON matching the public contract', async () => {
    const t = fakeIO();
    const code = await run(['classify', SCAM, '--format', 'json'], t.io);
    const r = JSON.parse(t.out());
    expect(r).toMatchObject({ file: SCAM, verdict: 'scam', language: 'en', format: 'text' });
    expect(code).toBe(1);
    for (const key of ['file', 'verdict', 'score', 'language', 'format', 'categories', 'findings']) expect(r).toHaveProperty(key);
    for (const f of r.findings) for (const key of ['id', 'category', 'text', 'utterance', 'speaker', 'line', 'column', 'weight']) expect(f).toHaveProperty(key);
    expect(t.out()).not.toMatch(ANSI);
  });

  it('exits 0 for a clean call and 1 at or above --fail-on', async () => {
    expect(await run(['classify', CLEAN], fakeIO().io)).toBe(0);
    expect(await run(['classify', SCAM, '--fail-on', 'never'], fakeIO().io)).toBe(0);
    expect(exitFor(['suspicious'], 'scam')).toBe(0);
    expect(exitFor(['suspicious'], 'suspicious')).toBe(1);
    expect(exitFor(['scam'], 'suspicious')).toBe(1);
  });

  it('reads stdin with - or no file', async () => {
    const t = fakeIO({ stdin: 'Agent: buy google play gift cards and read me the numbers on the back, do not tell the bank' });
    await run(['classify', '-', '--format', 'json'], t.io);
    expect(JSON.parse(t.out()).file).toBe('-');
  });

  it.each([
    ['a missing file', ['classify', join(tmp, 'nope.txt')], /nope\.txt: no such file/],
    ['a folder', ['classify', tmp], /is a folder/],
    ['empty input', ['classify', write('empty.txt', '  \n')], /empty\.txt: empty input/],
    ['binary input', ['classify', write('bin.txt', Buffer.from([1, 0, 2, 0, 255]))], /bin\.txt: binary input/],
    ['a bad option', ['classify', SCAM, '--format', 'xml'], /invalid/],
  ])('fails with one line on stderr for %s', async (_what, argv, message) => {
    const t = fakeIO();
    expect(await run(argv, t.io)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('shows help with examples and the version', async () => {
    const t = fakeIO();
    expect(await run(['--help'], t.io)).toBe(0);
    expect(t.out()).toMatch(/Examples:/);
    const c = fakeIO();
    expect(await run(['classify', '--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/--fail-on/);
    const v = fakeIO();
    expect(await run(['--version'], v.io)).toBe(0);
    expect(v.out()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('colours only when asked and on a terminal', async () => {
    const tty = fakeIO({ tty: true });
    await run(['classify', SCAM], tty.io);
    expect(tty.out()).toMatch(ANSI);
    const noColor = fakeIO({ tty: true });
    await run(['classify', SCAM, '--no-color'], noColor.io);
    expect(noColor.out()).not.toMatch(ANSI);
    const env = fakeIO({ tty: true });
    env.io.env.NO_COLOR = '1';
    await run(['classify', SCAM], env.io);
    expect(env.out()).not.toMatch(ANSI);
  });

  it('never prints control characters from the transcript', async () => {
    const file = write('evil.txt', 'Agent: buy gift cards \u001b[31mnow\u001b[0m and \u202eread me the numbers\n');
    const t = fakeIO();
    await run(['classify', file], t.io);
    expect(t.out()).not.toMatch(/[\u001b\u202e]/);
  });

  it('checks the built-in lexicons: every example matches', async () => {
    const t = fakeIO();
    const code = await run(['lexicons', 'check'], t.io);
    expect(t.err()).toBe('');
    expect(code).toBe(0);
  });
});

describe('cli as a spawned binary', () => {
  it('reads stdin and prints JSON without ANSI codes', () => {
    const out = execFileSync(process.execPath, [BIN, 'classify', '--format', 'json'], { input: 'Caller: hello, is this the pharmacy?', encoding: 'utf8' });
    expect(out).not.toMatch(ANSI);
    expect(JSON.parse(out)).toMatchObject({ file: '-', verdict: 'clean' });
  });

  it('exits 1 on a scam and 2 on an error, with one line on stderr', () => {
    expect(spawnSync(process.execPath, [BIN, 'classify', SCAM], { encoding: 'utf8' }).status).toBe(1);
    const bad = spawnSync(process.execPath, [BIN, 'classify', join(tmp, 'missing.txt')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stdout).toBe('');
  });
});
