/**
 * The layers of src/ (see README, Layout), checked from the import lines of every module: no new
 * dependency, no build. An import may only point to its own layer or one listed before it; no
 * module may take part in an import circle; the pure core holds no module-level mutable state but
 * the caches of the modules named in MEMO_MODULES; every folder says what it owns.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The layers, lowest first: a module may import from its own layer and the ones before it. */
export const LAYERS: ReadonlyArray<readonly string[]> = [
  ['types.ts', 'errors.ts'],
  ['core/text'],
  ['core/transcript'],
  ['core/lexicon'],
  ['core/match'],
  ['core/score'],
  ['core/call'],
  ['node'],
  ['eval'],
  ['report'],
  ['batch'],
  ['live'],
  ['index.ts'],
  ['cli'],
];

/**
 * The modules of the core allowed module-level mutable state, each name with why: caches that are
 * pure memoization (what they hold is recomputed identically when missing), bounded or keyed weakly
 * by the lexicons, or scratch space of a function that is never re-entered.
 */
export const MEMO_MODULES: Record<string, Record<string, string>> = {
  'core/text/tokenize.ts': {
    classes: 'the word class of each UTF-16 unit, looked up on first use (255: not yet)',
    slots: 'open-addressing table of the word forms met, fixed size (TABLE_SIZE): a full table reads words without it',
    raws: 'the words of the table slots (same bound)',
    cachedForms: 'the forms of the table slots (same bound)',
    hashes: 'the hashes of the table slots (same bound)',
  },
  'core/text/normalize.ts': { speakerCache: 'canonical speaker names, bounded by remember() (core/text/memo.ts)' },
  'core/text/stem.ts': { stemmers: 'one stemmer per language, made on first use' },
  'core/text/numbers.ts': { WORDS: 'the table of number words, filled once while the module loads, read-only after' },
  'core/text/fuzzy.ts': { indexes: 'the index of a brand list, weakly keyed by the list (dies with its lexicons)' },
  'core/transcript/plain.ts': { plausibleNames: 'whether a speaker label is a plausible name, bounded by remember()' },
  'core/transcript/json.ts': { last: 'the last JSON text parsed: format detection and then the reader parse the same text' },
  'core/lexicon/serialize.ts': {
    makers: 'what makes each lazy property of deserialized lexicons, weakly keyed by the object',
    getters: 'one getter per property name, shared by every object (keeps V8 objects fast)',
  },
  'core/lexicon/zod.ts': { loaded: 'zod, loaded on first use' },
  'core/lexicon/schema.ts': { built: 'the lexicon schemas, built on first use' },
  'core/match/context.ts': {
    negationWords: 'the negators of language rules, weakly keyed by the rules',
    negatingPatterns: 'whether a compiled pattern holds a negator, weakly keyed by the pattern',
  },
  'core/match/match.ts': { after: 'scratch space of findHits, which runs to completion and is never re-entered' },
  'core/call/session.ts': {
    factsIndex: 'word facts per lexicons, weakly keyed by the lexicons',
    acrossIndex: 'the frames over several sentences of a compiled matcher, weakly keyed by the matcher',
  },
};

const posixPath = (p: string) => p.split(sep).join('/');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && statSync(join(dir, f)).isFile())
    .map(posixPath)
    .sort();
}

/** The relative modules a source imports or re-exports, statically or dynamically, types included. */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gm, // import … from, export … from (multi-line)
    /^\s*import\s*['"]([^'"]+)['"]/gm, // import 'x' (side effects)
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('x')
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) if (m[1]!.startsWith('.')) specs.add(m[1]!);
  return [...specs];
}

/** The source file (relative to src/, `/`-separated) an import from `from` names. */
function resolveImport(from: string, spec: string): string {
  const target = posix.normalize(posix.join(posix.dirname(from), spec));
  return target.replace(/\.js$/, '.ts');
}

/** The layer of a source file, by LAYERS; -1 when it has none. */
export function layerOf(file: string): number {
  return LAYERS.findIndex((names) => names.some((n) => file === n || file.startsWith(`${n}/`)));
}

type Graph = Map<string, string[]>;

function graphOf(files: string[], read: (f: string) => string): Graph {
  return new Map(files.map((f) => [f, importsOf(read(f)).map((s) => resolveImport(f, s))]));
}

/** Imports that point to a later layer (or leave the layers): `from -> to`. */
export function wrongWay(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const a = layerOf(from);
      const b = layerOf(to);
      if (a < 0 || b < 0 || b > a) out.push(`${from} -> ${to}`);
    }
  }
  return out;
}

