import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch } from '../src/batch/glob.js';
import { isIgnored, parseIgnore } from '../src/batch/ignore.js';
import { ReorderBuffer } from '../src/batch/reorder.js';
import { csvCell, textCell } from '../src/report/scanCsv.js';
import { isBadRow, parseCsv, readCsv, sniffSeparator } from '../src/core/transcript/csv.js';
import { threadsFor, WORKER_MIN_BYTES, WORKER_MIN_FILES } from '../src/batch/scan.js';

const matches = (pattern: string, path: string) => globMatch(compileGlob(pattern), path);

describe('globs', () => {
  it.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'deep/er/a.txt', true], // no slash: any depth
    ['*.txt', 'a.srt', false],
    ['a/*.txt', 'a/b.txt', true],
    ['a/*.txt', 'a/b/c.txt', false], // * stops at /
    ['a/*.txt', 'x/a/b.txt', false], // a slash anchors
    ['/a.txt', 'a.txt', true],
    ['/a.txt', 'x/a.txt', false],
    ['**/b.txt', 'b.txt', true],
    ['**/b.txt', 'x/y/b.txt', true],
    ['a/**/b.txt', 'a/b.txt', true],
    ['a/**/b.txt', 'a/x/y/b.txt', true],
    ['a/**', 'a/x/y', true],
    ['a/**', 'a', false],
    ['call-??.txt', 'call-12.txt', true],
    ['call-??.txt', 'call-123.txt', false],
    ['*.{txt,srt}', 'x/a.srt', true],
    ['*.{txt,srt}', 'a.vtt', false],
    ['{en,fr}/**/*.txt', 'fr/1/a.txt', true],
    ['{a,{b,c}}.txt', 'c.txt', true],
    ['{a.txt', '{a.txt', true], // unpaired brace is literal
    ['a,b.txt', 'a,b.txt', true], // a comma outside braces is literal
    ['(a|b).txt', '(a|b).txt', true], // regexp syntax is literal
    ['(a|b).txt', 'a.txt', false],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['a+.txt', 'aa.txt', false],
    // Character classes, as .gitignore has them: ranges, `!` and `^` negation, `]` first, never `/`.
    ['call-[0-9].txt', 'call-7.txt', true],
    ['call-[0-9].txt', 'call-x.txt', false],
    ['call-[0-9][0-9].txt', 'x/call-42.txt', true],
    ['[!a]*.txt', 'b.txt', true],
    ['[!a]*.txt', 'a.txt', false],
    ['[^a]*.txt', 'a.txt', false],
    ['[abc].txt', 'b.txt', true],
    ['[]].txt', '].txt', true],
    ['[a-c-].txt', '-.txt', true],
    ['a[/]b', 'a/b', false],
    ['a[!x]b', 'a/b', false],
    ['[a.txt', '[a.txt', true], // an unclosed class is literal
    ['\\[a].txt', '[a].txt', true],
    ['*.[Tt][Xx][Tt]', 'A.TXT', true],
    ['é[à-ü].txt', 'éé.txt', true],
    ['?.txt', '😀.txt', true], // one code point
  ])('%s on %s is %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('never throws on any pattern and matches its own literal text when it has no specials', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (p) => {
        const g = compileGlob(p);
        expect(typeof globMatch(g, 'x/y.txt')).toBe('boolean');
        if (!/[*?{}[\\]/.test(p) && p.length > 1 && !p.startsWith('/') && !p.endsWith('/')) expect(globMatch(g, p)).toBe(true);
      }),
    );
  });
});

