import type { Language } from '../../types.js';
import { LANGUAGES } from '../../types.js';
import type { Model } from './schema.js';
import { step, type Atom, type Step } from './pattern.js';
import {
  buildMatcher,
  compilePattern,
  type CompiledEntry,
  type CompiledFrame,
  type CompiledLexicons,
  type CompiledPattern,
  type LanguageRules,
  type Matcher,
} from './compile.js';

/**
 * Compiled lexicons as plain JSON, so the built-in ones are validated and compiled once, at build
 * time, and loaded at start-up without re-parsing and re-stemming every phrase. Patterns keep their
 * order, so matching (and the order of hits) is exactly that of a fresh compile.
 *
 * Start-up reads only what the call needs: each pattern is one short string (see patternText),
 * turned into steps the first time a matcher that holds it is used; a language's matchers (its
 * lexicon's, negators, reported speech, clause breaks) are built when that language is first matched,
 * and the entries with their examples when `entries` is first read.
 */
/** The format's version: 3 added frames (and frame parts in pattern texts). */
export const SERIALIZED_VERSION = 3;

export interface SerializedLexicons {
  version: typeof SERIALIZED_VERSION;
  entries: CompiledEntry[];
  patterns: string[];
  matchers: Record<Language, number[]>;
  /** Each language's frames: the index of the frame's own pattern (its entry and steps), its words, its parts, its sentences. */
  frames: Record<Language, Array<[number, number, number[], number]>>;
  rules: Record<
    Language,
    {
      stopwords: string[];
      fillers: string[];
      listWords: string[];
      negators: number[];
      notNegators: number[];
      gapNegators: number[];
      reported: number[];
      clauseBreaks: number[];
      readouts: number[];
      drives: number[];
      follows: number[];
      narration: number[];
    }
  >;
  examples: Array<[string, string[], string[]]>;
  brands: string[];
  model: Model;
}

const KIND_CODE: Record<Atom['kind'], string> = { stem: 's', form: 'f', prefix: 'p', shape: 'h' };
const CODE_KIND: Record<string, Atom['kind']> = { s: 'stem', f: 'form', p: 'prefix', h: 'shape' };

/**
 * A pattern as text: its entry's index (and `/` and its frame part, for a part's pattern), then one
 * word per step, separated by spaces; a step is its gap (digits, left out when 0) and its atoms
 * separated by `|`, each a kind letter and its value.
 */
function patternText(entry: number, steps: Step[], part: number): string {
  const atom = (a: Atom) => {
    if (/[\s|]/.test(a.value) || a.value === '') throw new Error(`cannot serialize the ${a.kind} "${a.value}"`);
    return KIND_CODE[a.kind] + a.value;
  };
  return [part < 0 ? String(entry) : `${entry}/${part}`, ...steps.map((st) => (st.gap ? String(st.gap) : '') + st.atoms.map(atom).join('|'))].join(' ');
}

function patternSteps(text: string): { entry: number; part: number; steps: Step[] } {
  // Plain loops: this runs for every pattern of the call's language at start-up.
  const words = text.split(' ');
  const steps: Step[] = [];
  for (let w = 1; w < words.length; w++) {
    const word = words[w]!;
    let i = 0;
    while (word.charCodeAt(i) >= 48 && word.charCodeAt(i) <= 57) i++; // the gap's digits, 0-9
    const atoms: Atom[] = [];
    for (const a of word.slice(i).split('|')) atoms.push({ kind: CODE_KIND[a[0]!]!, value: a.slice(1) } as Atom);
    steps.push(step(atoms, i ? Number(word.slice(0, i)) : 0));
  }
  const [entry, part] = words[0]!.split('/');
  return { entry: Number(entry), part: part === undefined ? -1 : Number(part), steps };
}

