import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyText } from '../src/index.js';
import { brandFor } from '../src/core/text/fuzzy.js';
import { doubleMetaphoneKey } from '../src/core/text/natural.js';
import { ROOT } from './helpers.js';

/**
 * What a user installs: the package's files (bin, dist, lexicons, package.json) and its runtime
 * dependencies only. natural is a build-time dependency: the build bundles what scamscan uses of it.
 */
describe('the installed package (npm run build)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    files: string[];
  };
  const dir = mkdtempSync(join(tmpdir(), 'scamscan-install-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists natural as a devDependency only', () => {
    expect(pkg.dependencies.natural).toBeUndefined();
    expect(pkg.devDependencies.natural).toBeDefined();
  });

  it('classifies and loads as a library with only its runtime dependencies installed', () => {
    for (const f of pkg.files) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    mkdirSync(join(dir, 'node_modules'));
    for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep));
    expect(existsSync(join(dir, 'node_modules', 'natural'))).toBe(false);
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };
    const sample = join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt');
    const cli = spawnSync(process.execPath, [join(dir, 'bin', 'scamscan.js'), 'classify', sample, '--format', 'json', '--no-config'], {
      encoding: 'utf8',
      env,
    });
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout).verdict).toBe('scam');
    const lib = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { classifyText } = await import(${JSON.stringify(join(dir, 'dist', 'index.js'))});
console.log(classifyText('Agent: download any desk and buy Google Play gift cards, scratch the back and read me the numbers, tu es infecté').verdict);`,
      ],
      { encoding: 'utf8', env },
    );
    expect(lib.stderr).toBe('');
    expect(lib.stdout.trim()).toBe('scam');
  });
});

describe('double metaphone (natural dropped S after A or I: NaturalNode/natural#301)', () => {
  it('keeps those S, so misheard tool names sound like the tool', () => {
    expect(doubleMetaphoneKey('quickasist')).toBe(doubleMetaphoneKey('quickassist'));
    expect(doubleMetaphoneKey('connectwize')).toBe(doubleMetaphoneKey('connectwise'));
    expect(doubleMetaphoneKey('rustdisk')).toBe(doubleMetaphoneKey('rustdesk'));
    expect(doubleMetaphoneKey('rustdisk')).toContain('S');
    // Still different where the sounds differ, and the silent S of French -ais/-ois stays silent.
    expect(doubleMetaphoneKey('rustdisk')).not.toBe(doubleMetaphoneKey('rustduck'));
    expect(doubleMetaphoneKey('francois')).toBe('FRNK');
  });

  it('restores the misheard names to the brands', () => {
    const brands = ['anydesk', 'teamviewer', 'quickassist', 'connectwise', 'rustdesk'];
    expect(brandFor('quickasist', brands)).toBe('quickassist');
    expect(brandFor('connectwize', brands)).toBe('connectwise');
    expect(brandFor('rustdisk', brands)).toBe('rustdesk');
  });

  it('finds them in a call', () => {
    for (const [said, brand] of [
      ['quickasist', 'quick'],
      ['connectwize', 'connectwise'],
      ['rustdisk', 'rustdesk'],
    ] as const) {
      const r = classifyText(`Agent: please download ${said} now so I can fix it.`);
      const f = r.findings.find((x) => x.category === 'remote_access');
      expect(f, `${said}: ${JSON.stringify(r.findings.map((x) => x.id))}`).toBeDefined();
      expect(f!.text.toLowerCase()).toContain(said);
      expect(brand.length).toBeGreaterThan(0);
    }
  });
});
