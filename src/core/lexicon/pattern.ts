import type { Language } from '../../types.js';
import { stemmerFor } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';

/** Named token shapes a phrase can use with `#name`: fixed, safe checks instead of user regexes. */
export const SHAPES: Record<string, (form: string) => boolean> = {
  hexcode: (f) => /^0x[0-9a-f]{4,}$/.test(f) || (f.length >= 5 && f.length <= 12 && /\d/.test(f) && /[a-z]/.test(f) && /^[0-9a-z]+$/.test(f)),
  number: (f) => /^\d+$/.test(f),
};

export type Atom = { kind: 'stem'; value: string } | { kind: 'form'; value: string } | { kind: 'prefix'; value: string } | { kind: 'shape'; value: string };

export interface Step {
  atoms: Atom[];
  /** How many other words may stand before this step (0 for the first). */
  gap: number;
  /** The atoms compiled for matching: set lookups for stems and forms, then prefixes and shapes. */
  stems: Set<string>;
  forms: Set<string>;
  prefixes: string[];
  shapes: Array<(form: string) => boolean>;
}

/** What a step without atoms of a kind holds for it: shared, never added to (start-up builds thousands of steps). */
const NO_WORDS: Set<string> = new Set();
const NO_LIST: never[] = [];

/** A step from its atoms: the sets and lists that matching reads (one plain loop: start-up builds thousands). */
export function step(atoms: Atom[], gap: number): Step {
  const s: Step = { atoms, gap, stems: NO_WORDS, forms: NO_WORDS, prefixes: NO_LIST, shapes: NO_LIST };
  for (const a of atoms) {
    if (a.kind === 'stem') (s.stems === NO_WORDS ? (s.stems = new Set()) : s.stems).add(a.value);
    else if (a.kind === 'form') (s.forms === NO_WORDS ? (s.forms = new Set()) : s.forms).add(a.value);
    else if (a.kind === 'prefix') (s.prefixes === NO_LIST ? (s.prefixes = []) : s.prefixes).push(a.value);
    else (s.shapes === NO_LIST ? (s.shapes = []) : s.shapes).push(SHAPES[a.value]!);
  }
  return s;
}

export class PatternError extends Error {}

const MAX_GAP = 8;
const MAX_STEPS = 12;

function atomFor(alt: string, language: Language | 'any'): Atom[] {
  if (alt.startsWith('#')) {
    const name = alt.slice(1);
    if (!SHAPES[name])
      throw new PatternError(
        `unknown shape "${alt}" (known: ${Object.keys(SHAPES)
          .map((s) => '#' + s)
          .join(', ')})`,
      );
    return [{ kind: 'shape', value: name }];
  }
  const exact = alt.startsWith('=');
  const prefix = alt.endsWith('*');
  const body = alt.slice(exact ? 1 : 0, prefix ? -1 : undefined);
  // Pattern words go through the same tokenizer as transcripts, so both normalize alike.
  const words = language === 'any' ? tokenize(body) : tokenize(body, stemmerFor(language));
  if (words.length === 0) throw new PatternError(`"${alt}" has no letters or digits`);
  if (prefix) {
    const value = words[0]!.form;
    if (words.length > 1 || value.length < 3) throw new PatternError(`prefix "${alt}" needs one word of at least 3 letters before *`);
    return [{ kind: 'prefix', value }];
  }
  return words.map((w) => (exact || language === 'any' ? { kind: 'form', value: w.form } : { kind: 'stem', value: w.stem }));
}

/** Parses the phrase syntax described in lexicons/README.md into steps. */
export function parsePhrase(phrase: string, language: Language | 'any'): Step[] {
  const steps: Step[] = [];
  let gap = 0;
  for (const part of phrase.trim().split(/\s+/)) {
    const gapMatch = /^~(\d+)$/.exec(part);
    if (gapMatch) {
      const n = Number(gapMatch[1]);
      if (steps.length === 0) throw new PatternError('a phrase cannot start with a gap');
      if (n < 1 || n > MAX_GAP) throw new PatternError(`gap ${part} must be ~1 to ~${MAX_GAP}`);
      gap = n;
      continue;
    }
    const alts = part.split('|');
    if (alts.some((a) => a === '')) throw new PatternError(`"${part}" has an empty alternative`);
    const expanded = alts.map((a) => atomFor(a, language));
    if (alts.length > 1 && expanded.some((atoms) => atoms.length !== 1)) {
      throw new PatternError(`alternatives in "${part}" must each be one word (split phrases instead)`);
    }
    if (alts.length > 1) {
      steps.push(
        step(
          expanded.map((atoms) => atoms[0]!),
          gap,
        ),
      );
    } else {
      expanded[0]!.forEach((atom, i) => steps.push(step([atom], i === 0 ? gap : 0)));
    }
    gap = 0;
  }
  if (gap !== 0) throw new PatternError('a phrase cannot end with a gap');
  if (steps.length === 0) throw new PatternError('empty phrase');
  if (steps.length > MAX_STEPS) throw new PatternError(`a phrase has at most ${MAX_STEPS} words`);
  steps[0]!.gap = 0;
  return steps;
}

