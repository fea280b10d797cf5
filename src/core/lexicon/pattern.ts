import type { Language } from '../../types.js';
import { stemmerFor } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';

/** Named token shapes a phrase can use with `#name`: fixed, safe checks instead of user regexes. */
export const SHAPES: Record<string, (form: string) => boolean> = {
  hexcode: (f) => /^0x[0-9a-f]{4,}$/.test(f) || (f.length >= 5 && f.length <= 12 && /\d/.test(f) && /[a-z]/.test(f) && /^[0-9a-z]+$/.test(f)),
  number: (f) => /^\d+$/.test(f),
};

export type Atom =
  | { kind: 'stem'; value: string }
  | { kind: 'form'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'shape'; value: string };

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

/** A step from its atoms: the sets and lists that matching reads (one plain loop: start-up builds thousands). */
export function step(atoms: Atom[], gap: number): Step {
  const s: Step = { atoms, gap, stems: new Set(), forms: new Set(), prefixes: [], shapes: [] };
  for (const a of atoms) {
    if (a.kind === 'stem') s.stems.add(a.value);
    else if (a.kind === 'form') s.forms.add(a.value);
    else if (a.kind === 'prefix') s.prefixes.push(a.value);
    else s.shapes.push(SHAPES[a.value]!);
  }
  return s;
}

export class PatternError extends Error {}

const MAX_GAP = 8;
const MAX_STEPS = 12;


function atomFor(alt: string, language: Language | 'any'): Atom[] {
  if (alt.startsWith('#')) {
    const name = alt.slice(1);
    if (!SHAPES[name]) throw new PatternError(`unknown shape "${alt}" (known: ${Object.keys(SHAPES).map((s) => '#' + s).join(', ')})`);
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
      steps.push(step(expanded.map((atoms) => atoms[0]!), gap));
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

/** A canonical text of the steps, to find the same phrase written twice. */
export function phraseKey(steps: Step[]): string {
  return steps
    .map((s) => `${s.gap ? `~${s.gap} ` : ''}${s.atoms.map((a) => `${a.kind}:${a.value}`).sort().join('|')}`)
    .join(' ');
}
