import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

/** Each broken input gets one clear line naming the file and the problem, and never a stack trace. */
const dir = mkdtempSync(join(tmpdir(), 'scamscan-broken-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function classify(path: string, ...extra: string[]) {
  const t = fakeIO();
  const code = await run(['classify', path, '--format', 'json', ...extra], t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('broken and huge input', () => {
  it('a 1 GB file is refused by size before it is read', async () => {
    const p = join(dir, 'huge.txt');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 1024 * 1024 * 1024); // sparse: takes no disk
    closeSync(fd);
    const r = await classify(p);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/huge\.txt: file is 1073741824 bytes, over --max-size/);
  });

  it.each([
    ['a file of NUL bytes', 'nul.txt', Buffer.alloc(4096), /nul\.txt: binary input/],
    ['an empty file', 'empty.txt', '', /empty\.txt: empty input/],
    ['malformed JSON', 'bad.json', '{"segments": [ {"text": "hi", } ]', /bad\.json: JSON: .* at line 1 column \d+/],
    ['SRT with broken timings', 'bad.srt', '1\n00:00:01,000 --> 00:00:0x,000\nhello\n', /bad\.srt: SRT: cue 1 \(line 2\): bad timing/],
  ])('%s is one line naming the file and the problem', async (_what, name, content, message) => {
    const r = await classify(file(name, content));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a truncated UTF-16 file is read with a warning', async () => {
    const body = Buffer.from('Agent: téléchargez AnyDesk', 'utf16le');
    const r = await classify(file('cut.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body, Buffer.from([0x41])])));
    expect(r.code).not.toBe(2);
    expect(JSON.parse(r.out).warnings.join(' ')).toMatch(/odd number of bytes/);
  });

  it('a file that disappears before it is read is an error line in a scan, and the others still run', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scamscan-vanish-'));
    writeFileSync(join(folder, 'ok.txt'), 'Agent: hello, is this the pharmacy?');
    execFileSync('ln', ['-s', join(folder, 'gone.txt'), join(folder, 'link.txt')]);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'scamscan.js'), 'scan', folder, '--follow-symlinks', '--format', 'ndjson'], { encoding: 'utf8' });
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.file.endsWith('link.txt')).error).toMatch(/dangling symbolic link|no such file/);
    expect(lines.find((l) => l.file.endsWith('ok.txt')).verdict).toBeDefined();
    expect(r.status).toBe(2);
  });
});
