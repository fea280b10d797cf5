import { fakeIO } from './io.js';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { parseCsv } from '../src/core/transcript/csv.js';
import { ROOT } from './helpers.js';

const ANSI = /\u001b\[/;
const BIN = join(ROOT, 'bin', 'scamscan.js');
const GEN = join(ROOT, 'scripts', 'gen-corpus.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'scamscan-scan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCAM = [
  'Agent: Hello, this is the Microsoft certified technician from the Windows technical department.',
  'Agent: Your computer is sending us error messages, it is infected with the Zeus virus.',
  'Agent: Press the Windows key and R, go to anydesk.com and download AnyDesk, then read me the nine digit code.',
  'Agent: The protection costs 299 dollars. Buy Google Play gift cards, scratch the back and read me the numbers.',
  'Agent: Do not hang up and do not tell the bank what it is for.',
].join('\n');
const CLEAN = 'Agent: Hi, this is Dr. Lee office confirming your appointment tomorrow at 2 PM.\nCaller: Great, see you then.\n';

let folders = 0;
/** A fresh folder holding the given files (content null: a folder). */
function tree(files: Record<string, string | Buffer | null>): string {
  const root = join(tmp, `t${folders++}`);
  mkdirSync(root);
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(content === null ? path : dirname(path), { recursive: true });
    if (content !== null) writeFileSync(path, content);
  }
  return root;
}

/** Runs `scamscan scan` in-process with ndjson output; returns the code and the parsed lines. */
async function scan(args: string[], io = fakeIO()) {
  const code = await run(['scan', '--format', 'ndjson', ...args], io.io);
  const lines =
    io.out() === ''
      ? []
      : io
          .out()
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as { file: string; error?: string; verdict?: string });
  return { code, lines, files: lines.map((l) => l.file), err: io.err() };
}
const rel = (root: string, files: string[]) => files.map((f) => f.slice(root.length + 1));

