import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBytes, loadLexicons } from '../src/index.js';
import { formatPretty } from '../src/report/pretty.js';
import { textWidth } from '../src/report/wrap.js';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

/**
 * The pretty view of `classify`: verdict and reason first, evidence strongest first, a legend once,
 * lines that fit the width. Golden files in tests/golden/pretty/ (UPDATE_GOLDEN=1 regenerates them).
 */
const lexicons = loadLexicons();
const GOLDEN = join(ROOT, 'tests', 'golden', 'pretty');
const classify = (path: string) => classifyBytes(readFileSync(join(ROOT, path)), { file: path }, lexicons);
const POPUP = 'samples/en-scam-popup-defender-anydesk-googleplay.txt';
const DOUBLE = 'samples/en-scam-cold-call-windows-dept-resists.txt';
const COUNTER = 'samples/en-legit-microsoft-support-case-quickassist.txt';
const TIMED = 'tests/fixtures/formats/call.srt';

describe('classify pretty output', () => {
  it('leads with the verdict, then a one-line reason naming the moves that decided it', () => {
    const lines = formatPretty(classify(POPUP), { color: false, width: 120 }).split('\n');
    expect(lines[0]).toMatch(/^ SCAM {3}score 1\.00 {2}strength \d+\.\d\d {2}samples\/en-scam-popup-defender-anydesk-googleplay\.txt$/);
    expect(lines[2]).toBe('Call: en, text, 42 utterances, driven by Agent');
    // Too long for the line, the file name heads the Call line instead, whole.
    const narrow = formatPretty(classify(POPUP), { color: false, width: 70 }).split('\n');
    expect(narrow[0]).toMatch(/^ SCAM {3}score 1\.00 {2}strength \d+\.\d\d$/);
    expect(narrow.slice(2, 4).join(' ')).toMatch(/^Call: samples\/en-scam-popup-defender-anydesk-googleplay\.txt:\s+en, text,\s+42 utterances/);
    expect(lines[1]).toMatch(/^Why: cover story .*\(#35\), scratch back .*\(#39\)/);
    const clean = formatPretty(classify(COUNTER), { color: false }).split('\n');
    expect(clean[1]).toMatch(/^Why: too little evidence: .*counter-signals/);
  });

  it('ranks evidence by contribution, or keeps transcript order with order: transcript', () => {
    const r = classify(POPUP);
    const shares = (text: string) =>
      text
        .split('\n')
        .filter((l) => /^\s+(<?-?\d+%|>-1%)\s/.test(l))
        .map((l) => l.trim().split(/\s+/));
    const ranked = shares(formatPretty(r, { color: false }));
    expect(ranked[0]!.slice(0, 3)).toEqual(['18%', 'pressure', '#35']);
    const pct = ranked.map((row) => (row[0]!.startsWith('<') ? 0.4 : Number(row[0]!.replace('%', ''))));
    for (let i = 1; i < pct.length; i++) expect(pct[i]).toBeLessThanOrEqual(pct[i - 1]!);
    const inOrder = shares(formatPretty(r, { color: false, order: 'transcript' })).map((row) => Number(row[2]!.slice(1)));
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    expect(inOrder).toHaveLength(ranked.length);
  });

  it('prints the legend once, and no bar for the counter category', () => {
    const text = formatPretty(classify(COUNTER), { color: false });
    expect(text.match(/"as said"/g)).toHaveLength(1);
    expect(text.match(/discounts \(the finding counts less\)/g)).toHaveLength(1);
    expect(text).toMatch(/^Counter-signals: 0\.\d\d /m);
    expect(text).not.toMatch(/^\s+counter\s+\d\.\d\d [█·]/m);
  });

  it('lists a span matched in two categories once, with both', () => {
    const r = classify(DOUBLE);
    expect(r.findings.filter((f) => f.text === 'Hackers are inside your computer')).toHaveLength(2);
    const text = formatPretty(r, { color: false, width: 200 });
    const evidence = text.split('\n').filter((l) => l.startsWith('  '));
    expect(evidence.filter((l) => l.includes('"Hackers are inside your computer"'))).toHaveLength(1);
    expect(text).toMatch(/fake_proof\+hook .*"Hackers are inside your computer"/);
  });

  it.each([60, 80, 120])('fits every line in %i columns, cutting quotes with …', (width) => {
    const lines = formatPretty(classify(POPUP), { color: false, width }).trimEnd().split('\n');
    for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(width);
    if (width <= 80) expect(lines.some((l) => /…"/.test(l))).toBe(true);
  });

  it('uses 80 columns when stdout is not a terminal, the terminal width when it is', async () => {
    const t = fakeIO();
    await run(['classify', POPUP, '--no-config'], t.io);
    const lines = t.out().trimEnd().split('\n');
    expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(80);
    expect(Math.max(...lines.map(textWidth))).toBeGreaterThan(70);
    const wide = fakeIO({ tty: true });
    wide.io.columns = 150;
    await run(['classify', POPUP, '--no-config', '--no-color'], wide.io);
    expect(Math.max(...wide.out().trimEnd().split('\n').map(textWidth))).toBeGreaterThan(80);
  });

  it.each([POPUP, COUNTER, DOUBLE, TIMED])('%s matches its golden pretty output', (path) => {
    const got = formatPretty(classify(path), { color: false, width: 80 });
    const golden = join(GOLDEN, path.replace(/^.*\//, '').replace(/\.[a-z]+$/, '.txt'));
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, got);
    }
    if (!existsSync(golden)) throw new Error(`no golden file ${golden}: run UPDATE_GOLDEN=1 npx vitest run tests/pretty.test.ts`);
    expect(got).toBe(readFileSync(golden, 'utf8'));
  });
});
