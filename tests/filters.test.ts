import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

const sample = (name: string) => join(ROOT, 'samples', name);
const SCAM = sample('en-scam-popup-defender-anydesk-googleplay.txt');
const CLEAN = sample('en-legit-delivery-call.txt');
const TXT = readdirSync(join(ROOT, 'samples'))
  .filter((f) => f.endsWith('.txt') && f !== 'README.md')
  .map(sample);
const QUICKASSIST = sample('en-legit-microsoft-support-case-quickassist.txt'); // clean, score 0.16, authority and remote_access

async function cli(args: string[]) {
  const t = fakeIO();
  const code = await run([...args, '--no-config'], t.io);
  return { code, out: t.out(), err: t.err() };
}
const ndjson = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; verdict: string; score: number; categories: Record<string, number> });

describe('filters: --min-score, --only, --category', () => {
  it('classify prints nothing for a result the filters leave out, and keeps its exit code', async () => {
    expect(await cli(['classify', CLEAN, '--only', 'scam'])).toMatchObject({ code: 0, out: '' });
    const scam = await cli(['classify', SCAM, '--only', 'suspicious,clean', '--format', 'json']);
    expect(scam).toMatchObject({ code: 1, out: '' });
    expect((await cli(['classify', SCAM, '--min-score', '0.9', '--format', 'json'])).out).toMatch(/"verdict": "scam"/);
    expect((await cli(['classify', QUICKASSIST, '--min-score', '0.5'])).out).toBe('');
    expect((await cli(['classify', QUICKASSIST, '--category', 'payment'])).out).toBe('');
    expect((await cli(['classify', QUICKASSIST, '--category', 'payment', '--category', 'remote_access'])).out).toMatch(/CLEAN/);
  });

  it('scan writes only the results the filters keep, counts the rest, and judges the exit code on all', async () => {
    const all = ndjson((await cli(['scan', ...TXT, '--format', 'ndjson', '--jobs', '1'])).out).filter((r) => 'verdict' in r);
    const only = await cli(['scan', ...TXT, '--format', 'ndjson', '--jobs', '1', '--only', 'suspicious', '--fail-on', 'scam']);
    const kept = ndjson(only.out);
    expect(kept.length).toBe(all.filter((r) => r.verdict === 'suspicious').length);
    expect(kept.length).toBeGreaterThan(0);
    expect(only.code).toBe(1); // scams were found, though not shown
    const strong = ndjson((await cli(['scan', ...TXT, '--format', 'ndjson', '--jobs', '1', '--min-score', '0.99', '--category', 'credentials'])).out);
    expect(strong.length).toBe(all.filter((r) => r.score >= 0.99 && (r.categories.credentials ?? 0) > 0).length);
    expect(strong.length).toBeGreaterThan(0);
    const pretty = await cli(['scan', ...TXT, '--format', 'pretty', '--jobs', '1', '--only', 'scam']);
    expect(pretty.out).toMatch(/\d+ results left out by --min-score, --only or --category/);
  });

  it('refuses bad values in one line, exit 2', async () => {
    for (const args of [
      ['--only', 'scams'],
      ['--min-score', '2'],
      ['--category', 'phishing'],
      ['--scam-threshold', 'x'],
    ]) {
      const r = await cli(['classify', SCAM, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/argument .* is invalid/);
    }
  });
});

describe('threshold flags', () => {
  it('--scam-threshold and --suspicious-threshold change the verdict, not the score', async () => {
    const base = JSON.parse((await cli(['classify', QUICKASSIST, '--format', 'json'])).out);
    expect(base.verdict).toBe('clean');
    const low = await cli(['classify', QUICKASSIST, '--format', 'json', '--scam-threshold', '0.15']);
    expect(JSON.parse(low.out)).toMatchObject({ verdict: 'scam', score: base.score });
    expect(low.code).toBe(1);
    const sus = JSON.parse((await cli(['classify', QUICKASSIST, '--format', 'json', '--suspicious-threshold', '0.1'])).out);
    expect(sus.verdict).toBe('suspicious');
    const apple = sample('en-scam-apple-icloud-hacked-hangup.txt'); // scam, 0.953
    const high = await cli(['classify', apple, '--format', 'json', '--scam-threshold', '0.99']);
    expect(JSON.parse(high.out).verdict).toBe('suspicious');
    expect(high.code).toBe(0);
  });

  it('are checked against each other, and config --print says where they came from', async () => {
    const bad = await cli(['classify', SCAM, '--scam-threshold', '0.2', '--suspicious-threshold', '0.9']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^scamscan: thresholds: suspicious \(0\.9\) is above scam \(0\.2\)\n$/);
    const printed = await cli(['config', '--print', '--scam-threshold', '0.8']);
    expect(printed.out).toMatch(/thresholds\.scam\s+0\.8\s+--scam-threshold/);
  });

  it('apply to scan too', async () => {
    const rows = ndjson((await cli(['scan', QUICKASSIST, CLEAN, '--format', 'ndjson', '--scam-threshold', '0.15'])).out);
    expect(rows.map((r) => [r.file.replace(/^.*\//, ''), r.verdict])).toEqual([
      ['en-legit-delivery-call.txt', 'clean'],
      ['en-legit-microsoft-support-case-quickassist.txt', 'scam'],
    ]);
  });
});
