import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIR, IN_BUNDLE, PACKAGE_JSON, PRECOMPILED, WORKER_SCRIPT } from '../src/node/paths.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = fileURLToPath(new URL('../src/', import.meta.url));

describe('the package paths (src/node/paths.ts)', () => {
  it('sits exactly one folder below src/, as dist/<folder>/ and dist/bundle/ are two below the package', () => {
    const file = fileURLToPath(new URL('../src/node/paths.ts', import.meta.url));
    expect(existsSync(file)).toBe(true);
    expect(relative(src, file).split(sep)).toHaveLength(2);
  });

  it('finds package.json, the lexicons, dist/ and the worker from there', () => {
    expect(PACKAGE_JSON).toBe(`${root}package.json`);
    expect((JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { name: string }).name).toBe('scamscan');
    expect(existsSync(BUILTIN_DIR)).toBe(true);
    expect(BUILTIN_DIR).toBe(`${root}lexicons${sep}`);
    // Under vitest, `../` is src/; built, it is dist/.
    expect(dirname(PRECOMPILED)).toBe(src.replace(/[\\/]$/, ''));
    expect(IN_BUNDLE).toBe(false);
    expect(fileURLToPath(WORKER_SCRIPT)).toBe(`${src}batch${sep}worker.js`);
  });

  it('is the only module that turns import.meta.url into a path', () => {
    const users = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter(
        (f) => f.endsWith('.ts') && readFileSync(join(src, f), 'utf8').includes('new URL(') && readFileSync(join(src, f), 'utf8').includes('import.meta.url'),
      )
      .map((f) => f.split(sep).join('/'));
    expect(users).toEqual(['node/paths.ts']);
  });

  it('names the built worker in tsc output (when built)', async () => {
    const built = join(root, 'dist', 'node', 'paths.js');
    if (!existsSync(built)) return;
    const paths = (await import(pathToFileURL(built).href)) as typeof import('../src/node/paths.js');
    expect(paths.IN_BUNDLE).toBe(false);
    expect(fileURLToPath(paths.WORKER_SCRIPT)).toBe(join(root, 'dist', 'batch', 'worker.js'));
    expect(paths.PRECOMPILED).toBe(join(root, 'dist', 'lexicons.compiled.json'));
    expect(paths.BUILTIN_DIR).toBe(BUILTIN_DIR);
  });
});
