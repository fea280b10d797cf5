import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compileLexicons } from '../src/core/lexicon/compile.js';
import { loadLexiconSet } from '../src/node/lexicons.js';

export const FIXTURE_LEXICONS = fileURLToPath(new URL('./fixtures/lexicons/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A small, fixed lexicon set so engine tests do not move when the built-in lexicons are tuned. */
export const fixtureLexicons = () => compileLexicons(loadLexiconSet([FIXTURE_LEXICONS]));

/** samples/labels.csv as a map from file name to label (scam or legit). */
export const sampleLabels = (): Map<string, string> =>
  new Map(
    readFileSync(join(ROOT, 'samples', 'labels.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',') as [string, string]),
  );

/** The items, after checking there is at least one: a check over every finding must not pass on none. */
export function some<T>(items: T[], what = 'findings'): T[] {
  expect(items.length, `expected some ${what}`).toBeGreaterThan(0);
  return items;
}
