import type { Finding, Language, Modifier, Token, Utterance, Verdict } from './types.js';
import { LANGUAGES } from './types.js';
import type { CompiledLexicons } from './lexicon/compile.js';
import type { Model } from './lexicon/schema.js';
import { stemmerFor } from './text/stem.js';
import { tokenize } from './text/tokenize.js';
import { restoreBrands } from './text/fuzzy.js';
import { dedupeHits, findHits, type Hit } from './match/match.js';
import { contextModifiers } from './match/context.js';
import { score, type Score } from './score/score.js';

/** A match before scoring: where it is and what its context says. */
export interface Raw {
  hit: Hit;
  utterance: Utterance;
  /** The words as said. */
  text: string;
  offset: number;
  length: number;
  modifiers: Modifier[];
}

/** Config hook (issue 9): keeps the matches of one utterance that may count; `tokens` are the words the hits index. */
export type HitFilter = (hits: Hit[], tokens: Token[], language: Language) => Hit[];

/** The language is detected from at most this much of the call's text. */
const LANGUAGE_SAMPLE = 20_000;

function factor(mods: Modifier[], model: Model): number {
  return mods.reduce((f, m) => f * model.modifiers[m], 1);
}

/** A retelling's narrator: reported speech in at least two of their findings, and in at least this share of them. */
const NARRATOR_SHARE = 0.3;

/**
 * Speakers who retell or explain a call rather than make one (or, unlabelled, the whole text):
 * their evidence is mostly reported ("he tells me to press Windows and R"), so all of it is taken as retold.
 */
function narrators(raws: Raw[]): Set<string | null> {
  const counts = new Map<string | null, { reported: number; all: number }>();
  for (const r of raws) {
    if (r.hit.pattern.entry.category === 'counter') continue;
    const c = counts.get(r.utterance.speaker) ?? { reported: 0, all: 0 };
    c.all++;
    if (r.modifiers.includes('reported')) c.reported++;
    counts.set(r.utterance.speaker, c);
  }
  const out = new Set([...counts].filter(([, c]) => c.reported >= 2 && c.reported >= NARRATOR_SHARE * c.all).map(([s]) => s));
  return out;
}

/**
 * The speaker who drives the call: the one whose own (unreceived) evidence weighs most. Only when
 * at least two speakers are labelled.
 */
function findDriver(raws: Raw[], speakers: number, model: Model): string | null {
  if (speakers < 2) return null;
  const weight = new Map<string, number>();
  for (const r of raws) {
    const s = r.utterance.speaker;
    if (s === null || r.hit.pattern.entry.category === 'counter') continue;
    weight.set(s, (weight.get(s) ?? 0) + r.hit.pattern.entry.weight * factor(r.modifiers, model));
  }
  let driver: string | null = null;
  let best = 0;
  for (const [s, w] of weight) if (w > best) [driver, best] = [s, w];
  return driver;
}

export interface Evaluation {
  driver: string | null;
  mods: Modifier[][];
  effective: number[];
  result: Score;
}

/** Scores the matches of a call (or of its first utterances): roles, modifiers, then the score. */
export function evaluate(all: Raw[], speakers: number, model: Model): Evaluation {
  const retelling = narrators(all);
  const raws = all.map((r) =>
    retelling.has(r.utterance.speaker) && r.hit.pattern.entry.category !== 'counter' && !r.modifiers.includes('reported')
      ? { ...r, modifiers: [...r.modifiers, 'retold' as const] }
      : r,
  );
  const driver = findDriver(raws, speakers, model);
  const mods = raws.map((r) => {
    // Counter-signals too: what vouches for a call is what its driver says ("we will never ask…"),
    // not the receiver's doubts ("this sounds like a scam").
    const receiver = driver !== null && r.utterance.speaker !== null && r.utterance.speaker !== driver;
    return receiver ? [...r.modifiers, 'receiver' as const] : r.modifiers;
  });
  const effective = raws.map((r, i) => r.hit.pattern.entry.weight * factor(mods[i]!, model));
  const evidence = raws.map((r, i) => ({ category: r.hit.pattern.entry.category, effective: effective[i]!, receiver: mods[i]!.includes('receiver') }));
  return { driver, mods, effective, result: score(evidence, model) };
}

export interface SessionState {
  /** Utterances so far. */
  utterances: number;
  language: Language;
  score: number;
  verdict: Verdict;
  /** First utterance at which the running verdict reached `scam`, or null. */
  alert: number | null;
}

/**
 * A call read utterance by utterance, as it happens. Each utterance is matched once; the score of
 * the call so far is what `classify` gives for the same first utterances. Pure: no I/O.
 */
export class CallSession {
  readonly utterances: Utterance[] = [];
  raws: Raw[] = [];
  language: Language;
  alert: number | null = null;
  private evaluation: Evaluation;
  private readonly speakers = new Set<string>();
  private readonly stopwordCounts = Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Language, number>;
  private sampled = 0;
  /** Reported speech still running into the speaker's next utterance (a subtitle cut mid-sentence). */
  private carry: { speaker: string | null; words: number } = { speaker: null, words: 0 };