describe('scan: which files', () => {
  it('walks folders for transcript extensions, skipping hidden folders and node_modules, sorted by path', async () => {
    const root = tree({
      'b.txt': CLEAN,
      'a.srt': '1\n00:00:01,000 --> 00:00:02,000\nAgent: hello there\n',
      'sub/c.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello there\n',
      'sub/notes.md': 'not a transcript',
      '.hidden/d.txt': SCAM,
      'node_modules/e.txt': SCAM,
    });
    const r = await scan([root, '--fail-on', 'never']);
    expect(rel(root, r.files)).toEqual(['a.srt', 'b.txt', 'sub/c.vtt']);
    expect(r.code).toBe(0);
  });

  it('passes --input-format to the transcript readers', async () => {
    const root = tree({ 'a.srt': '1\n00:00:01,000 --> 00:00:02,000\nAgent: hello there\n' });
    expect(((await scan([root])).lines[0] as { format?: string }).format).toBe('srt');
    expect(((await scan([root, '--input-format', 'text'])).lines[0] as { format?: string }).format).toBe('text');
    const bad = fakeIO();
    expect(await run(['scan', root, '--input-format', 'docx'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/input-format/);
  });

  it('keeps files named on the command line whatever their extension', async () => {
    const root = tree({ 'call.log': CLEAN });
    expect((await scan([join(root, 'call.log')])).files).toEqual([join(root, 'call.log')]);
  });

  it('--include replaces the extension rule and --exclude skips files and folders', async () => {
    const root = tree({
      'a.txt': CLEAN,
      'b.log': CLEAN,
      'c.srt': CLEAN,
      'drafts/d.txt': CLEAN,
      'keep/drafts.txt': CLEAN,
      'x/call-01.txt': CLEAN,
      'x/call-100.txt': CLEAN,
    });
    expect(rel(root, (await scan([root, '--include', '*.log', '--include', '*.{srt,txt}'])).files)).toEqual([
      'a.txt',
      'b.log',
      'c.srt',
      'drafts/d.txt',
      'keep/drafts.txt',
      'x/call-01.txt',
      'x/call-100.txt',
    ]);
    expect(rel(root, (await scan([root, '--exclude', 'drafts/', '--exclude', 'x/call-??.txt'])).files)).toEqual([
      'a.txt',
      'c.srt',
      'keep/drafts.txt',
      'x/call-100.txt',
    ]);
    expect(rel(root, (await scan([root, '--include', 'x/**'])).files)).toEqual(['x/call-01.txt', 'x/call-100.txt']);
  });

  it('honours .scamscanignore files in each folder, relative to that folder', async () => {
    const root = tree({
      '.scamscanignore': '# generated files\n*.srt\nbuild/\n/top-only.txt\n!keep.srt\n',
      'a.txt': CLEAN,
      'b.srt': CLEAN,
      'keep.srt': CLEAN,
      'top-only.txt': CLEAN,
      'build/c.txt': CLEAN,
      'sub/top-only.txt': CLEAN,
      'sub/.scamscanignore': 'a.txt\n!*.srt\n',
      'sub/a.txt': CLEAN,
      'sub/d.srt': CLEAN,
      'sub/e.txt': CLEAN,
    });
    expect(rel(root, (await scan([root])).files)).toEqual(['a.txt', 'keep.srt', 'sub/d.srt', 'sub/e.txt', 'sub/top-only.txt']);
  });

  it('does not follow symbolic links unless asked, and then stops at loops', async () => {
    const root = tree({ 'a/one.txt': CLEAN, 'b/two.txt': CLEAN });
    symlinkSync('..', join(root, 'a', 'loop')); // a/loop -> root: a loop
    symlinkSync(join(root, 'b'), join(root, 'a', 'to-b')); // a second way to b
    symlinkSync(join(root, 'b', 'two.txt'), join(root, 'link.txt'));
    const plain = await scan([root]);
    expect(rel(root, plain.files)).toEqual(['a/one.txt', 'b/two.txt']);
    const followed = await scan([root, '--follow-symlinks']);
    // Each folder is walked once; the file link is a file of its own.
    expect(rel(root, followed.files)).toEqual(['a/one.txt', 'a/to-b/two.txt', 'link.txt']);
    expect(followed.err).toMatch(/loop|already scanned/);
    expect(followed.code).toBe(0);
  });
});

describe('scan: nothing lost', () => {
  it('reports unreadable, binary, oversized and malformed files as errors and scans the rest', async () => {
    const root = tree({
      'ok.txt': SCAM,
      'clean.txt': CLEAN,
      'binary.txt': Buffer.from([1, 0, 2, 0, 255, 0]),
      'big.txt': 'Agent: hello\n'.repeat(100_000),
      'empty.txt': '   \n',
      'bad.csv': 'id,other\n1,hello\n',
      'bad.jsonl': '{"text": "hello"}\nnot json\n',
      'locked.txt': CLEAN,
    });
    const asRoot = process.getuid?.() === 0; // root reads files whatever their mode
    if (asRoot) symlinkSync(join(root, 'gone.txt'), join(root, 'locked.txt.link.txt'));
    else chmodSync(join(root, 'locked.txt'), 0o000);
    const r = await scan([root, '--max-size', '1', ...(asRoot ? ['--follow-symlinks'] : [])]);
    const byName = Object.fromEntries(r.lines.map((l) => [l.file.slice(root.length + 1), l]));
    expect(byName['binary.txt']!.error).toMatch(/binary/);
    expect(byName['big.txt']!.error).toMatch(/max-size/);
    expect(byName['empty.txt']!.error).toMatch(/empty/);
    expect(byName['bad.csv']!.error).toMatch(/text column/);
    expect(byName['bad.jsonl#2']!.error).toMatch(/^JSON Lines: line 2: /);
    expect(byName['bad.jsonl#1']!.verdict).toBe('clean'); // the good line still gives its result
    if (asRoot) expect(byName['locked.txt.link.txt']!.error).toMatch(/dangling symbolic link/);
    else expect(byName['locked.txt']!.error).toMatch(/permission denied/);
    expect(byName['ok.txt']!.verdict).toBe('scam');
    expect(byName['clean.txt']!.verdict).toBe('clean');
    expect(r.lines).toHaveLength(asRoot ? 10 : 9); // every file (and data set line) exactly once
    expect(new Set(r.files).size).toBe(r.lines.length);
    expect(r.code).toBe(2); // errors win over --fail-on
    if (!asRoot) chmodSync(join(root, 'locked.txt'), 0o644);
  });

  it('keeps the good rows of a data set and makes each bad one an error record naming its line', async () => {
    const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
    const root = tree({
      'calls.csv': [
        'id,dialogue',
        `a,${q(SCAM)}`, // lines 2-6
        'b,"he said "hi" to me"', // line 7: a quote inside a quoted cell, not doubled
        `c,${q(CLEAN.trim())}`, // lines 8-9
        'd,two,cells too many', // line 10
        `e,${q(SCAM)}`, // lines 11-15
        'f,"never closed', // line 16: a stray quote
        '',
      ].join('\n'),
      'calls.jsonl': [JSON.stringify({ id: 1, text: SCAM }), '{"id": 2, "text": "unterminated', '[1, 2]', JSON.stringify({ id: 4, text: CLEAN })].join('\n'),
    });
    const r = await scan([root, '--id-column', 'id']);
    const by = Object.fromEntries(r.lines.map((l) => [l.file.slice(root.length + 1), l]));
    expect(Object.keys(by)).toEqual([
      'calls.csv#a',
      'calls.csv#2',
      'calls.csv#c',
      'calls.csv#d',
      'calls.csv#e',
      'calls.csv#6',
      'calls.jsonl#1',
      'calls.jsonl#2',
      'calls.jsonl#3',
      'calls.jsonl#4',
    ]);
    expect([by['calls.csv#a']!.verdict, by['calls.csv#c']!.verdict, by['calls.csv#e']!.verdict]).toEqual(['scam', 'clean', 'scam']);
    expect(by['calls.csv#2']!.error).toMatch(/^CSV: line 7: text after a closing quote/);
    expect(by['calls.csv#d']!.error).toBe('CSV: line 10: 3 cells, the header has 2');
    expect(by['calls.csv#6']!.error).toMatch(/^CSV: line 16: a quote is never closed/);
    expect([by['calls.jsonl#1']!.verdict, by['calls.jsonl#4']!.verdict]).toEqual(['scam', 'clean']);
    expect(by['calls.jsonl#2']!.error).toMatch(/^JSON Lines: line 2: /);
    expect(by['calls.jsonl#3']!.error).toBe('JSON Lines: line 3: not an object');
    expect(r.code).toBe(2);
  });

  it('reads a ;-separated CSV (French Excel), the separator taken from the header line', async () => {
    const root = tree({ 'appels.csv': `id;dialogue;note\n1;"${SCAM.replace(/"/g, '""')}";a, b\n2;${CLEAN.split('\n')[0]};c\n` });
    const r = await scan([join(root, 'appels.csv'), '--id-column', 'id']);
    expect(r.lines.map((l) => [l.file.slice(root.length + 1), l.verdict ?? l.error])).toEqual([
      ['appels.csv#1', 'scam'],
      ['appels.csv#2', 'clean'],
    ]);
  });

  it('finds and reads files whose names are not UTF-8, shown with \\xHH escapes', async () => {
    const root = tree({});
    const latin1 = (name: string) => Buffer.from(name, 'latin1');
    const at = (...parts: Buffer[]) => Buffer.concat([Buffer.from(root), ...parts.flatMap((p) => [Buffer.from('/'), p])]);
    writeFileSync(at(latin1('appel-été.txt')), SCAM);
    mkdirSync(at(latin1('dossier-né')));
    writeFileSync(at(latin1('dossier-né'), latin1('reçu.txt')), CLEAN);
    writeFileSync(at(latin1('données.csv')), `id,dialogue\n1,"${SCAM.replace(/"/g, '""')}"\n`);
    const r = await scan([root]);
    expect(r.lines.map((l) => [l.file.slice(root.length + 1), l.verdict ?? l.error])).toEqual([
      ['appel-\\xe9t\\xe9.txt', 'scam'],
      ['donn\\xe9es.csv#1', 'scam'],
      ['dossier-n\\xe9/re\\xe7u.txt', 'clean'],
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a missing path as an error result', async () => {
    const r = await scan([join(tmp, 'nope')]);
    expect(r.lines).toEqual([{ file: join(tmp, 'nope'), error: 'no such file' }]);
    expect(r.code).toBe(2);
  });

  it('gives one result per data set row, named by row number or --id-column', async () => {
    const root = tree({
      'calls.csv': `call_id,dialogue\nA7,"${SCAM.replace(/"/g, '""')}"\nB2,"${CLEAN}"\n`,
      'calls.jsonl':
        JSON.stringify({ id: 'x', text: CLEAN }) +
        '\n' +
        JSON.stringify({ turns: [{ speaker: 'Agent', text: 'buy google play gift cards and read me the numbers' }] }) +
        '\n',
      'z.txt': CLEAN,
    });
    const byRow = await scan([root]);
    expect(rel(root, byRow.files)).toEqual(['calls.csv#1', 'calls.csv#2', 'calls.jsonl#x', 'calls.jsonl#2', 'z.txt']);
    expect(byRow.lines[0]!.verdict).toBe('scam');
    const byId = await scan([join(root, 'calls.csv'), '--id-column', 'call_id', '--text-column', 'dialogue']);
    expect(rel(root, byId.files)).toEqual(['calls.csv#A7', 'calls.csv#B2']);
    const missing = await scan([join(root, 'calls.csv'), '--text-column', 'nope']);
    expect(missing.lines).toHaveLength(1);
    expect(missing.lines[0]!.error).toMatch(/no text column "nope"/);
  });
});

describe('scan: output formats', () => {
  const root = tree({ 'a,"odd" name.txt': SCAM, 'b.txt': CLEAN, 'c.txt': Buffer.from([0, 1, 0]), 'evil\u001b[31m.txt': CLEAN });

  it('ndjson lines are the JSON of classify --format json', async () => {
    const r = await scan([root]);
    expect(r.lines).toHaveLength(4);
    const file = join(root, 'b.txt');
    const one = fakeIO();
    await run(['classify', file, '--format', 'json'], one.io);
    expect(r.lines.find((l) => l.file === file)).toEqual(JSON.parse(one.out()));
    expect(r.lines.find((l) => l.file.endsWith('c.txt'))).toEqual({ file: join(root, 'c.txt'), error: expect.stringMatching(/binary/) });
  });

  it('json is one document with results and a summary', async () => {
    const t = fakeIO();
    expect(await run(['scan', root, '--format', 'json'], t.io)).toBe(2);
    const doc = JSON.parse(t.out());
    expect(doc.results).toHaveLength(4);
    expect(doc.summary).toMatchObject({
      files: 4,
      scanned: 4,
      notScanned: 0,
      results: 4,
      errors: 1,
      verdicts: { scam: 1, clean: 2, suspicious: 0 },
      interrupted: false,
    });
    expect(doc.summary.filesPerSecond).toBeGreaterThan(0);
    expect(t.out()).not.toMatch(/\u001b/);
  });

  it('json with no files is still valid', async () => {
    const t = fakeIO();
    expect(await run(['scan', tree({ 'x.md': '' }), '--format', 'json'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ results: [], summary: { files: 0 } });
    expect(t.err()).toMatch(/no transcript files/);
  });

  it('csv has the documented columns and quotes properly', async () => {
    const t = fakeIO();
    await run(['scan', root, '--format', 'csv'], t.io);
    const [header, ...rows] = parseCsv(t.out());
    expect(header!.cells).toEqual([
      'file',
      'verdict',
      'score',
      'strength',
      'language',
      'alert',
      'utterances',
      'stages',
      'driver',
      'top_categories',
      'top_quote',
      'top_line',
      'error',
    ]);
    expect(rows).toHaveLength(4);
    const odd = rows.find((r) => r.cells[0]!.includes('odd'))!;
    expect(odd.cells[0]).toBe(join(root, 'a,"odd" name.txt'));
    expect(odd.cells[1]).toBe('scam');
    expect(Number(odd.cells[2])).toBeGreaterThan(0.5);
    expect(Number(odd.cells[3])).toBeGreaterThan(0);
    expect(odd.cells[4]).toBe('en');
    expect(Number(odd.cells[5])).toBeGreaterThanOrEqual(1);
    expect(Number(odd.cells[6])).toBeGreaterThanOrEqual(Number(odd.cells[5]));
    expect(odd.cells[7]).toMatch(/^[a-z]+(;[a-z]+)*$/);
    expect(odd.cells[9]).toMatch(/^[a-z_]+(;[a-z_]+)*$/);
    expect(odd.cells[10]!.length).toBeGreaterThan(2);
    expect(Number(odd.cells[11])).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.cells[0]!.endsWith('c.txt'))!.cells[12]).toMatch(/binary/);
    expect(t.out()).not.toMatch(/\u001b/); // the evil name is escaped
  });

  it('pretty shows counts, the riskiest files with evidence, errors and speed; colour only on a terminal', async () => {
    const t = fakeIO();
    await run(['scan', root, '--format', 'pretty'], t.io);
    expect(t.out()).toMatch(/scam\s+1/);
    expect(t.out()).toMatch(/Riskiest 1:[\s\S]*odd[\s\S]*"/);
    expect(t.out()).toMatch(/Errors \(1\):[\s\S]*c\.txt: binary/);
    expect(t.out()).toMatch(/files\/s/);
    expect(t.out()).not.toMatch(/\u001b/);
    const tty = fakeIO({ tty: true });
    await run(['scan', root], tty.io); // pretty is the default on a terminal
    expect(tty.out()).toMatch(/Riskiest/);
    expect(tty.out()).toMatch(ANSI);
    expect(tty.out()).not.toMatch(/evil\u001b/);
    const plain = fakeIO({ tty: true });
    await run(['scan', root, '--no-color'], plain.io);
    expect(plain.out()).not.toMatch(ANSI);
  });

  it('draws a progress bar on a terminal stderr, never with --quiet', async () => {
    const t = fakeIO({ stderrTTY: true });
    await run(['scan', root, '--format', 'ndjson'], t.io);
    expect(t.err()).toMatch(/\r.*\/4 files .*files\/s .*flagged .*ETA/);
    const q = fakeIO({ stderrTTY: true });
    await run(['scan', root, '--format', 'ndjson', '--quiet'], q.io);
    expect(q.err()).toBe('');
  });

  it('exit codes follow --fail-on when no file failed', async () => {
    const ok = tree({ 'a.txt': SCAM, 'b.txt': CLEAN });
    expect((await scan([ok])).code).toBe(1);
    expect((await scan([ok, '--fail-on', 'never'])).code).toBe(0);
    expect((await scan([join(ok, 'b.txt'), '--fail-on', 'suspicious'])).code).toBe(0);
  });

  it('rejects bad option values', async () => {
    const t = fakeIO();
    expect(await run(['scan', root, '--jobs', '0'], t.io)).toBe(2);
    expect(t.err()).toMatch(/--jobs/);
  });
});

describe('scan as a spawned binary (worker threads)', () => {
  const corpus = join(tmp, 'corpus');
  execFileSync(process.execPath, [GEN, corpus, '260', '3']);

  it('gives the same output in path order with --jobs 1 and --jobs 2, one line per file', () => {
    const one = spawnSync(process.execPath, [BIN, 'scan', corpus, '--jobs', '1', '--stats'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const two = spawnSync(process.execPath, [BIN, 'scan', corpus, '--jobs', '2', '--stats'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(one.stderr).toMatch(/no worker threads/);
    expect(two.stderr).toMatch(/2 worker threads/);
    expect(two.stdout).toBe(one.stdout);
    const files = one.stdout
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { file: string }).file);
    expect(files).toHaveLength(260); // labels.csv is left out by the corpus' .scamscanignore
    expect(files).toEqual([...files].sort());
    expect(one.status).toBe(1);
  }, 120_000);

  it('fails with one line when the lexicons cannot load, in workers as in the main thread', () => {
    for (const jobs of ['1', '2']) {
      const r = spawnSync(process.execPath, [BIN, 'scan', corpus, '--jobs', jobs, '--lexicons', join(tmp, 'no-lexicons')], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^scamscan: .*no-lexicons/);
      expect(r.stderr).not.toMatch(/unexpected/);
    }
  }, 60_000);

  it('stops on Ctrl-C: writes what is done in order, says what was not scanned, exits 130', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', corpus, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      if (out === '') setTimeout(() => child.kill('SIGINT'), 50);
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const files = out
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { file: string }).file);
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted: .* not scanned/);
    expect(files.length).toBeLessThan(260);
    expect(files).toEqual([...files].sort());
    expect(new Set(files).size).toBe(files.length);
  }, 120_000);
});
