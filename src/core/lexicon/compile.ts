import type { Category, Language, Stage } from '../../types.js';
import { CATEGORY_STAGE, LANGUAGES } from '../../types.js';
import { normalizeWord } from '../text/normalize.js';
import { ScamscanError } from '../../errors.js';
import { compileClass, expandPhrase, parsePhrase, PatternError, phraseKey, type Step, type WordClass } from './pattern.js';
import type { LanguageProfile, LexiconFile, Model } from './schema.js';

/** Validated lexicon data, as read from files (or built in memory by a library user). */
export interface LexiconSet {
  files: Array<{ path: string; data: LexiconFile }>;
  profiles: Partial<Record<Language, LanguageProfile>>;
  /** Named word classes per language (classes.json), with the file that defined each. */
  classes?: Partial<Record<Language, Record<string, { path: string; members: string[] }>>>;
  model: Model;
}

export interface CompiledEntry {
  id: string;
  category: Category;
  stage: Stage | null;
  weight: number;
  note: string;
  source: string;
  language: Language | 'any';
}

export interface CompiledPattern {
  entry: CompiledEntry;
  steps: Step[];
  /**
   * For each later step that words alone can satisfy (stems, forms, prefixes: no shapes), the bits
   * of its words (see anchorBit), ANCHOR_WORDS numbers per step: a pattern is tried at a word only
   * where every one of them meets a bit of the words that follow it in its sentence.
   */
  anchorMasks: number[];
  /** -1 for a pattern of its own; else the index of the frame part (see Matcher.frames) it finds. */
  part: number;
}

/**
 * An order-free frame: each part (its patterns in the matcher carry its index) found in one
 * sentence, without overlapping, within `within` words from first to last word.
 */
export interface CompiledFrame {
  /** The frame's entry, with the steps of its parts (for what reads a pattern's words: negation). */
  pattern: CompiledPattern;
  parts: number[];
  within: number;
  /** How many consecutive sentences the parts may spread over (1: one sentence). */
  sentences: number;
}

/** Anchor bits are spread over this many numbers of 30 bits (small integers stay unboxed). */
export const ANCHOR_WORDS = 3;

/**
 * A word's bit among ANCHOR_WORDS × 30, as its index. Matching ORs the bits of the words that are
 * some pattern's later words, so a pattern missing one of its words is ruled out at the cost of a
 * few bitwise ANDs (a Bloom filter: a shared bit can let a pattern through, never keep one out).
 * Prefix atoms count by their first PREFIX_KEY letters.
 */
export function anchorBit(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (h * 31 + word.charCodeAt(i)) | 0;
  return (h >>> 0) % (30 * ANCHOR_WORDS);
}

/** Sets bit `bit` (from anchorBit) in the ANCHOR_WORDS numbers of `bits` from index `at`. */
export function setAnchorBit(bits: number[], at: number, bit: number): void {
  bits[at + Math.floor(bit / 30)]! |= 1 << (bit % 30);
}

/** The key of a prefix atom among anchor words (kept apart from whole words). */
export const prefixAnchor = (prefix: string): string => '*' + prefix.slice(0, PREFIX_KEY);

/** The anchor words of a pattern's later steps that words alone can satisfy (no shapes): stems, forms and prefix keys. */
export function anchorSteps(steps: Step[]): string[][] {
  return steps
    .slice(1)
    .filter((s) => s.shapes.length === 0)
    .map((s) => [...s.stems, ...s.forms, ...s.prefixes.map(prefixAnchor)]);
}

function anchorMasksOf(steps: Step[]): number[] {
  const masks: number[] = [];
  for (const words of anchorSteps(steps)) {
    const at = masks.length;
    for (let k = 0; k < ANCHOR_WORDS; k++) masks.push(0);
    for (const w of words) setAnchorBit(masks, at, anchorBit(w));
  }
  return masks;
}

export function compilePattern(entry: CompiledEntry, steps: Step[], part = -1): CompiledPattern {
  return { entry, steps, anchorMasks: anchorMasksOf(steps), part };
}

/** Patterns indexed by their first word, for one language: a word looks up only its candidates. */
export interface Matcher {
  byStem: Map<string, CompiledPattern[]>;
  byForm: Map<string, CompiledPattern[]>;
  /** First word given as a prefix (`pirat*`), keyed by its first PREFIX_KEY letters. */
  byPrefix: Map<string, CompiledPattern[]>;
  /** Patterns whose first word is a shape (`#hexcode`): tried at every word. */
  always: CompiledPattern[];
  /** Every pattern, in the order added (the indexes above are built from it). */
  all: CompiledPattern[];
  /** Order-free frames, completed from the hits of their parts' patterns (which are in `all`). */
  frames: CompiledFrame[];
  /** Per distinct word (form and stem), what matching needs to know of it: filled as words are met. */
  words: Map<string, WordInfo>;
  /** The anchor words of every pattern (see anchorSteps): filled on first use. */
  anchorWords?: Set<string>;
}