  constructor(
    private readonly lexicons: CompiledLexicons,
    private readonly forcedLanguage?: Language,
    /** Config hook (issue 9): drops matches before they count (disabled entries, allow-list). */
    private readonly filter?: HitFilter,
  ) {
    this.language = forcedLanguage ?? 'en';
    this.evaluation = evaluate([], 0, lexicons.model);
  }

  /** Adds the next utterance (its index is set here) and returns the state of the call so far. */
  add(utterance: Omit<Utterance, 'index'>): SessionState {
    const u: Utterance = { ...utterance, index: this.utterances.length + 1 };
    this.utterances.push(u);
    const speakers = this.speakers.size;
    if (u.speaker !== null) this.speakers.add(u.speaker);
    const tokens = tokenize(u.text);
    const before = this.raws.length;
    if (!this.forcedLanguage && this.detect(tokens)) {
      // The language changed with this utterance: match the call again in the new language (rare).
      this.carry = { speaker: null, words: 0 };
      this.raws = this.utterances.flatMap((x) => this.match(x, x === u ? tokens : tokenize(x.text)));
    } else {
      this.raws.push(...this.match(u, tokens));
    }
    // The score moves only with new matches, or when a second speaker makes roles count.
    if (this.raws.length !== before || this.raws.length && (speakers < 2) !== (this.speakers.size < 2)) {
      this.evaluation = evaluate(this.raws, this.speakers.size, this.lexicons.model);
      if (this.alert === null && this.evaluation.result.verdict === 'scam') this.alert = u.index;
    }
    return this.state();
  }

  state(): SessionState {
    const { result } = this.evaluation;
    return { utterances: this.utterances.length, language: this.language, score: result.score, verdict: result.verdict, alert: this.alert };
  }

  get current(): Evaluation {
    return this.evaluation;
  }

  /** Counts stopwords in the first LANGUAGE_SAMPLE characters of the call; true when the detected language changed. */
  private detect(tokens: Token[]): boolean {
    if (this.sampled > LANGUAGE_SAMPLE) return false;
    const room = LANGUAGE_SAMPLE - this.sampled;
    for (const t of tokens) {
      if (t.end > room) break;
      for (const l of LANGUAGES) if (this.lexicons.rules[l].stopwords.has(t.form)) this.stopwordCounts[l]++;
    }
    this.sampled += (tokens.at(-1)?.end ?? 0) + 1;
    // English wins ties and text with no stopwords at all.
    let best: Language = 'en';
    for (const l of LANGUAGES) if (this.stopwordCounts[l] > this.stopwordCounts[best]) best = l;
    const changed = best !== this.language;
    this.language = best;
    return changed;
  }

  /** Matches one utterance, given its words (stemmed here in the call's language). */
  private match(u: Utterance, words: Token[]): Raw[] {
    const rules = this.lexicons.rules[this.language];
    const stem = stemmerFor(this.language);
    const tokens = restoreBrands(
      words.filter((t) => !rules.fillers.has(t.form)),
      this.lexicons.brands,
      (form) => rules.stopwords.has(form),
    );
    for (const t of tokens) t.stem = stem(t.form);
    const found = findHits(this.lexicons.matchers[this.language], tokens);
    const hits = dedupeHits(this.filter ? this.filter(found, tokens, this.language) : found); // config hook (issue 9)
    const carryIn = this.carry.speaker === u.speaker ? this.carry.words : 0;
    const { modifiers: mods, carryOut } = contextModifiers(hits, tokens, u.text, rules, carryIn);
    this.carry = { speaker: u.speaker, words: carryOut };
    return hits.map((hit, i) => {
      const start = tokens[hit.from]!.start;
      const end = tokens[hit.to - 1]!.end;
      const at = (k: number) => (u.map ? (u.map[k] ?? u.offset) : u.offset + k);
      return { hit, utterance: u, text: u.text.slice(start, end), offset: at(start), length: (u.map ? at(end - 1) + 1 : at(end)) - at(start), modifiers: mods[i]! };
    });
  }

  /** The findings of the call so far, positioned by `locate` (line and column in the source). */
  findings(locate: (offset: number) => { line: number; column: number }): Finding[] {
    const { mods, effective, result } = this.evaluation;
    return this.raws.map((r, i) => {
      const e = r.hit.pattern.entry;
      const f: Finding = {
        id: e.id,
        category: e.category,
        stage: e.stage,
        text: r.text,
        utterance: r.utterance.index,
        speaker: r.utterance.speaker,
        ...locate(r.offset),
        offset: r.offset,
        length: r.length,
        weight: e.weight,
        effective: Math.round(effective[i]! * 1000) / 1000,
        modifiers: mods[i]!,
        contribution: result.contributions[i]!,
        source: e.source,
      };
      if (r.utterance.start !== undefined) f.start = r.utterance.start;
      return f;
    });
  }
}
