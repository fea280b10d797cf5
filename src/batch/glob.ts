/**
 * Glob patterns as used by --include, --exclude and .scamscanignore: `*` (any characters but `/`),
 * `**` (any number of folders), `?` (one character but `/`), `[a-z0-9]` and `[!a]` (`[^a]`) classes
 * as in .gitignore (never matching `/`), `{a,b}` (alternatives, may nest) and `\` to escape.
 * Everything else is literal.
 *
 * A pattern without a `/` (other than a trailing one) matches a name at any depth, as in .gitignore;
 * a pattern with one is anchored to the folder it is relative to. A leading `/` only anchors.
 *
 * A glob is compiled to a small automaton (one state per pattern character or so) that is run over
 * the path with every live state at once: matching costs at most (path length × pattern length),
 * whatever the pattern, so no pattern in an ignore file can make the walk backtrack for ever.
 */
export interface Glob {
  source: string;
  /** The automaton; run it with globMatch. */
  nfa: Nfa;
}

/** A test on one code point. */
type Test = (cp: number) => boolean;

const SLASH = 0x2f;
const notSlash: Test = (c) => c !== SLASH;
const isSlash: Test = (c) => c === SLASH;
const anyChar: Test = () => true;

/** A non-deterministic automaton: per state, its character edges and its empty moves. */
export interface Nfa {
  edges: Array<Array<[Test, number]>>;
  empty: number[][];
  start: number;
  accept: number;
}

class Builder {
  readonly edges: Array<Array<[Test, number]>> = [];
  readonly empty: number[][] = [];
  state(): number {
    this.edges.push([]);
    this.empty.push([]);
    return this.edges.length - 1;
  }
  edge(from: number, test: Test, to: number): void {
    this.edges[from]!.push([test, to]);
  }
  eps(from: number, to: number): void {
    this.empty[from]!.push(to);
  }
  /** `(?:[^/]*\/)*`: zero or more whole folders; returns the state after them. */
  folders(from: number): number {
    const a = this.state();
    const b = this.state();
    this.eps(from, a);
    this.edge(a, isSlash, a);
    this.edge(a, notSlash, b);
    this.edge(b, notSlash, b);
    this.edge(b, isSlash, a);
    return a;
  }
  /** A loop of `test` (`*`, a trailing `**`); returns the state after it. */
  loop(from: number, test: Test): number {
    const s = this.state();
    this.eps(from, s);
    this.edge(s, test, s);
    return s;
  }
  /** One character passing `test`. */
  step(from: number, test: Test): number {
    const s = this.state();
    this.edge(from, test, s);
    return s;
  }
}

/** Indexes of the `{` and `}` that pair up (escapes skipped); an unpaired brace is literal. */
function pairedBraces(chars: readonly string[]): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\') i++;
    else if (chars[i] === '{') open.push(i);
    else if (chars[i] === '}' && open.length) paired.add(open.pop()!).add(i);
  }
  return paired;
}

/**
 * The class starting at `chars[i] === '['`: its test and the index of its `]`, or null when it is not
 * closed (then `[` is literal). `[!…]` and `[^…]` negate, `a-z` is a range, a `]` first is a member,
 * `\` escapes. A class never matches `/`, as in .gitignore.
 */
function parseClass(chars: readonly string[], i: number): { test: Test; end: number } | null {
  let j = i + 1;
  let negate = false;
  if (chars[j] === '!' || chars[j] === '^') {
    negate = true;
    j++;
  }
  const ranges: Array<[number, number]> = [];
  let first = true;
  for (; j < chars.length; j++) {
    let ch = chars[j]!;
    if (ch === ']' && !first) {
      const set = ranges;
      return { test: (c) => c !== SLASH && set.some(([lo, hi]) => c >= lo && c <= hi) !== negate, end: j };
    }
    first = false;
    if (ch === '\\' && j + 1 < chars.length) ch = chars[++j]!;
    const lo = ch.codePointAt(0)!;
    if (chars[j + 1] === '-' && j + 2 < chars.length && chars[j + 2] !== ']') {
      j += 2;
      let hiCh = chars[j]!;
      if (hiCh === '\\' && j + 1 < chars.length) hiCh = chars[++j]!;
      const hi = hiCh.codePointAt(0)!;
      if (lo <= hi) ranges.push([lo, hi]);
    } else ranges.push([lo, lo]);
  }
  return null;
}

