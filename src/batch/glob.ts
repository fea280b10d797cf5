/**
 * Glob patterns as used by --include, --exclude and .scamscanignore: `*` (any characters but `/`),
 * `**` (any number of folders), `?` (one character but `/`), `{a,b}` (alternatives, may nest) and
 * `\` to escape. Everything else is literal, so a pattern can never inject regular-expression syntax.
 *
 * A pattern without a `/` (other than a trailing one) matches a name at any depth, as in .gitignore;
 * a pattern with one is anchored to the folder it is relative to. A leading `/` only anchors.
 */
export interface Glob {
  source: string;
  regexp: RegExp;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** Indexes of the `{` and `}` that pair up (escapes skipped); an unpaired brace is literal. */
function pairedBraces(glob: string): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') open.push(i);
    else if (glob[i] === '}' && open.length) paired.add(open.pop()!).add(i);
  }
  return paired;
}

/** The regular-expression body of a glob (no anchors). */
function body(glob: string): string {
  const paired = pairedBraces(glob);
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      out += glob[++i]!.replace(SPECIAL, '\\$&');
    } else if (ch === '*') {
      let stars = 1;
      while (glob[i + 1] === '*') (stars++, i++);
      const segmentStart = i - stars < 0 || glob[i - stars] === '/';
      if (stars >= 2 && segmentStart && glob[i + 1] === '/') {
        out += '(?:[^/]*/)*'; // `**/`: zero or more whole folders
        i++;
      } else if (stars >= 2 && segmentStart && i + 1 === glob.length) {
        out += '.*'; // trailing `**`: everything below
      } else {
        out += '[^/]*'; // `*`, or `**` inside a name, which acts as `*`
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '{' && paired.has(i)) {
      depth++;
      out += '(?:';
    } else if (ch === '}' && paired.has(i)) {
      depth--;
      out += ')';
    } else if (ch === ',' && depth > 0) {
      out += '|';
    } else {
      out += ch.replace(SPECIAL, '\\$&');
    }
  }
  return out;
}

/** Compiles a glob; `dirOnly` globs (trailing `/`) are reported so callers can apply them to folders only. */
export function compileGlob(pattern: string): Glob & { dirOnly: boolean } {
  let p = pattern;
  const dirOnly = p.length > 1 && p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const prefix = anchored ? '' : '(?:[^/]*/)*';
  return { source: pattern, regexp: new RegExp(`^${prefix}${body(p)}$`, 'u'), dirOnly };
}

/** Whether a `/`-separated relative path matches the glob. */
export function globMatch(glob: Glob, path: string): boolean {
  return glob.regexp.test(path);
}