export function serializeLexicons(lex: CompiledLexicons): SerializedLexicons {
  const entries: CompiledEntry[] = [];
  const entryIndex = new Map<CompiledEntry, number>();
  const patterns: string[] = [];
  const patternIndex = new Map<CompiledPattern, number>();
  const indexOf = (p: CompiledPattern): number => {
    let i = patternIndex.get(p);
    if (i !== undefined) return i;
    let e = entryIndex.get(p.entry);
    if (e === undefined) {
      e = entries.push(p.entry) - 1;
      entryIndex.set(p.entry, e);
    }
    i = patterns.push(patternText(e, p.steps, p.part)) - 1;
    patternIndex.set(p, i);
    return i;
  };
  const list = (m: Matcher) => m.all.map(indexOf);
  const matchers = Object.fromEntries(LANGUAGES.map((l) => [l, list(lex.matchers[l])])) as SerializedLexicons['matchers'];
  const rules = Object.fromEntries(
    LANGUAGES.map((l) => {
      const r = lex.rules[l];
      return [
        l,
        {
          stopwords: [...r.stopwords],
          fillers: [...r.fillers],
          listWords: [...r.listWords],
          negators: list(r.negators),
          notNegators: list(r.notNegators),
          gapNegators: list(r.gapNegators),
          reported: list(r.reported),
          clauseBreaks: list(r.clauseBreaks),
          readouts: list(r.readouts),
          drives: list(r.drives),
          follows: list(r.follows),
          narration: list(r.narration),
        },
      ];
    }),
  ) as SerializedLexicons['rules'];
  const frames = Object.fromEntries(
    LANGUAGES.map((l) => [l, lex.matchers[l].frames.map((f) => [indexOf(f.pattern), f.within, f.parts, f.sentences] as [number, number, number[], number])]),
  ) as SerializedLexicons['frames'];
  const examples = [...lex.entries.values()].map((e) => [e.id, e.examples, e.counterExamples] as [string, string[], string[]]);
  return { version: SERIALIZED_VERSION, entries, patterns, matchers, frames, rules, examples, brands: lex.brands, model: lex.model };
}

/** What each lazy property of an object is made by, until it is first read. */
const makers = new WeakMap<object, Map<PropertyKey, () => unknown>>();
/**
 * One getter per key, shared by every object: V8 turns alike objects whose getters differ into slow
 * dictionaries, and the language rules are read for every word matched.
 */
const getters = new Map<PropertyKey, (this: object) => unknown>();

/** Adds obj[key] (a key the object does not have yet), made by `make` on first read and a plain property from then on. */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  let own = makers.get(obj);
  if (!own) makers.set(obj, (own = new Map()));
  own.set(key, make);
  let get = getters.get(key);
  if (!get) {
    get = function (this: object) {
      const value = makers.get(this)!.get(key)!();
      Object.defineProperty(this, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    };
    getters.set(key, get);
  }
  Object.defineProperty(obj, key, { configurable: true, enumerable: true, get });
}

export function deserializeLexicons(data: SerializedLexicons): CompiledLexicons {
  const patterns: CompiledPattern[] = [];
  const pattern = (i: number): CompiledPattern => {
    let p = patterns[i];
    if (!p) {
      const { entry, part, steps } = patternSteps(data.patterns[i]!);
      p = patterns[i] = compilePattern(data.entries[entry]!, steps, part);
    }
    return p;
  };
  const matcher = (indices: number[], frames: SerializedLexicons['frames'][Language] = []) =>
    buildMatcher(
      indices.map(pattern),
      frames.map(([p, within, parts, sentences]): CompiledFrame => ({ pattern: pattern(p), within, parts, sentences })),
    );
  const matchers = {} as Record<Language, Matcher>;
  for (const l of LANGUAGES) lazy(matchers, l, () => matcher(data.matchers[l], data.frames[l]));
  const lex = {
    matchers,
    brands: data.brands,
    rules: Object.fromEntries(
      LANGUAGES.map((l) => {
        const r = data.rules[l];
        // Stopwords of every language count for detecting the language; the word matchers serve only the call's.
        const rules = { stopwords: new Set(r.stopwords), fillers: new Set(r.fillers), listWords: new Set(r.listWords) } as LanguageRules;
        for (const key of ['negators', 'notNegators', 'gapNegators', 'reported', 'clauseBreaks', 'readouts', 'drives', 'follows', 'narration'] as const)
          lazy(rules, key, () => matcher(r[key]));
        return [l, rules];
      }),
    ) as CompiledLexicons['rules'],
    model: data.model,
  } as CompiledLexicons;
  lazy(lex, 'entries', () => {
    const byId = new Map(data.entries.map((e) => [e.id, e]));
    return new Map(data.examples.map(([id, examples, counterExamples]) => [id, { ...byId.get(id)!, examples, counterExamples }]));
  });
  return lex;
}
