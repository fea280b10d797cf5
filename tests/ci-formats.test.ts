import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

const sample = (name: string) => join(ROOT, 'samples', name);
const SCAM = sample('en-scam-popup-defender-anydesk-googleplay.txt');
const SUSPICIOUS = sample('fr-legit-banque-alerte-carte-opposition.txt');
const CLEAN = sample('en-legit-delivery-call.txt');
const tmp = mkdtempSync(join(tmpdir(), 'scamscan-ci-'));

async function cli(args: string[], stdin?: string) {
  const t = fakeIO(stdin === undefined ? {} : { stdin });
  const code = await run([...args, '--no-config'], t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('--format github', () => {
  it('annotates a scam as an error and a suspicious call as a warning, at the strongest evidence; clean calls say nothing', async () => {
    const r = await cli(['scan', SCAM, SUSPICIOUS, CLEAN, '--format', 'github']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::error file=.*en-scam-popup-defender-anydesk-googleplay\.txt,line=35,col=127,title=scamscan%3A scam::scam \(score 1\.00, strength [\d.]+\): cover story/,
    );
    expect(lines[1]).toMatch(/^::warning file=.*fr-legit-banque-alerte-carte-opposition\.txt,line=\d+,col=\d+,title=scamscan%3A suspicious::suspicious/);
    expect((await cli(['classify', CLEAN, '--format', 'github'])).out).toBe('');
    expect((await cli(['classify', SCAM, '--format', 'github'])).out).toBe(lines[0] + '\n');
  });

  it('escapes properties and messages as GitHub reads them, and reports unreadable files', async () => {
    const odd = join(tmp, 'a,b:c%.txt');
    writeFileSync(odd, readFileSync(SCAM));
    const r = await cli(['scan', odd, join(tmp, 'missing.txt'), '--format', 'github']);
    expect(r.out).toContain('file=' + tmp.replace(/:/g, '%3A').replace(/,/g, '%2C') + '/a%2Cb%3Ac%25.txt,line=');
    expect(r.out).toMatch(/^::error file=.*missing\.txt,title=scamscan%3A error::no such file$/m);
    expect(r.code).toBe(2);
  });
});

describe('--format sarif', () => {
  it('is a SARIF 2.1.0 log: flagged calls as results with rule, level, location and related evidence; errors as notifications', async () => {
    const r = await cli(['scan', SCAM, SUSPICIOUS, CLEAN, join(tmp, 'missing.txt'), '--format', 'sarif']);
    const log = JSON.parse(r.out);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('scamscan');
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['scam', 'suspicious']);
    expect(run0.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toEqual([
      ['scam', 'error'],
      ['suspicious', 'warning'],
    ]);
    const scam = run0.results[0];
    expect(scam.locations[0].physicalLocation.region).toMatchObject({ startLine: 35, startColumn: 127 });
    expect(scam.locations[0].physicalLocation.artifactLocation.uri).toMatch(/en-scam-popup-defender-anydesk-googleplay\.txt$/);
    expect(scam.relatedLocations.length).toBeGreaterThan(5);
    expect(scam.properties.strength).toBeGreaterThan(5);
    expect(run0.invocations[0].toolExecutionNotifications[0].message.text).toBe('no such file');
    expect(run0.invocations[0].executionSuccessful).toBe(false);
  });

  it('classify writes a whole log for one call', async () => {
    const log = JSON.parse((await cli(['classify', SCAM, '--format', 'sarif'])).out);
    expect(log.runs[0].results).toHaveLength(1);
    const clean = JSON.parse((await cli(['classify', CLEAN, '--format', 'sarif'])).out);
    expect(clean.runs[0].results).toEqual([]);
    expect(clean.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});

describe('errors under machine formats', () => {
  it('classify --format json prints an error record on stdout, the line on stderr, and exits 2', async () => {
    const r = await cli(['classify', join(tmp, 'missing.txt'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ file: join(tmp, 'missing.txt'), error: 'no such file' });
    expect(r.err).toBe(`scamscan: ${join(tmp, 'missing.txt')}: no such file\n`);
    const empty = await cli(['classify', '--format', 'json'], '');
    expect(JSON.parse(empty.out)).toEqual({ file: '-', error: 'empty input' });
    expect((await cli(['classify', join(tmp, 'missing.txt')])).out).toBe(''); // pretty: stderr only
  });

  it('--explain with --format json is refused in one line', async () => {
    const r = await cli(['classify', SCAM, '--explain', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scamscan: --explain is for reading on a terminal and has no --format json/);
    expect(r.out).toBe('');
  });
});

describe('scan -', () => {
  it('reads one transcript from stdin, named -, before the files', async () => {
    const r = await cli(['scan', '-', CLEAN, '--format', 'ndjson'], readFileSync(SCAM, 'utf8'));
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.file, x.verdict])).toEqual([
      ['-', 'scam'],
      [CLEAN, 'clean'],
    ]);
    const alone = await cli(['scan', '-', '--format', 'json'], readFileSync(CLEAN, 'utf8'));
    expect(JSON.parse(alone.out).summary).toMatchObject({ files: 1, scanned: 1, results: 1 });
    const csv = await cli(['scan', '-', '--format', 'csv'], readFileSync(SCAM, 'utf8'));
    expect(csv.out.split('\n')[1]).toMatch(/^-,scam,/);
  });

  it('makes stdin over --max-size an error record and scans the files', async () => {
    const r = await cli(['scan', '-', CLEAN, '--format', 'ndjson', '--max-size', '0.001'], readFileSync(SCAM, 'utf8'));
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({ file: '-', error: expect.stringMatching(/larger than --max-size/) });
    expect(rows[1]).toMatchObject({ file: CLEAN, verdict: 'clean' });
    expect(r.code).toBe(2);
  });
});