describe('globs on hostile patterns', () => {
  // A backtracking regular expression takes about C(60, 12) steps here: the test would never end.
  it('match in at most (path × pattern) steps: many stars, deep braces, many unclosed classes', () => {
    const path = 'a'.repeat(60);
    expect(matches('*a*a*a*a*a*a*a*a*a*a*a*a*b', path)).toBe(false);
    expect(matches('**/'.repeat(30) + 'b', 'a/'.repeat(30) + 'c')).toBe(false);
    expect(matches('{'.repeat(5000) + 'a' + '}'.repeat(5000), 'a')).toBe(true);
    expect(matches('{a,'.repeat(3000) + 'b' + '}'.repeat(3000), 'b')).toBe(true);
    expect(matches('['.repeat(20000) + 'x', '['.repeat(20000) + 'x')).toBe(true);
    expect(matches('(a+)+$'.repeat(100), 'a'.repeat(5000))).toBe(false);
  });

  it('compile to an automaton of about one state per pattern character, with no regular expression', () => {
    for (const p of ['*a*a*a*b', '{a,{b,{c,d}}}/**/[0-9]?.txt', 'x'.repeat(1000)]) {
      const g = compileGlob(p);
      expect(Object.values(g).some((v) => v instanceof RegExp)).toBe(false);
      expect(g.nfa.edges.length).toBeLessThanOrEqual(2 * p.length + 4);
    }
  });

  it('agrees with a reference matcher (exhaustive search) on short patterns and paths', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '*', '?', '[a]', '[!a]', '{a,b}', '**/');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 6 }), fc.stringMatching(/^[ab/]{0,6}$/), (parts, path) => {
        const pattern = parts.join('');
        expect(matches(pattern, path)).toBe(reference(pattern, path));
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * The meaning of the glob pieces the property test uses, by plain search over the path (exponential,
 * fine on 6 characters): `*`, `?`, `[a]`, `[!a]`, `{a,b}` (one level), `**\/`, a leading anchor rule.
 */
function reference(pattern: string, path: string): boolean {
  let p = pattern;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const alts = /\{a,b\}/.test(p) ? [p.replace('{a,b}', 'a'), p.replace('{a,b}', 'b')] : [p];
  const seq = (g: string, s: string, segStart: boolean): boolean => {
    if (g === '') return s === '';
    if (g.startsWith('{a,b}')) return seq('a' + g.slice(5), s, segStart) || seq('b' + g.slice(5), s, segStart);
    let k = 0;
    while (g[k] === '*') k++;
    if (k >= 2 && segStart && g[k] === '/') {
      // zero or more whole folders
      for (let i = 0; i <= s.length; i++) if ((i === 0 || s[i - 1] === '/') && seq(g.slice(k + 1), s.slice(i), true)) return true;
      return false;
    }
    if (k >= 2 && segStart && k === g.length) return true;
    if (k > 0) {
      for (let i = 0; i <= s.length && !s.slice(0, i).includes('/'); i++) if (seq(g.slice(k), s.slice(i), false)) return true;
      return false;
    }
    if (s === '') return false;
    if (g.startsWith('[!a]')) return s[0] !== 'a' && s[0] !== '/' && seq(g.slice(4), s.slice(1), false);
    if (g.startsWith('[a]')) return s[0] === 'a' && seq(g.slice(3), s.slice(1), false);
    if (g[0] === '?') return s[0] !== '/' && seq(g.slice(1), s.slice(1), false);
    return g[0] === s[0] && seq(g.slice(1), s.slice(1), g[0] === '/');
  };
  return alts.some((g) => {
    const body = (s: string) => seq(g, s, true);
    if (anchored) return body(path);
    for (let i = 0; i <= path.length; i++) if ((i === 0 || path[i - 1] === '/') && body(path.slice(i))) return true;
    return false;
  });
}

describe('.scamscanignore rules', () => {
  const rules = parseIgnore(
    ['# a comment', '', '*.log.txt', 'drafts/', '/top.txt', 'secret*', '!secret-ok.txt', '\\#hash.txt', 'trail.txt   '].join('\n'),
    '/base',
  );
  const ignored = (path: string, isDir = false) => isIgnored([rules], () => path, isDir);

  it('reads comments, negation, folder-only, anchored and escaped patterns', () => {
    expect(rules.rules).toHaveLength(7);
    expect(ignored('x/a.log.txt')).toBe(true);
    expect(ignored('drafts', true)).toBe(true);
    expect(ignored('drafts', false)).toBe(false); // trailing / is for folders only
    expect(ignored('top.txt')).toBe(true);
    expect(ignored('sub/top.txt')).toBe(false);
    expect(ignored('secret-1.txt')).toBe(true);
    expect(ignored('secret-ok.txt')).toBe(false); // the last matching rule wins
    expect(ignored('#hash.txt')).toBe(true);
    expect(ignored('trail.txt')).toBe(true);
    expect(ignored('keep.txt')).toBe(false);
  });

  it('reads a hostile ignore file in one pass: long runs of spaces, stars and brackets', () => {
    const hostile = parseIgnore(['a' + ' '.repeat(100_000) + 'b', '*'.repeat(50_000) + 'x', '['.repeat(50_000), 'keep\\ ' + ' '.repeat(1000)].join('\n'), '/b');
    expect(hostile.rules.map((r) => r.glob.source.length)).toEqual([100_002, 50_001, 50_000, 6]);
    expect(isIgnored([hostile], () => 'keep ', false)).toBe(true);
    expect(isIgnored([hostile], () => 'y'.repeat(200) + 'x', false)).toBe(true);
  });

  it('lets a deeper file override its parent', () => {
    const parent = parseIgnore('*.txt', '/base');
    const child = parseIgnore('!keep.txt', '/base/sub');
    const rel = (path: string) => (base: string) => path.slice(base.length + 1);
    expect(isIgnored([parent, child], rel('/base/sub/keep.txt'), false)).toBe(false);
    expect(isIgnored([parent, child], rel('/base/sub/other.txt'), false)).toBe(true);
  });
});

describe('reorder buffer', () => {
  it('passes items on in input order whatever the completion order, parts included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 30 }).chain((parts) =>
          fc.tuple(
            fc.constant(parts),
            fc.shuffledSubarray(
              parts.flatMap((n, i) => Array.from({ length: n }, (_, k) => [i, k] as const)),
              { minLength: parts.reduce((a, b) => a + b) },
            ),
          ),
        ),
        ([parts, order]) => {
          const out: string[] = [];
          const buffer = new ReorderBuffer<string>((items) => out.push(...items));
          // Parts of one input arrive in their own order; only inputs interleave.
          const sent = parts.map(() => 0);
          for (const [i] of order) {
            const k = sent[i]!++;
            buffer.push(i, [`${i}.${k}`], k === parts[i]! - 1);
          }
          expect(out).toEqual(parts.flatMap((n, i) => Array.from({ length: n }, (_, k) => `${i}.${k}`)));
          expect(buffer.held).toBe(0);
          expect(buffer.head).toBe(parts.length);
        },
      ),
    );
  });

  it('flushes what arrived, in order, skipping gaps', () => {
    const out: string[] = [];
    const buffer = new ReorderBuffer<string>((items) => out.push(...items));
    buffer.push(3, ['d'], true);
    buffer.push(1, ['b'], true);
    buffer.push(0, ['a'], false);
    expect(out).toEqual(['a']);
    buffer.flushAll();
    expect(out).toEqual(['a', 'b', 'd']);
  });
});

