import type { Language } from '../types.js';
import { LANGUAGES } from '../types.js';
import type { Model } from './schema.js';
import { step, type Atom } from './pattern.js';
import { buildMatcher, compilePattern, type CompiledEntry, type CompiledLexicons, type CompiledPattern, type Matcher } from './compile.js';

/**
 * Compiled lexicons as plain JSON, so the built-in ones are validated and compiled once, at build
 * time, and loaded at start-up without re-parsing and re-stemming every phrase. Patterns keep their
 * order, so matching (and the order of hits) is exactly that of a fresh compile.
 */
export interface SerializedLexicons {
  version: 1;
  entries: CompiledEntry[];
  patterns: Array<{ e: number; s: Array<{ g: number; a: Array<[Atom['kind'], string]> }> }>;
  matchers: Record<Language, number[]>;
  rules: Record<Language, { stopwords: string[]; fillers: string[]; listWords: string[]; negators: number[]; reported: number[]; clauseBreaks: number[] }>;
  examples: Array<[string, string[], string[]]>;
  brands: string[];
  model: Model;
}

export function serializeLexicons(lex: CompiledLexicons): SerializedLexicons {
  const entries: CompiledEntry[] = [];
  const entryIndex = new Map<CompiledEntry, number>();
  const patterns: SerializedLexicons['patterns'] = [];
  const patternIndex = new Map<CompiledPattern, number>();
  const indexOf = (p: CompiledPattern): number => {
    let i = patternIndex.get(p);
    if (i !== undefined) return i;
    let e = entryIndex.get(p.entry);
    if (e === undefined) {
      e = entries.push(p.entry) - 1;
      entryIndex.set(p.entry, e);
    }
    i = patterns.push({ e, s: p.steps.map((st) => ({ g: st.gap, a: st.atoms.map((a) => [a.kind, a.value] as [Atom['kind'], string]) })) }) - 1;
    patternIndex.set(p, i);
    return i;
  };
  const list = (m: Matcher) => m.all.map(indexOf);
  const matchers = Object.fromEntries(LANGUAGES.map((l) => [l, list(lex.matchers[l])])) as SerializedLexicons['matchers'];
  const rules = Object.fromEntries(
    LANGUAGES.map((l) => {
      const r = lex.rules[l];
      return [l, { stopwords: [...r.stopwords], fillers: [...r.fillers], listWords: [...r.listWords], negators: list(r.negators), reported: list(r.reported), clauseBreaks: list(r.clauseBreaks) }];
    }),
  ) as SerializedLexicons['rules'];
  const examples = [...lex.entries.values()].map((e) => [e.id, e.examples, e.counterExamples] as [string, string[], string[]]);
  return { version: 1, entries, patterns, matchers, rules, examples, brands: lex.brands, model: lex.model };
}

export function deserializeLexicons(data: SerializedLexicons): CompiledLexicons {
  const patterns = data.patterns.map((p) => compilePattern(data.entries[p.e]!, p.s.map((st) => step(st.a.map(([kind, value]) => ({ kind, value }) as Atom), st.g))));
  const matcher = (indices: number[]) => buildMatcher(indices.map((i) => patterns[i]!));
  const byId = new Map(data.entries.map((e) => [e.id, e]));
  return {
    matchers: Object.fromEntries(LANGUAGES.map((l) => [l, matcher(data.matchers[l])])) as Record<Language, Matcher>,
    brands: data.brands,
    rules: Object.fromEntries(
      LANGUAGES.map((l) => {
        const r = data.rules[l];
        return [l, { stopwords: new Set(r.stopwords), fillers: new Set(r.fillers), listWords: new Set(r.listWords), negators: matcher(r.negators), reported: matcher(r.reported), clauseBreaks: matcher(r.clauseBreaks) }];
      }),
    ) as CompiledLexicons['rules'],
    entries: new Map(data.examples.map(([id, examples, counterExamples]) => [id, { ...byId.get(id)!, examples, counterExamples }])),
    model: data.model,
  };
}
