// The library API as a user gets it: imported by the package's name, which resolves through the
// package.json `exports` self-reference to the built dist/ (npm test builds first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, classifyBytes, classifyText, loadConfig, loadLexicons, scan, ScamscanError, type ScanItem } from 'scamscan';
import { run } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { ROOT } from './helpers.js';

const SCAM = [
  'Agent: Hello, this is the Microsoft certified technician. Your computer is infected with the Zeus virus.',
  'Agent: Press the Windows key and R, go to anydesk.com and download AnyDesk.',
  'Agent: The protection costs 299 dollars. Buy Google Play gift cards and read me the numbers.',
].join('\n');
/** Scores about 0.78: a verdict that thresholds can move. */
const MILD = 'Agent: Your computer is infected with a virus. Do not hang up, and do not tell anyone, it must be done within the hour.';
const CLEAN = 'Agent: Hi, this is Dr. Lee office confirming your appointment tomorrow at 2 PM.\nCaller: Great, see you then.\n';

const tmp = mkdtempSync(join(tmpdir(), 'scamscan-api-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
const quietIO = (): { io: CliIO; out: () => string } => {
  const out: string[] = [];
  return {
    io: { stdout: (t) => void out.push(t), stderr: () => {}, readStdin: async () => Buffer.from(''), stdinIsTTY: false, stdoutIsTTY: false, env: {}, cwd: tmp },
    out: () => out.join(''),
  };
};

describe("the library, imported as 'scamscan'", () => {
  it('classifies text, bytes and files as the CLI does', async () => {
    const path = write('scam.txt', SCAM);
    const text = classifyText(SCAM, { file: path });
    expect(text.verdict).toBe('scam');
    expect(classify(path)).toMatchObject({ file: path, verdict: 'scam', score: text.score });
    expect(classifyBytes(new TextEncoder().encode(SCAM)).score).toBe(text.score);
    const t = quietIO();
    await run(['classify', path, '--format', 'json', '--no-config'], t.io);
    const cli = JSON.parse(t.out());
    expect(cli).toMatchObject({ verdict: text.verdict, score: text.score, alert: text.alert });
    expect(cli.findings.map((f: { id: string }) => f.id)).toEqual(text.findings.map((f) => f.id));
  });

  it('throws ScamscanError instead of exiting', () => {
    expect(() => classify(join(tmp, 'missing.txt'))).toThrow(ScamscanError);
    expect(() => classifyText(SCAM, { disable: ['no-such-thing'] })).toThrow(/disable\[0\]: "no-such-thing"/);
  });

  it('applies thresholds, disabled entries and the allow-list given as options', () => {
    expect(classifyText(MILD).verdict).toBe('scam');
    expect(classifyText(MILD, { thresholds: { scam: 0.95 } }).verdict).toBe('suspicious');
    expect(classifyText(MILD, { thresholds: { scam: 0.95, suspicious: 0.9 } }).verdict).toBe('clean');
    const disabled = classifyText(SCAM, { disable: ['payment', 'en.remote_access.install-tool'] });
    expect(disabled.findings.some((f) => f.category === 'payment' || f.id === 'en.remote_access.install-tool')).toBe(false);
    const allowed = classifyText(SCAM, { allow: ['download anydesk'] });
    // Only the allowed occurrence stops counting: "go to anydesk.com" still does (the install move, en/moves-remote_access.json).
    expect(allowed.findings.filter((f) => /anydesk/i.test(f.text)).map((f) => f.text)).toEqual(['go to anydesk']);
    // The cached built-in lexicons are never changed by an adjustment.
    expect(loadLexicons().model.thresholds.scam).toBeLessThan(0.99);
  });

  it('scans paths into an async iterable of results and errors, in path order', async () => {
    const dir = join(tmp, 'batch');
    write('batch/b-scam.txt', SCAM);
    write('batch/a-clean.txt', CLEAN);
    write('batch/c-empty.txt', '  \n');
    const items: ScanItem[] = [];
    for await (const item of scan([dir], { jobs: 1 })) items.push(item);
    expect(items.map((i) => ('error' in i ? `${i.file}: ${i.error}` : `${i.file}: ${i.verdict}`))).toEqual([
      `${join(dir, 'a-clean.txt')}: clean`,
      `${join(dir, 'b-scam.txt')}: scam`,
      `${join(dir, 'c-empty.txt')}: empty input`,
    ]);
    const first = items[1]!;
    expect('findings' in first && first.findings[0]!.offset).toBeTypeOf('number');
  });

  it('stops a scan when the loop breaks', async () => {
    for (let i = 0; i < 5; i++) write(`many/${i}.txt`, SCAM);
    let seen = 0;
    for await (const _ of scan([join(tmp, 'many')], { jobs: 1 })) if (++seen === 2) break;
    expect(seen).toBe(2);
  });

  it('reads a config file into options', () => {
    write('cfg/scamscan.config.json', JSON.stringify({ thresholds: { scam: 0.95 }, disable: ['pressure'], language: 'en', format: 'json' }));
    mkdirSync(join(tmp, 'cfg', 'deeper'), { recursive: true });
    expect(loadConfig(join(tmp, 'cfg', 'deeper'))).toEqual({ thresholds: { scam: 0.95 }, disable: ['pressure'], language: 'en' });
    expect(classifyText(MILD, loadConfig(join(tmp, 'cfg'))).verdict).toBe('clean'); // pressure disabled, then below 0.95
  });

  it('resolves by name from plain Node, with the package root as the current folder', () => {
    const code = `import { classifyText, scan, loadLexicons } from 'scamscan';
      const r = classifyText(${JSON.stringify(SCAM)});
      const items = []; for await (const i of scan([${JSON.stringify(join(tmp, 'batch'))}], { jobs: 1 })) items.push(i.verdict ?? i.error);
      console.log(JSON.stringify({ verdict: r.verdict, entries: loadLexicons().entries.size > 100, items }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ verdict: 'scam', entries: true, items: ['clean', 'scam', 'empty input'] });
  });

  it('ships TypeScript types that a strict NodeNext project compiles against', () => {
    // Throws (with tsc's messages) when consumer.ts does not type-check against dist/index.d.ts.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tests/fixtures/api')], { encoding: 'utf8' });
  });
});