describe('csv cells', () => {
  it('escape text that a spreadsheet would read as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(textCell(evil)).toMatch(/^'/);
    for (const fine of ['download AnyDesk', 'a=b', "l'ordinateur", '']) expect(textCell(fine)).toBe(fine);
    expect(textCell('=1\u001b')).toBe("'=1\\x1b");
  });

  it('round-trip through a CSV parser', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 5 }), (cells) => {
        const line = cells.map(csvCell).join(',') + '\n';
        expect(parseCsv('h\n' + line)[1]!.cells).toEqual(cells);
      }),
    );
  });
});

describe('CSV rows that break the rules', () => {
  it('names the line of a stray quote, even after a cell that ran over lines', () => {
    expect(() => parseCsv('h,t\n1,"two\nlines"\n2,x\n3,"never closed\n4,y\n')).toThrow('-: CSV: line 5: a quote is never closed');
    expect(() => parseCsv('h,t\n1,"abc"def\n2,ok\n')).toThrow('CSV: line 2: text after a closing quote');
  });

  it('loses only the bad row: reading goes on at the next line', () => {
    const rows = readCsv('h,t\n1,"a "b" c"\n2,ok\n3,"open\n4,"closed"\n5,fine\n');
    expect(rows.map((r) => (isBadRow(r) ? `${r.line}: bad` : `${r.line}: ${r.cells.join('|')}`))).toEqual([
      '1: h|t',
      '2: bad',
      '3: 2|ok',
      '4: bad', // the quote opened on line 4 closes on line 5, then text follows: line 4 is the culprit
      '5: 4|closed',
      '6: 5|fine',
    ]);
  });

  it('takes ; as the separator when the header line has more of them than commas', () => {
    expect(sniffSeparator('id;texte;note\n1;"a, b";c\n')).toBe(';');
    expect(sniffSeparator('id,text\n1;2;3;4\n')).toBe(',');
    expect(sniffSeparator('"a;b;c",d\n')).toBe(','); // quoted separators do not count
    expect(readCsv('id;texte\n1;"bonjour; au revoir"\n', { separator: 'auto' }).map((r) => (r as { cells: string[] }).cells)).toEqual([
      ['id', 'texte'],
      ['1', 'bonjour; au revoir'],
    ]);
  });

  it('reads hostile shapes in one pass: many stray quotes, one long line of quoted cells', () => {
    const quotes = 'h\n' + '"x\n'.repeat(50_000);
    expect(readCsv(quotes).filter(isBadRow)).toHaveLength(50_000);
    const cells = 'h\n' + '"a",'.repeat(100_000) + '"b"\n';
    expect((readCsv(cells)[1] as { cells: string[] }).cells).toHaveLength(100_001);
    const bad = 'h\n' + 'x,"y\n'.repeat(30_000);
    expect(readCsv(bad).length).toBe(30_001);
  });
});

describe('threadsFor', () => {
  const files = (n: number, size = 5_000) => Array.from({ length: n }, (_, i) => ({ path: `f${i}.txt`, size }));
  it('uses the main thread for a small batch unless jobs were asked for', () => {
    expect(threadsFor(files(260), 2)).toBe(0);
    expect(threadsFor(files(260), 2, true)).toBe(2);
    expect(threadsFor(files(260), 1, true)).toBe(0);
  });
  it('uses workers past the size where they pay for starting, leaving one core to the main thread', () => {
    expect(threadsFor(files(WORKER_MIN_FILES + 1), 3)).toBe(2);
    expect(threadsFor(files(10, WORKER_MIN_BYTES), 4)).toBe(3);
    expect(threadsFor(files(3, WORKER_MIN_BYTES), 8)).toBe(3);
  });
  it('uses no workers by default on 2 cores, where they do not pay, unless asked', () => {
    expect(threadsFor(files(WORKER_MIN_FILES + 1), 2)).toBe(0);
    expect(threadsFor(files(WORKER_MIN_FILES + 1), 2, true)).toBe(2);
  });
});