/** Builds the automaton of a glob body from `from`; returns its final state. */
function build(b: Builder, chars: readonly string[], from: number): number {
  const paired = pairedBraces(chars);
  // Each open brace: the state its alternatives start from and the state they all end in.
  const open: Array<{ start: number; end: number }> = [];
  // Once a `[` is found unclosed, every later one is too (the rest of the pattern has no `]`).
  let unclosedFrom = Infinity;
  let at = from;
  let cls: ReturnType<typeof parseClass> = null;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) {
      const cp = chars[++i]!.codePointAt(0)!;
      at = b.step(at, (c) => c === cp);
    } else if (ch === '*') {
      let stars = 1;
      while (chars[i + 1] === '*') (stars++, i++);
      const segmentStart = i - stars < 0 || chars[i - stars] === '/';
      if (stars >= 2 && segmentStart && chars[i + 1] === '/') {
        at = b.folders(at); // `**/`: zero or more whole folders
        i++;
      } else if (stars >= 2 && segmentStart && i + 1 === chars.length) {
        at = b.loop(at, anyChar); // trailing `**`: everything below
      } else {
        at = b.loop(at, notSlash); // `*`, or `**` inside a name, which acts as `*`
      }
    } else if (ch === '?') {
      at = b.step(at, notSlash);
    } else if (ch === '[' && (cls = i < unclosedFrom ? parseClass(chars, i) : null)) {
      at = b.step(at, cls.test);
      i = cls.end;
    } else if (ch === '{' && paired.has(i)) {
      const alt = { start: at, end: b.state() };
      open.push(alt);
      at = b.state();
      b.eps(alt.start, at);
    } else if (ch === '}' && paired.has(i)) {
      const alt = open.pop()!;
      b.eps(at, alt.end);
      at = alt.end;
    } else if (ch === ',' && open.length > 0) {
      const alt = open.at(-1)!;
      b.eps(at, alt.end);
      at = b.state();
      b.eps(alt.start, at);
    } else {
      if (ch === '[') unclosedFrom = i;
      const cp = ch.codePointAt(0)!;
      at = b.step(at, (c) => c === cp);
    }
  }
  return at;
}

/** Compiles a glob; `dirOnly` globs (trailing `/`) are reported so callers can apply them to folders only. */
export function compileGlob(pattern: string): Glob & { dirOnly: boolean } {
  let p = pattern;
  const dirOnly = p.length > 1 && p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const b = new Builder();
  const start = b.state();
  const accept = build(b, Array.from(p), anchored ? start : b.folders(start));
  return { source: pattern, nfa: { edges: b.edges, empty: b.empty, start, accept }, dirOnly };
}

/** Adds `s` and every state its empty moves reach to `into` (marking them with `gen`). */
function close(nfa: Nfa, s: number, into: number[], seen: Int32Array, gen: number): void {
  const stack = [s];
  while (stack.length) {
    const t = stack.pop()!;
    if (seen[t] === gen) continue;
    seen[t] = gen;
    into.push(t);
    for (const u of nfa.empty[t]!) if (seen[u] !== gen) stack.push(u);
  }
}

/** Whether a `/`-separated relative path matches the glob: every live state advanced at once, one code point at a time. */
export function globMatch(glob: Glob, path: string): boolean {
  const { nfa } = glob;
  const seen = new Int32Array(nfa.edges.length).fill(-1);
  let gen = 0;
  let current: number[] = [];
  close(nfa, nfa.start, current, seen, gen);
  for (const ch of path) {
    const cp = ch.codePointAt(0)!;
    const next: number[] = [];
    gen++;
    for (const s of current) for (const [test, to] of nfa.edges[s]!) if (seen[to] !== gen && test(cp)) close(nfa, to, next, seen, gen);
    if (next.length === 0) return false;
    current = next;
  }
  return seen[nfa.accept] === gen;
}
