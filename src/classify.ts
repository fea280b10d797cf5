import type { Finding, Language, Modifier, Result, Transcript, Utterance } from './types.js';
import type { CompiledLexicons } from './lexicon/compile.js';
import type { Model } from './lexicon/schema.js';
import { detectLanguage } from './text/language.js';
import { stemmerFor } from './text/stem.js';
import { tokenize } from './text/tokenize.js';
import { dedupeHits, findHits, type Hit } from './match/match.js';
import { contextModifiers } from './match/context.js';
import { score } from './score/score.js';
import { readPlain } from './transcript/plain.js';
import { LANGUAGES } from './types.js';

export interface ClassifyOptions {
  /** Shown as `file` in the result; `-` for stdin. */
  file?: string;
  /** Forces the language instead of detecting it. */
  language?: Language;
  encoding?: string;
  /** A reader name (see INPUT_FORMATS) instead of detecting the format from the content. */
  inputFormat?: string;
}

/** A match before scoring: where it is and what its context says. */
interface Raw {
  hit: Hit;
  utterance: Utterance;
  /** The words as said. */
  text: string;
  offset: number;
  length: number;
  modifiers: Modifier[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function position(starts: number[], text: string, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  let column = 1;
  for (let i = starts[lo]!; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++; // count code points: skip low surrogates
  }
  return { line: lo + 1, column };
}

function factor(mods: Modifier[], model: Model): number {
  return mods.reduce((f, m) => f * model.modifiers[m], 1);
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

/** A retelling's narrator: reported speech in at least two of their findings, and in at least this share of them. */
const NARRATOR_SHARE = 0.3;

/**
 * Speakers who retell a call rather than make one (or, unlabelled, the whole text): their evidence
 * is mostly reported ("he tells me to press Windows and R"), so all of it is taken as retold.
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
  return new Set([...counts].filter(([, c]) => c.reported >= 2 && c.reported >= NARRATOR_SHARE * c.all).map(([s]) => s));
}

function evaluate(all: Raw[], speakers: number, model: Model) {
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
  const evidence = raws.map((r, i) => ({
    category: r.hit.pattern.entry.category,
    effective: r.hit.pattern.entry.weight * factor(mods[i]!, model),
    receiver: mods[i]!.includes('receiver'),
  }));
  return { driver, mods, evidence, result: score(evidence, model) };
}

/** Classifies a parsed transcript. Pure: no I/O. */
export function classifyTranscript(transcript: Transcript, lexicons: CompiledLexicons, options: ClassifyOptions = {}): Result {
  const { model } = lexicons;
  const { utterances, source } = transcript;
  let sample = '';
  for (const u of utterances) {
    if (sample.length > 20_000) break;
    sample += u.text + '\n';
  }
  const language =
    options.language ?? detectLanguage(sample, Object.fromEntries(LANGUAGES.map((l) => [l, lexicons.rules[l].stopwords])) as Record<Language, Set<string>>);
  const rules = lexicons.rules[language];
  const matcher = lexicons.matchers[language];
  const stem = stemmerFor(language);

  const raws: Raw[] = [];
  for (const u of utterances) {
    const tokens = tokenize(u.text, stem).filter((t) => !rules.fillers.has(t.form));
    const hits = dedupeHits(findHits(matcher, tokens));
    const mods = contextModifiers(hits, tokens, u.text, rules);
    hits.forEach((hit, i) => {
      const start = tokens[hit.from]!.start;
      const end = tokens[hit.to - 1]!.end;
      const at = (k: number) => (u.map ? u.map[k] ?? u.offset : u.offset + k);
      raws.push({ hit, utterance: u, text: u.text.slice(start, end), offset: at(start), length: (u.map ? at(end - 1) + 1 : at(end)) - at(start), modifiers: mods[i]! });
    });
  }

  const speakers = new Set(utterances.map((u) => u.speaker).filter((s) => s !== null)).size;
  const full = evaluate(raws, speakers, model);

  // The alert: the first utterance whose prefix of the call already reads as a scam.
  let alert: number | null = null;
  if (full.result.verdict === 'scam') {
    for (const u of utterances) {
      const prefix = raws.filter((r) => r.utterance.index <= u.index);
      if (prefix.length && prefix[prefix.length - 1]!.utterance.index === u.index && evaluate(prefix, speakers, model).result.verdict === 'scam') {
        alert = u.index;
        break;
      }
    }
  }

  const starts = lineStarts(source);
  const findings: Finding[] = raws.map((r, i) => {
    const e = r.hit.pattern.entry;
    const f: Finding = {
      id: e.id,
      category: e.category,
      stage: e.stage,
      text: r.text,
      utterance: r.utterance.index,
      speaker: r.utterance.speaker,
      ...position(starts, source, r.offset),
      offset: r.offset,
      length: r.length,
      weight: e.weight,
      effective: Math.round(full.evidence[i]!.effective * 1000) / 1000,
      modifiers: full.mods[i]!,
      contribution: full.result.contributions[i]!,
      source: e.source,
    };
    if (r.utterance.start !== undefined) f.start = r.utterance.start;
    return f;
  });

  return {
    file: options.file ?? '-',
    verdict: full.result.verdict,
    score: full.result.score,
    language,
    format: transcript.format,
    encoding: options.encoding ?? 'utf-8',
    categories: full.result.categories,
    stages: full.result.stages,
    stagesSeen: full.result.stagesSeen,
    alert,
    utterances: utterances.length,
    driver: full.driver,
    findings,
    warnings: transcript.warnings,
  };
}

/** Classifies plain transcript text. Pure: no I/O. */
export function classifyText(text: string, lexicons: CompiledLexicons, options: ClassifyOptions = {}): Result {
  return classifyTranscript(readPlain(text), lexicons, options);
}
