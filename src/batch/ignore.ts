import { readFileSync } from 'node:fs';
import { fsJoin } from '../node/rawNames.js';
import { compileGlob, globMatch, type Glob } from './glob.js';

export const IGNORE_FILE = '.scamscanignore';

interface Rule {
  glob: Glob;
  negate: boolean;
  dirOnly: boolean;
}

/** The rules of one ignore file; paths tested against them are relative to `base`. */
export interface IgnoreRules {
  base: string;
  rules: Rule[];
}

/** Drops trailing white space unless escaped, as .gitignore does (one pass: a regular expression would backtrack on long runs). */
function trimTrailing(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1]!)) end--;
  if (end < line.length && end > 0 && line[end - 1] === '\\') end++; // `\ ` keeps its space
  return line.slice(0, end);
}

/** Parses .gitignore-style text: `#` comments, `!` negation, trailing `/` for folders, `\` escapes. */
export function parseIgnore(text: string, base: string): IgnoreRules {
  const rules: Rule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = trimTrailing(line);
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\#') || line.startsWith('\\!')) {
      line = line.slice(1);
    }
    if (line === '' || line === '/') continue;
    const { dirOnly, ...glob } = compileGlob(line);
    rules.push({ glob, negate, dirOnly });
  }
  return { base, rules };
}

/** The ignore rules of a folder, or null when it has no (readable) ignore file. */
export function readIgnore(dir: string): IgnoreRules | null {
  let text: string;
  try {
    text = readFileSync(fsJoin(dir, IGNORE_FILE), 'utf8');
  } catch {
    return null;
  }
  const rules = parseIgnore(text, dir);
  return rules.rules.length ? rules : null;
}

/**
 * Whether a path is ignored by the stack of ignore files above it (outermost first). The last rule
 * that matches wins, and deeper files come later, so they override their parents. `rel(base)` gives
 * the path relative to a rules' folder, with `/` separators.
 */
export function isIgnored(stack: readonly IgnoreRules[], rel: (base: string) => string, isDir: boolean): boolean {
  let ignored = false;
  for (const set of stack) {
    const path = rel(set.base);
    for (const r of set.rules) {
      if (r.dirOnly && !isDir) continue;
      if (globMatch(r.glob, path)) ignored = !r.negate;
    }
  }
  return ignored;
}
