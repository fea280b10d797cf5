import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { runInWorkers } from '../src/batch/pool.js';
import { lineGuard } from '../src/cli/watch.js';
import { threadsFor, WORKER_BIG_FILE } from '../src/batch/scan.js';
import { runTask, type TaskOutput } from '../src/batch/task.js';
import { walkEntries } from '../src/batch/walk.js';
import { loadLexicons } from '../src/index.js';
import { readInputFile } from '../src/node/read.js';
import { ScamscanError } from '../src/errors.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

/** Limits: input size for streams, per-file time and memory, workers that die, signals, stdout errors. */

const BIN = join(ROOT, 'bin', 'scamscan.js');
const tmp = mkdtempSync(join(tmpdir(), 'scamscan-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MB = 1024 * 1024;
const SCAM = 'Agent: please download anydesk and buy google play gift cards now and read me the code.\n';
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

describe('--max-size holds for streams: character devices, FIFOs, stdin', () => {
  it('refuses /dev/zero once past the limit, without reading on', () => {
    expect(() => readInputFile('/dev/zero', MB)).toThrow(new ScamscanError('input larger than --max-size 1 (1048576 bytes)', '/dev/zero'));
  });

  it('classify /dev/zero and `cat /dev/zero | scamscan classify` stop with one line, exit 2', () => {
    const file = spawnSync(process.execPath, [BIN, 'classify', '/dev/zero', '--max-size', '1'], { encoding: 'utf8', timeout: 30_000, env });
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('scamscan: /dev/zero: input larger than --max-size 1 (1048576 bytes)\n');
    const piped = spawnSync('sh', ['-c', `cat /dev/zero | "${process.execPath}" "${BIN}" classify --max-size 1`], { encoding: 'utf8', timeout: 30_000, env });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toBe('scamscan: -: input larger than --max-size 1 (1048576 bytes)\n');
  });

  it('classify refuses stdin over the limit in-process too', async () => {
    const io = fakeIO({ stdin: 'x'.repeat(MB + 1) });
    expect(await run(['classify', '--max-size', '1'], io.io)).toBe(2);
    expect(io.err()).toMatch(/^scamscan: -: input larger than --max-size 1/);
  });

  it.runIf(hasMkfifo)('scan never blocks on a FIFO: one in a folder is an error record, one named and without a writer reads as empty', async () => {
    const dir = join(tmp, 'fifo');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'a.txt'), join(dir, 'skipped.bin')]);
    writeFileSync(join(dir, 'b.txt'), SCAM);
    expect(walkEntries([dir])).toEqual([
      { path: join(dir, 'a.txt'), size: 0, error: 'a FIFO, not a regular file: not read' },
      { path: join(dir, 'b.txt'), size: SCAM.length },
    ]);
    const io = fakeIO();
    expect(await run(['scan', '--format', 'ndjson', dir, join(dir, 'skipped.bin')], io.io)).toBe(2);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; error?: string });
    expect(lines.map((l) => [l.file.slice(dir.length + 1), l.error ?? 'ok'])).toEqual([
      ['a.txt', 'a FIFO, not a regular file: not read'],
      ['b.txt', 'ok'],
      ['skipped.bin', 'empty input'],
    ]);
  });
});

describe('watch reads lines of bounded length', () => {
  it('a line past the limit is one error line, exit 2, rather than memory without end', async () => {
    const guard = lineGuard(10);
    const seen: string[] = [];
    guard.on('data', (d: Buffer) => seen.push(d.toString()));
    const failed = new Promise<Error>((resolve) => guard.on('error', resolve));
    guard.write('Agent: hi\nAgent:');
    guard.write(' 0123456789');
    expect((await failed).message).toBe(`-: a line longer than ${10 / MB} MB (no line ends?)`);
    expect(seen).toEqual(['Agent: hi\nAgent:']);
  });

  it('`head -c 60M /dev/zero | scamscan watch` stops with one line', () => {
    const r = spawnSync('sh', ['-c', `head -c 60000000 /dev/zero | "${process.execPath}" "${BIN}" watch`], { encoding: 'utf8', timeout: 60_000, env });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('scamscan: -: a line longer than 50 MB (no line ends?)\n');
  });
});

