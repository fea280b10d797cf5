import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch } from '../src/batch/glob.js';
import { isIgnored, parseIgnore } from '../src/batch/ignore.js';
import { ReorderBuffer } from '../src/batch/reorder.js';
import { csvCell, textCell } from '../src/report/scanCsv.js';
import { parseCsv } from '../src/core/transcript/csv.js';
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
  ])('%s on %s is %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('never throws on any pattern and matches its own literal text when it has no specials', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (p) => {
        const g = compileGlob(p);
        expect(typeof globMatch(g, 'x/y.txt')).toBe('boolean');
        if (!/[*?{}\\]/.test(p) && p.length > 1 && !p.startsWith('/') && !p.endsWith('/')) expect(globMatch(g, p)).toBe(true);
      }),
    );
  });
});

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

describe('threadsFor', () => {
  const files = (n: number, size = 5_000) => Array.from({ length: n }, (_, i) => ({ path: `f${i}.txt`, size }));
  it('uses the main thread for a small batch unless jobs were asked for', () => {
    expect(threadsFor(files(260), 2)).toBe(0);
    expect(threadsFor(files(260), 2, true)).toBe(2);
    expect(threadsFor(files(260), 1, true)).toBe(0);
  });
  it('uses workers past the size where they pay for starting', () => {
    expect(threadsFor(files(WORKER_MIN_FILES + 1), 2)).toBe(2);
    expect(threadsFor(files(10, WORKER_MIN_BYTES), 4)).toBe(4);
    expect(threadsFor(files(3, WORKER_MIN_BYTES), 8)).toBe(3);
  });
});