/** What a matcher knows of one word. */
export interface WordInfo {
  stem: string;
  /** The patterns whose first step the word matches. */
  list: CompiledPattern[];
  /** The anchor bits of the word (its stem, form and prefix where some pattern's later step has them), ANCHOR_WORDS numbers. */
  bits: number[];
}

/** Prefix atoms have at least this many letters, so they can be indexed by them. */
export const PREFIX_KEY = 3;

export interface LanguageRules {
  stopwords: Set<string>;
  fillers: Set<string>;
  negators: Matcher;
  notNegators: Matcher;
  gapNegators: Matcher;
  reported: Matcher;
  clauseBreaks: Matcher;
  listWords: Set<string>;
  readouts: Matcher;
  drives: Matcher;
  follows: Matcher;
  narration: Matcher;
}

export interface CompiledLexicons {
  matchers: Record<Language, Matcher>;
  /** One-word brand names of remote-access tools, restored when speech-to-text splits or mishears them. */
  brands: string[];
  rules: Record<Language, LanguageRules>;
  entries: Map<string, CompiledEntry & { examples: string[]; counterExamples: string[] }>;
  model: Model;
}

function emptyMatcher(): Matcher {
  return { byStem: new Map(), byForm: new Map(), byPrefix: new Map(), always: [], all: [], frames: [], words: new Map() };
}

function push(map: Map<string, CompiledPattern[]>, key: string, pattern: CompiledPattern): void {
  const list = map.get(key);
  if (!list) map.set(key, [pattern]);
  else if (!list.includes(pattern)) list.push(pattern);
}

/** A matcher over the given patterns (for small ad-hoc sets such as a config's allow-list). */
export function buildMatcher(patterns: CompiledPattern[], frames: CompiledFrame[] = []): Matcher {
  const matcher = emptyMatcher();
  for (const p of patterns) addPattern(matcher, p);
  matcher.frames = frames;
  return matcher;
}

function addPattern(matcher: Matcher, pattern: CompiledPattern): void {
  matcher.all.push(pattern);
  const first = pattern.steps[0]!;
  if (first.shapes.length) {
    matcher.always.push(pattern);
    return;
  }
  for (const v of first.stems) push(matcher.byStem, v, pattern);
  for (const v of first.forms) push(matcher.byForm, v, pattern);
  for (const v of first.prefixes) push(matcher.byPrefix, v.slice(0, PREFIX_KEY), pattern);
}

function wordMatcher(words: string[], language: Language, what: string): Matcher {
  const matcher = emptyMatcher();
  const entry: CompiledEntry = { id: what, category: 'counter', stage: null, weight: 0, note: what, source: what, language };
  for (const w of words) {
    try {
      addPattern(matcher, compilePattern(entry, parsePhrase(w, language)));
    } catch (e) {
      throw new ScamscanError(`${what}: "${w}": ${(e as Error).message}`, `lexicons/${language}/language.json`);
    }
  }
  return matcher;
}

/** The word classes of each language, compiled. Throws ScamscanError naming file and class. */
function compileClasses(set: LexiconSet): Record<Language, Map<string, WordClass>> {
  const out = { en: new Map(), fr: new Map() } as Record<Language, Map<string, WordClass>>;
  for (const lang of LANGUAGES) {
    for (const [name, { path, members }] of Object.entries(set.classes?.[lang] ?? {})) {
      try {
        out[lang].set(name, compileClass(members, lang));
      } catch (err) {
        if (err instanceof PatternError) throw new ScamscanError(`classes.${name}: ${err.message}`, path);
        throw err;
      }
    }
  }
  return out;
}

