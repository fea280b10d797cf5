import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAMES } from './schema.js';

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The nearest config file in `from` or a folder above it, or null. */
export function findConfig(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (isFile(path)) return path;
    }
    if (dirname(dir) === dir) return null;
  }
}