describe('per-file limits in scan', () => {
  const dir = join(tmp, 'calls');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), SCAM);
  writeFileSync(join(dir, 'b.txt'), SCAM.repeat(300));
  writeFileSync(join(dir, 'c.txt'), SCAM);

  it('a file over the time limit is an error record naming the limit, and the scan goes on', async () => {
    const io = fakeIO();
    expect(await run(['scan', '--format', 'ndjson', '--time-limit', '0.000001', dir], io.io)).toBe(2);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; error?: string });
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.error).toBe('over the time limit of 0.000001 s per file (--time-limit)');
  });

  it('a file whose reading grows the heap past the memory limit is an error record naming the limit', () => {
    const outs: TaskOutput[] = [];
    const settings = { lexicons: [], maxBytes: 50 * MB, withJson: false, memoryLimit: 1 };
    const lexicons = loadLexicons();
    for (const [index, name] of ['a.txt', 'b.txt'].entries()) runTask({ index, path: join(dir, name) }, settings, lexicons, (o) => outs.push(o));
    expect(outs.map((o) => ('error' in o.records[0]! ? o.records[0].error : 'ok'))).toEqual([
      'ok', // fewer than 256 utterances: never looked at
      'over the memory limit of 1 MB per file (too much evidence to hold)',
    ]);
  });
});

describe('workers', () => {
  const script = join(ROOT, 'dist', 'batch', 'worker.js');

  it('a big file is read in a worker even in a small batch, so that the main thread hears signals', () => {
    const file = (size: number) => ({ path: 'a.txt', size });
    expect(threadsFor([file(WORKER_BIG_FILE + 1)], 4)).toBe(1);
    expect(threadsFor([file(WORKER_BIG_FILE + 1), file(10)], 4)).toBe(1);
    expect(threadsFor([file(WORKER_BIG_FILE + 1)], 1)).toBe(1);
    expect(threadsFor([file(WORKER_BIG_FILE + 1)], 1, true)).toBe(0); // --jobs 1: as asked
    expect(threadsFor([file(WORKER_BIG_FILE)], 4)).toBe(0);
  });

  it.runIf(existsSync(script))(
    'a file that runs a worker out of memory is an error record; the worker is replaced and every other file is scanned',
    async () => {
      const dir = join(tmp, 'oom');
      mkdirSync(dir);
      const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
      for (const name of names) writeFileSync(join(dir, name), name === 'b.txt' ? SCAM.repeat(100_000) : SCAM);
      const outs: TaskOutput[] = [];
      // memoryLimit off, so the heap runs out rather than the per-file check stopping it first.
      const settings = { lexicons: [], maxBytes: 50 * MB, withJson: false, memoryLimit: 1e6 };
      const tasks = names.map((name, index) => ({ index, path: join(dir, name) }));
      await runInWorkers(pathToFileURL(script), tasks, settings, 2, {
        signal: new AbortController().signal,
        limit: () => tasks.length,
        onOutput: (o) => outs.push(o),
        heapMb: 120,
      });
      const byIndex = outs.sort((a, b) => a.index - b.index).map((o) => ('error' in o.records[0]! ? o.records[0].error : o.records[0]!.verdict));
      expect(byIndex).toEqual(['scam', 'out of memory (over the 120 MB heap of a worker)', 'scam', 'scam', 'scam']);
    },
    120_000,
  );
});

describe('signals and stdout', () => {
  const dataset = join(tmp, 'big.csv');
  const rows = 20_000;
  writeFileSync(dataset, 'id,text\n' + Array.from({ length: rows }, (_, i) => `${i},"${SCAM.trim()} ${i}"`).join('\n') + '\n');

  /** Runs a scan of one big data set in the main thread and sends `signal` once output has begun. */
  async function interrupted(signal: NodeJS.Signals) {
    const child = spawn(process.execPath, [BIN, 'scan', dataset, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      if (out === '') setTimeout(() => child.kill(signal), 50);
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, out, err };
  }

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} stops a scan inside one data set: the JSON is closed, what was done is written, exit ${code}`, async () => {
      const r = await interrupted(signal);
      expect(r.code).toBe(code);
      const json = JSON.parse(r.out) as { results: unknown[]; summary: { interrupted: boolean } };
      expect(json.summary.interrupted).toBe(true);
      expect(json.results.length).toBeGreaterThan(0);
      expect(json.results.length).toBeLessThan(rows);
      expect(r.err).toMatch(/^scamscan: interrupted: /);
    }, 120_000);
  }

  it('Ctrl-C stops a scan of one big file at once (it is read in a worker), exit 130', async () => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, SCAM.repeat((16 * MB) / SCAM.length));
    const child = spawn(process.execPath, [BIN, 'scan', big, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // Long enough for the handlers to be installed; reading the file takes far longer.
    setTimeout(() => child.kill('SIGINT'), 3_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(JSON.parse(out)).toMatchObject({ results: [], summary: { interrupted: true, notScanned: 1 } });
  }, 120_000);

  it('a stdout error other than EPIPE (a full disk) is one line and exit 2', () => {
    const call = join(tmp, 'call.txt');
    writeFileSync(call, SCAM);
    for (const args of [
      ['classify', call],
      ['scan', call, '--format', 'json'],
    ]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env });
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('scamscan: stdout: cannot write (ENOSPC: no space left on device)\n');
      } finally {
        closeSync(full);
      }
    }
  });
});
