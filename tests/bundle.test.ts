import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const LOADER = join(ROOT, 'bin', 'load-bundle.js');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'cli.js');

/**
 * Loads a bundle the way bin/scamscan.js does, in a child process (V8 can crash on a damaged code
 * cache), and tells what became of its cache: accepted, rejected by V8, or not offered to V8.
 */
function load(bundle: string): string {
  const code = `const { cli, script } = require(${JSON.stringify(LOADER)}).loadBundle({ bundle: ${JSON.stringify(bundle)} });
const r = script.cachedDataRejected;
console.log(typeof cli.run, r === undefined ? 'not offered' : r ? 'rejected' : 'accepted');`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  return `${r.status} ${r.stdout.trim()}${r.stderr}`;
}

// Without zlib.crc32 (Node before 20.15) the cache cannot be checked, so it is never offered.
const CHECKED = typeof (zlib as { crc32?: unknown }).crc32 === 'function';
const USED = CHECKED ? 'accepted' : 'not offered';

describe('the CLI bundle (npm run build)', () => {
  // Inside dist/, so that the copy finds node_modules as the bundle does.
  const dir = mkdtempSync(join(ROOT, 'dist', 'bundle-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, 'cli.js');
  copyFileSync(BUNDLE, copy);
  const cache = readFileSync(`${BUNDLE}.cache`);

  it('loads with the code cache the build wrote, which this Node accepts', () => {
    expect(load(BUNDLE)).toBe(`0 function ${USED}`);
  });

  it('is not offered a damaged code cache, nor one older than the bundle', () => {
    const damaged = Buffer.from(cache);
    const mid = damaged.length >> 1;
    damaged[mid] = damaged[mid]! ^ 0xff;
    writeFileSync(`${copy}.cache`, damaged);
    expect(load(copy)).toBe('0 function not offered');
    writeFileSync(`${copy}.cache`, cache);
    expect(load(copy)).toBe(`0 function ${USED}`);
    utimesSync(`${copy}.cache`, new Date(0), new Date(0));
    expect(load(copy)).toBe('0 function not offered');
  });
});