/** Compiles validated lexicon data once into per-language matchers. Throws ScamscanError naming file and entry. */
export function compileLexicons(set: LexiconSet): CompiledLexicons {
  const matchers = { en: emptyMatcher(), fr: emptyMatcher() } as Record<Language, Matcher>;
  const entries: CompiledLexicons['entries'] = new Map();
  const seenPhrase = new Map<string, string>();
  const ids = new Map<string, string>();

  const classes = compileClasses(set);
  // Frame parts, per language: the part index of each distinct part phrase.
  const partIndex = { en: new Map(), fr: new Map() } as Record<Language, Map<string, number>>;

  // Later files override entries with the same id (custom lexicons after built-in ones).
  for (const { path, data } of set.files) for (const e of data.entries) ids.set(e.id, path);

  for (const { path, data } of set.files) {
    const category = data.category as Category;
    data.entries.forEach((e, i) => {
      if (ids.get(e.id) !== path) return;
      if (entries.has(e.id)) throw new ScamscanError(`entries[${i}]: id "${e.id}" is already used in this file`, path);
      const entry: CompiledEntry = {
        id: e.id,
        category,
        stage: CATEGORY_STAGE[category],
        weight: e.weight,
        note: e.note,
        source: path,
        language: data.language,
      };
      entries.set(e.id, { ...entry, examples: e.examples, counterExamples: e.counterExamples ?? [] });
      const targets = data.language === 'any' ? LANGUAGES : [data.language];
      const expand = (phrase: string, where: string): Step[][] => {
        try {
          return expandPhrase(phrase, data.language, data.language === 'any' ? undefined : classes[data.language]);
        } catch (err) {
          if (err instanceof PatternError) throw new ScamscanError(`${where}: "${phrase}": ${err.message} (entry ${e.id})`, path);
          throw err;
        }
      };
      const unique = (key: string, where: string, what: string) => {
        const other = seenPhrase.get(key);
        if (other) throw new ScamscanError(`${where}: ${what} is already in entry ${other}`, path);
        seenPhrase.set(key, e.id);
      };
      (e.phrases ?? []).forEach((phrase, j) => {
        const where = `entries[${i}].phrases[${j}]`;
        const variants = expand(phrase, where);
        unique(`${data.language}|${variants.map(phraseKey).join(' || ')}`, where, `"${phrase}"`);
        for (const steps of variants) {
          const pattern = compilePattern(entry, steps);
          for (const lang of targets) addPattern(matchers[lang], pattern);
        }
      });
      (e.frames ?? []).forEach((frame, j) => {
        const where = `entries[${i}].frames[${j}]`;
        if (data.language === 'any')
          throw new ScamscanError(`${where}: frames belong to a language; a file of language "any" cannot have them (entry ${e.id})`, path);
        const lang = data.language;
        const parts = frame.all.map((phrase, k) => {
          const variants = expand(phrase, `${where}.all[${k}]`);
          const key = variants.map(phraseKey).join(' || ');
          let index = partIndex[lang].get(key);
          if (index === undefined) {
            index = partIndex[lang].size;
            partIndex[lang].set(key, index);
            for (const steps of variants) addPattern(matchers[lang], compilePattern(entry, steps, index));
          }
          return { index, steps: variants[0]! };
        });
        const sentences = frame.sentences ?? 1;
        unique(
          `${lang}|frame ${parts
            .map((p) => p.index)
            .sort((a, b) => a - b)
            .join(',')} within ${frame.within} sentences ${sentences}`,
          where,
          'this frame',
        );
        const pattern = compilePattern(
          entry,
          parts.flatMap((p) => p.steps),
        );
        matchers[lang].frames.push({ pattern, parts: parts.map((p) => p.index), within: frame.within, sentences });
      });
    });
  }

  const brands = new Set<string>();
  for (const { data } of set.files) {
    if (data.language !== 'any' || data.category !== 'remote_access') continue;
    for (const e of data.entries)
      for (const phrase of e.phrases ?? []) if (/^[a-z0-9]{6,}$/i.test(phrase) && !/\d/.test(phrase)) brands.add(phrase.toLowerCase());
  }

  const rules = {} as Record<Language, LanguageRules>;
  for (const lang of LANGUAGES) {
    const p = set.profiles[lang];
    if (!p) throw new ScamscanError(`no language profile for "${lang}"`, `lexicons/${lang}/language.json`);
    rules[lang] = {
      stopwords: new Set(p.stopwords.map(normalizeWord)),
      fillers: new Set(p.fillers.map(normalizeWord)),
      negators: wordMatcher(p.negators, lang, 'negators'),
      notNegators: wordMatcher(p.notNegators, lang, 'notNegators'),
      gapNegators: wordMatcher(p.gapNegators, lang, 'gapNegators'),
      reported: wordMatcher(p.reported, lang, 'reported'),
      clauseBreaks: wordMatcher(p.clauseBreaks, lang, 'clauseBreaks'),
      listWords: new Set(p.listWords.map(normalizeWord)),
      readouts: wordMatcher(p.readouts, lang, 'readouts'),
      drives: wordMatcher(p.drives, lang, 'drives'),
      follows: wordMatcher(p.follows, lang, 'follows'),
      narration: wordMatcher(p.narration, lang, 'narration'),
    };
  }
  return { matchers, brands: [...brands].sort(), rules, entries, model: set.model };
}
