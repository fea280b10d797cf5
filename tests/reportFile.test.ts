import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { ReportFile, type ReportFs } from '../src/cli/reportFile.js';
import { ScamscanError } from '../src/errors.js';
import { fakeIO } from './io.js';

const tmp = mkdtempSync(join(tmpdir(), 'scamscan-reportfile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const calls = join(tmp, 'calls');
mkdirSync(calls);
writeFileSync(join(calls, 'a.txt'), 'Agent: your computer is infected, download AnyDesk now and buy Google Play cards.\nCaller: ok\n');
writeFileSync(join(calls, 'b.txt'), 'Agent: Hi, this is Dr. Lee office confirming your appointment tomorrow.\nCaller: Great.\n');

const scanTo = (report: string) => {
  const t = fakeIO();
  return run(['scan', calls, '--format', 'csv', '--fail-on', 'never', '--report', report], t.io).then((code) => ({ code, err: t.err() }));
};
const partials = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.partial'));

/** A character device node like /dev/null (1,3) or /dev/full (1,7), made in the test folder; null when this user may not. */
function device(name: string, minor: number): string | null {
  const path = join(tmp, name);
  try {
    execFileSync('mknod', [path, 'c', '1', String(minor)], { stdio: 'ignore' });
    return path;
  } catch {
    return null;
  }
}
const devNull = device('null', 3);
const devFull = device('full', 7);

describe('scan --report: what it never replaces', () => {
  it.skipIf(!devNull)('writes through a character device and leaves the device node in place', async () => {
    const { code, err } = await scanTo(devNull!);
    expect(code).toBe(0);
    expect(err).toMatch(/report written/);
    expect(statSync(devNull!).isCharacterDevice()).toBe(true);
    expect(partials(tmp)).toEqual([]);
  });

  it('follows a symbolic link: the file it points to gets the report, the link stays a link', async () => {
    const real = join(tmp, 'real.html');
    const link = join(tmp, 'link.html');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    const { code } = await scanTo(link);
    expect(code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(partials(tmp)).toEqual([]);
  });

  it('refuses a dangling symbolic link and a folder, in one line', async () => {
    const dangling = join(tmp, 'dangling.html');
    symlinkSync(join(tmp, 'nowhere', 'x.html'), dangling);
    let r = await scanTo(dangling);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`scamscan: ${dangling}: cannot write the report (a dangling symbolic link)\n`);
    r = await scanTo(calls);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write the report \(is a folder\)\n$/);
  });
});

describe('scan --report on a full disk', () => {
  it.skipIf(!devFull)('is an error, exit 2, one line, and never says "report written"', async () => {
    const { code, err } = await scanTo(devFull!);
    expect(code).toBe(2);
    expect(err).not.toMatch(/report written/);
    expect(err.trim().split('\n')).toEqual([`scamscan: ${devFull}: cannot write the report (ENOSPC: no space left on device)`]);
    expect(statSync(devFull!).isCharacterDevice()).toBe(true);
  });

  it('retries a short write and reports the error after it; the temporary file is removed', () => {
    const target = join(tmp, 'short.html');
    let calls = 0;
    const full: ReportFs = {
      ...fs,
      // The disk takes 10 bytes, then is full: the short write must not be taken for the whole chunk.
      writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => {
        if (calls++ === 0) return fs.writeSync(fd, buf, off, Math.min(len, 10));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }) as ReportFs['writeSync'],
    };
    const file = new ReportFile(target, full);
    expect(partials(tmp)).toHaveLength(1);
    let error: unknown;
    try {
      file.write('x'.repeat(100));
    } catch (e) {
      error = e;
      file.abort();
    }
    expect(error).toBeInstanceOf(ScamscanError);
    expect((error as ScamscanError).message).toBe(`${target}: cannot write the report (ENOSPC: no space left on device)`);
    expect(calls).toBe(2);
    expect(partials(tmp)).toEqual([]);
    expect(() => statSync(target)).toThrow();
  });

  it('a failing fsync or rename is an error too, and leaves no temporary file', () => {
    const target = join(tmp, 'fsync.html');
    const bad: ReportFs = {
      ...fs,
      fsyncSync: () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    };
    const file = new ReportFile(target, bad);
    file.write('<!doctype html>');
    expect(() => file.commit()).toThrow(`${target}: cannot write the report (EIO)`);
    expect(partials(tmp)).toEqual([]);
  });
});