/** The import circles (strongly connected components of more than one module, or a module importing itself). */
export function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const MUTATORS = 'set|add|delete|clear|push|pop|shift|unshift|splice|fill|sort|reverse|copyWithin';

/**
 * Module-level mutable state of a source: every top-level `let` or `var`, and every top-level
 * `const` holding a Map, Set, WeakMap, WeakSet, array or typed array that the module mutates.
 */
export function mutableState(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/gm)) out.add(m[1]!);
  const collections = /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:new\s+(?:Map|Set|WeakMap|WeakSet|Array|\w+Array)\b|\[)/gm;
  for (const m of text.matchAll(collections)) {
    const name = m[1]!;
    const mutated = new RegExp(
      `\\b${name}\\s*\\.\\s*(?:${MUTATORS})\\s*\\(|\\b${name}\\s*\\[[^\\]]*\\]\\s*(?:[-+*/|&]?=(?!=)|\\+\\+|--)|\\b${name}\\.length\\s*=(?!=)|\\bremember\\(\\s*${name}\\b`,
    );
    if (mutated.test(text)) out.add(name);
  }
  return [...out];
}

const files = sourceFiles();
const read = (f: string) => readFileSync(join(SRC, f), 'utf8');
const graph = graphOf(files, read);

describe('architecture: the layers of src/', () => {
  it('reads the imports of every module (a check of the checker)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(
      importsOf("import {\n  a,\n  b,\n} from './x.js';\nexport type { C } from '../y.js';\nconst m = await import('./z.js');\nimport 'node:fs';"),
    ).toEqual(['./x.js', '../y.js', './z.js']);
    for (const [from, targets] of graph) for (const to of targets) expect(existsSync(join(SRC, to)), `${from} imports ${to}`).toBe(true);
  });

  it('places every module in a layer', () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('has no import pointing to a later layer', () => {
    expect(wrongWay(graph)).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('would see a wrong-way import and a circle', () => {
    const bad: Graph = new Map([
      ['core/text/memo.ts', ['report/json.ts']],
      ['report/json.ts', ['types.ts', 'core/text/memo.ts']],
      ['types.ts', []],
    ]);
    expect(wrongWay(bad)).toEqual(['core/text/memo.ts -> report/json.ts']);
    expect(circles(bad)).toEqual([['core/text/memo.ts', 'report/json.ts']]);
  });

  it('keeps the core pure: no file system, process, console, threads or timers', () => {
    // node:module only for createRequire (loading CommonJS dependencies), node:buffer for isUtf8.
    const ALLOWED = new Set(['node:module', 'node:buffer']);
    const found: string[] = [];
    for (const f of files.filter((f) => f.startsWith('core/'))) {
      const text = read(f);
      for (const m of text.matchAll(/\bfrom\s*['"](node:[^'"]+|fs|path|os|worker_threads|child_process)['"]/g))
        if (!ALLOWED.has(m[1]!)) found.push(`${f}: ${m[1]}`);
      for (const m of text.matchAll(/\b(process|console)\.\w+|\b(setTimeout|setInterval|setImmediate)\s*\(/g)) found.push(`${f}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps report/ to strings: it writes no file (the report file is cli/reportFile.ts)', () => {
    expect(files.filter((f) => f.startsWith('report/') && /\bfrom\s*['"](node:)?fs['"]/.test(read(f)))).toEqual([]);
  });

  it('keeps module-level mutable state in the core to the named memo modules', () => {
    const found: string[] = [];
    for (const f of files.filter((f) => f.startsWith('core/'))) {
      for (const name of mutableState(read(f))) if (!MEMO_MODULES[f]?.[name]) found.push(`${f}: ${name}`);
    }
    expect(found).toEqual([]);
    expect(mutableState('let cache;\nconst seen = new Set<string>();\nexport function f(x: string) { seen.add(x); }\nconst FIXED = new Set([1]);')).toEqual([
      'cache',
      'seen',
    ]);
  });

  it('gives every folder a statement of what it owns (its README.md)', () => {
    const folders = ['', ...readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((d) => statSync(join(SRC, d)).isDirectory())];
    const missing = folders.filter((d) => !existsSync(join(SRC, d, 'README.md')) || !readFileSync(join(SRC, d, 'README.md'), 'utf8').trim());
    expect(missing.map((d) => posixPath(d) || '.')).toEqual([]);
  });
});