/**
 * A named word class (`@tool`) of one language, compiled: the members that are one word (merged
 * into one step, like `a|b|c`) and the members of several words, each a sequence of steps.
 */
export interface WordClass {
  single: Atom[];
  multi: Step[][];
}

/** Word classes of one language by name (without the `@`). */
export type WordClasses = ReadonlyMap<string, WordClass>;

/** A class name: lower-case letters, digits and underscores. */
export const CLASS_NAME = /^[a-z][a-z0-9_]*$/;

/** A phrase using classes expands to at most this many plain patterns (one per multi-word member used). */
export const MAX_VARIANTS = 64;

/** Compiles a class's members (phrases without classes) into a WordClass. */
export function compileClass(members: string[], language: Language): WordClass {
  const cls: WordClass = { single: [], multi: [] };
  const seen = new Set<string>();
  for (const m of members) {
    if (m.includes('@')) throw new PatternError(`member "${m}": a class member cannot name a class`);
    const steps = parsePhrase(m, language);
    const key = phraseKey(steps);
    if (seen.has(key)) throw new PatternError(`member "${m}" is listed twice`);
    seen.add(key);
    if (steps.length === 1) cls.single.push(...steps[0]!.atoms);
    else cls.multi.push(steps);
  }
  return cls;
}

/**
 * Parses a phrase that may name word classes (`install ~3 @tool`) into the plain patterns it stands
 * for: one where every class is one step of its one-word members, and one per multi-word member
 * (at most MAX_VARIANTS in all). Without classes, the one pattern of parsePhrase.
 */
export function expandPhrase(phrase: string, language: Language | 'any', classes?: WordClasses): Step[][] {
  if (!phrase.includes('@')) return [parsePhrase(phrase, language)];
  // Each class reference becomes a placeholder word, parsed with the rest, then replaced.
  const refs: string[] = [];
  const parts = phrase
    .trim()
    .split(/\s+/)
    .map((part) => {
      if (!part.startsWith('@')) {
        if (part.includes('@')) throw new PatternError(`"${part}": a class is a word of its own (@name), not an alternative`);
        return part;
      }
      const name = part.slice(1);
      if (!CLASS_NAME.test(name)) throw new PatternError(`"${part}" is not a class name (@ and lower-case letters, digits, _)`);
      if (language === 'any') throw new PatternError(`"${part}": word classes belong to a language; a file of language "any" cannot use them`);
      if (!classes?.has(name))
        throw new PatternError(
          `unknown class "${part}"${
            classes?.size
              ? ` (known: ${[...classes.keys()]
                  .sort()
                  .map((k) => '@' + k)
                  .join(', ')})`
              : ''
          }`,
        );
      if (refs.length >= 26) throw new PatternError('a phrase names at most 26 classes');
      refs.push(name);
      return `=zzclass${String.fromCharCode(97 + refs.length - 1)}`; // letters: the tokenizer splits digits off
    });
  const base = parsePhrase(parts.join(' '), language);
  let variants: Step[][] = [[]];
  for (const st of base) {
    const m = /^zzclass([a-z])$/.exec(st.atoms[0]!.value);
    if (!m || st.atoms.length !== 1) {
      variants = variants.map((v) => [...v, st]);
      continue;
    }
    const cls = classes!.get(refs[m[1]!.charCodeAt(0) - 97]!)!;
    const options: Step[][] = [];
    if (cls.single.length) options.push([step(cls.single, st.gap)]);
    for (const seq of cls.multi) options.push(seq.map((s, i) => (i === 0 ? step(s.atoms, st.gap) : s)));
    const next: Step[][] = [];
    for (const v of variants) for (const o of options) next.push([...v, ...o]);
    if (next.length > MAX_VARIANTS) throw new PatternError(`expands to more than ${MAX_VARIANTS} patterns through its classes' multi-word members: split it`);
    variants = next;
  }
  for (const v of variants) {
    if (v.length > MAX_STEPS) throw new PatternError(`a phrase has at most ${MAX_STEPS} words, and one of its class members makes it longer`);
    v[0] = step(v[0]!.atoms, 0);
  }
  return variants;
}

/** A canonical text of the steps, to find the same phrase written twice. */
export function phraseKey(steps: Step[]): string {
  return steps
    .map(
      (s) =>
        `${s.gap ? `~${s.gap} ` : ''}${s.atoms
          .map((a) => `${a.kind}:${a.value}`)
          .sort()
          .join('|')}`,
    )
    .join(' ');
}
