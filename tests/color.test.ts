import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { useColor } from '../src/cli/shared.js';
import { CATEGORY_COLOR } from '../src/report/palette.js';
import { explainBytes } from '../src/core/call/view.js';
import { formatExplain } from '../src/report/explainPretty.js';
import { loadLexicons } from '../src/index.js';
import { CATEGORIES } from '../src/types.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

const io = (tty: boolean, env: Record<string, string>) => ({ ...fakeIO({ tty }).io, env });

describe('when to colour', () => {
  it.each([
    [true, {}, true, 'a terminal'],
    [false, {}, false, 'a pipe'],
    [false, { FORCE_COLOR: '1' }, true, 'FORCE_COLOR=1 into a pipe'],
    [true, { FORCE_COLOR: '0' }, false, 'FORCE_COLOR=0'],
    [true, { NO_COLOR: '1' }, false, 'NO_COLOR'],
    [true, { TERM: 'dumb' }, false, 'TERM=dumb'],
    [true, { TERM: 'dumb', FORCE_COLOR: '1' }, true, 'FORCE_COLOR beats TERM=dumb'],
  ] as Array<[boolean, Record<string, string>, boolean, string]>)('%s %o → %s (%s)', (tty, env, expected) => {
    expect(useColor(true, io(tty, env))).toBe(expected);
    expect(useColor(false, io(tty, env))).toBe(false); // --no-color always wins
  });
});

describe('category colours', () => {
  it('give each stage its own hue (payment and credentials, one stage, share red)', () => {
    const c = new Chalk({ level: 1 });
    const open = (cat: (typeof CATEGORIES)[number]) => CATEGORY_COLOR[cat](c)('x').split('x')[0]!;
    const styles = CATEGORIES.map(open);
    expect(new Set(styles).size).toBe(CATEGORIES.length);
    // The foreground hue (30-37, 90-97 bright) of each; bright and dark of one hue count as the same.
    const hue = (s: string) => [...s.matchAll(/\[(\d+)m/g)].map((m) => Number(m[1])).find((n) => (n >= 30 && n <= 37) || (n >= 90 && n <= 97));
    const hues = CATEGORIES.filter((cat) => cat !== 'credentials').map((cat) => (hue(open(cat)) ?? 0) % 60);
    expect(new Set(hues).size).toBe(hues.length);
  });
});

describe('--explain', () => {
  const lexicons = loadLexicons();
  it('shows when each utterance began, for timed formats', () => {
    const file = join(ROOT, 'tests', 'fixtures', 'formats', 'call.srt');
    const text = formatExplain(explainBytes(readFileSync(file), lexicons, { file }), { color: false, width: 100 });
    expect(text).toMatch(/^ {3}1 00:00:00 Agent +│ Hello/m);
    expect(text).toMatch(/^▶ {2}4 00:00:11 Agent +│/m);
    const plain = join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt');
    expect(formatExplain(explainBytes(readFileSync(plain), lexicons, { file: plain }), { color: false, width: 100 })).not.toMatch(/\d\d:\d\d:\d\d/);
  });

  it('dims discounted findings (reported, retold, said by the one called), not only negated ones', () => {
    const file = join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt');
    const view = explainBytes(readFileSync(file), lexicons, { file });
    const discounted = view.result.findings.find((f) => f.effective > 0 && f.effective < f.weight)!;
    expect(discounted).toBeDefined();
    const text = formatExplain(view, { color: true, width: 200 });
    const line = text.split('\n').find((l) => l.includes(discounted.text) && /^\S*\s+\d+ /.test(l.replace(/\u001b\[[\d;]*m/g, '')))!;
    // chalk's dim is \e[2m, right before the underlined phrase.
    expect(line).toMatch(new RegExp(`\\u001b\\[2m(\\u001b\\[[\\d;]*m)*${discounted.text.split(' ')[0]}`));
  });
});
