/**
 * Turns and clauses in raw speech-to-text: lower case, no punctuation, no speaker labels. A whole
 * excerpt would otherwise be one utterance, and phrase gaps, negation and reported speech would run
 * across what two people said. What such text really gives is read instead:
 * - `>>` (captioners' speaker change) and a time stamp `[00:01:23]` inside the text: a new turn;
 * - discourse markers that open a turn ("okay", "yes ma'am", "alright", "d'accord", "oui madame",
 *   "allô", "bon", "alors", "voilà"), and an answer ("yes", "no", "oui", "non", "i don't") after a
 *   question ("can you …", "do you …", "est-ce que …", "vous avez …"): a new turn whose speaker may
 *   have changed (`recovered`);
 * - a question or an instruction starting after a few words of narration, or a long clause going on
 *   with "and then", "because", "parce que": a clause of the same turn (`continued`).
 * Pure and linear: one pass over the words, no backtracking regular expression.
 */

import { normalizeWord } from '../text/normalize.js';
import { SENTENCE_END } from './sentence.js';

export type TurnKind = 'recovered' | 'continued';

export interface Segment {
  /** Start and end (exclusive) in the text given, trimmed. */
  start: number;
  end: number;
  /** How the segment starts: a recovered turn, a clause of the same turn, or (undefined) the text's own start. */
  turn?: TurnKind;
}

/** Words that open a turn when they start a clause ("okay so …", "no I don't …"). */
const OPENERS = new Set(
  `okay ok alright allright yes yeah yep yup no nope nah hello hi hey sorry oh wow good great perfect exactly sure
  oui ouais non allo allô bonjour bon alors voila voilà d'accord dacord ah parfait super`.split(/\s+/),
);
/** Two-word openers: the first word, then the words that may follow it. */
const OPENER_PAIRS = new Map<string, Set<string>>([
  ['all', new Set(['right'])],
  ['thank', new Set(['you'])],
  ['thanks', new Set(['you'])],
  ['merci', new Set(['madame', 'monsieur', 'beaucoup'])],
  ['i', new Set(["don't", 'dont', "didn't", 'didnt', "can't", 'cant'])],
  ['je', new Set(['ne', 'sais', "n'ai", 'comprends'])],
]);
/** Words after which an opener is part of the sentence ("I said no", "say yes", "the no-reply"). */
const NOT_AFTER = new Set(
  `said say says saying tell told answer answered reply replied the a an to is was be with of for and or that if
  i'm im it's its you're youre we're they're he's she's that's thats am are were been being feel feels felt look looks
  seem seems sounds sound pretty very so not really too make made just all getting get gets got
  my your his her our their this these those its no any some every such quite
  dit dis dire répondu repondu le la les un une de du des à a et ou que qui est suis es sont très tres trop pas c'est cest
  au aux ce cet cette mon ma mes ton ta tes votre vos notre nos son sa ses leur leurs si plus assez bien`.split(/\s+/),
);
/** Question starts: a word, then the words that make it a question. */
const QUESTIONS = new Map<string, Set<string>>([
  ['can', new Set(['you', 'i', 'we'])],
  ['could', new Set(['you', 'i'])],
  ['do', new Set(['you'])],
  ['did', new Set(['you'])],
  ['are', new Set(['you'])],
  ['have', new Set(['you'])],
  ['will', new Set(['you'])],
  ['would', new Set(['you'])],
  ['what', new Set(['is', 'do', 'does', 'are', 'was', 'happened', 'did'])],
  ["what's", new Set(['the', 'your', 'that', 'it'])],
  ['where', new Set(['is', 'are', 'do'])],
  ['how', new Set(['much', 'many', 'do', 'can', 'did'])],
  ['est-ce', new Set(['que', "qu'il", "qu'elle", "qu'on"])],
  ['est', new Set(['ce'])],
  ['vous', new Set(['avez', 'voyez', 'pouvez', 'êtes', 'etes', 'savez'])],
  ['avez', new Set(['vous'])],
  ['pouvez', new Set(['vous'])],
  ['voyez', new Set(['vous'])],
  ['qu', new Set(['est'])],
]);
/** Words after which a question start is the middle of a question ("how are you", "so what is it"). */
const QUESTION_WORDS = new Set(`how what where why when who which whom whose so then comment pourquoi quand qui quoi où ou`.split(/\s+/));
/** Instructions that start a clause. */
const IMPERATIVES = new Set(
  `go open click press type download install read tell give write take buy scratch send enter call
  allez ouvrez cliquez appuyez tapez téléchargez telechargez installez lisez dites donnez écrivez ecrivez prenez achetez grattez envoyez entrez`.split(/\s+/),
);
/** Words after which an instruction word is not one ("you'll never call", "want to go", "je vais lire"). */
const NOT_BEFORE_IMPERATIVE = new Set(
  `to never not don't dont didn't will won't can can't cannot could would should must might may shall i you we they he she it
  you'll i'll we'll they'll please just also let let's gonna wanna going want need have has had now then first so and
  ne pas jamais je tu il elle on nous vous ils elles va vais vas allons allez peux peut pouvez dois doit devez faut veux voulez`.split(/\s+/),
);
/** Answers to a question. */
const ANSWERS = new Set(`yes yeah yep no nope sure okay ok mhm uh-huh oui ouais non d'accord`.split(/\s+/));
/** Conjunctions where a long clause is cut (same turn). */
const CLAUSE_WORDS = new Set(`because so but and then cause parce mais donc puis ensuite`.split(/\s+/));

/** A set of words as matching sees them (normalizeWord). */
const wordSet = (words: string[]) => new Set(words.map(normalizeWord));

/** Words a sentence cannot end on (articles, prepositions, conjunctions, possessives): a line ending on one is cut mid-sentence. */
const DANGLING = wordSet(
  `the a an of to with for from by into onto about and or nor your my his her our their every each
  le la les l un une des du de d au aux à et ou votre vos ton ta tes mon ma mes son sa ses notre nos leur leurs ce cet cette ces pour par avec sans dans chez que qu`.split(
    /\s+/,
  ),
);

/**
 * Words a line of speech rarely ends on, besides DANGLING (pronouns, auxiliaries, conjunctions): a
 * block of lines whose ends often fall on one is a paragraph wrapped anywhere, not one turn a line.
 */
const MID_CLAUSE = wordSet(
  `because is are was were be been have has had will would can could should i he she we they if when than like which who whose
  it's i'm he's she's they're you're we're there's
  il elle ils elles je j tu on lui est a ai sont était avait qui quand si comme parce mais donc ne n se me te m s y`.split(/\s+/),
);

/** The last word of a line as matching sees it (normalizeWord: look-alike letters, accents, invisible characters folded), or '' when it is long or none. */
function lastWord(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  while (start > 0 && end - start <= 12 && WORDISH.test(line[start - 1]!)) start--;
  if (start === end || end - start > 12 || (start > 0 && WORDISH.test(line[start - 1]!))) return '';
  return normalizeWord(line.slice(start, end).replace(/’/g, "'"));
}
const WORDISH = /[\p{L}\p{M}'’\u200B-\u200D\u2060\uFEFF]/u;

/** Whether a line ends on a word a sentence or turn rarely ends on (DANGLING, or a pronoun, auxiliary or conjunction). */
export function endsMidClause(line: string): boolean {
  const w = lastWord(line);
  return w !== '' && (DANGLING.has(w) || MID_CLAUSE.has(w));
}

/** Whether a line of speech-to-text stops on a word no sentence ends on ("…and fill the" / "refund form…"): the next line goes on with it. */
export function dangles(line: string): boolean {
  return DANGLING.has(lastWord(line));
}

/** Segments shorter than this (in words) are not cut off: "sure no problem" stays one. */
const MIN_WORDS = 3;
/** A clause this long is cut at the next conjunction. */
const LONG_CLAUSE = 22;

interface Word {
  start: number;
  end: number;
  lower: string;
}

const WORD_START = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{N}\p{M}]/u;

/** The words of the text (and `>>` cues), in one pass over its code units: ASCII by code, the rest by Unicode class. */
function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 62 && text.charCodeAt(i + 1) === 62) {
      out.push({ start: i, end: i + 2, lower: '>>' });
      i += 2;
      continue;
    }
    const ascii = c < 128;
    if (ascii ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) : !WORD_START.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let plain = c >= 97 || c <= 57; // no capital, no curly apostrophe, all ASCII
    let end = ++i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) end = ++i;
        else if (d >= 65 && d <= 90) {
          plain = false;
          end = ++i;
        } else if (d === 39 || d === 45)
          i++; // an apostrophe or hyphen: part of the word only if more follows
        else break;
      } else if (d === 0x2019) {
        plain = false;
        i++;
      } else if (WORD_PART.test(text[i]!)) {
        plain = false;
        end = ++i;
      } else break;
    }
    i = end;
    const raw = text.slice(start, end);
    out.push({ start, end, lower: plain ? raw : raw.toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

/** A time stamp inside the text ("[00:01:23]", "(01:02)"): positions where a new turn starts. */
const STAMP = /[[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]/g;

/**
 * Whether text deserves segmenting: long enough and with (almost) no sentence ends, as raw
 * speech-to-text is. Punctuated prose keeps its sentences.
 */
export function needsSegmenting(text: string): boolean {
  if (text.includes('>>')) return true;
  let n = 0;
  for (let i = 0, inWord = false; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  if (n < 2 * MIN_WORDS + 2) return false;
  let ends = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) ends++;
  SENTENCE_END.lastIndex = 0;
  // Punctuated speech has a sentence end every 15 words or so; raw output has none.
  return ends * 30 < n;
}

/**
 * Cuts text into turns and clauses. Offsets are into `text`; segments are trimmed and never empty.
 * The first segment has no `turn` (the caller knows how the text itself started).
 */
export function segment(text: string): Segment[] {
  const ws = words(text);
  const cuts: Array<{ at: number; turn: TurnKind }> = [];
  const stamps: number[] = [];
  STAMP.lastIndex = 0;
  for (let m = STAMP.exec(text); m; m = STAMP.exec(text)) stamps.push(m.index);
  let stampAt = 0;

  let since = 0; // words in the current segment
  let lastQuestion = -100; // word index where the last question started
  let wordsSinceClause = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    // A time stamp before this word: a new turn.
    let stamped = false;
    while (stampAt < stamps.length && stamps[stampAt]! < w.start) {
      stamped = stamps[stampAt]! >= (ws[i - 1]?.end ?? 0);
      stampAt++;
    }
    if (w.lower === '>>' || (stamped && i > 0)) {
      cuts.push({ at: w.lower === '>>' ? w.start : stampStart(text, w.start, stamps[stampAt - 1]!), turn: 'recovered' });
      since = wordsSinceClause = 0;
      if (w.lower === '>>') continue;
    }
    const prev = ws[i - 1]?.lower;
    const next = ws[i + 1]?.lower;
    let cut: TurnKind | null = null;
    if (since >= MIN_WORDS && prev !== undefined && !NOT_AFTER.has(prev)) {
      const opener = OPENERS.has(w.lower) || OPENER_PAIRS.get(w.lower)?.has(next ?? '') === true;
      const answer = i - lastQuestion <= 14 && ANSWERS.has(w.lower);
      if (opener || answer) cut = 'recovered';
      else if (QUESTIONS.get(w.lower)?.has(next ?? '') && !QUESTION_WORDS.has(prev)) cut = 'continued';
      else if (
        IMPERATIVES.has(w.lower) &&
        !NOT_BEFORE_IMPERATIVE.has(prev) &&
        (next === 'to' ||
          next === 'the' ||
          next === 'your' ||
          next === 'sur' ||
          next === 'le' ||
          next === 'la' ||
          next === 'votre' ||
          next === 'me' ||
          next === 'moi' ||
          next === 'it')
      )
        cut = 'continued';
      else if (wordsSinceClause >= LONG_CLAUSE && CLAUSE_WORDS.has(w.lower)) cut = 'continued';
    }
    if (QUESTIONS.get(w.lower)?.has(next ?? '')) lastQuestion = i;
    if (cut) {
      cuts.push({ at: w.start, turn: cut });
      since = wordsSinceClause = 0;
      // "yes ma'am", "okay so", "no no": the opener's companions stay with it.
    }
    since++;
    wordsSinceClause++;
  }

  const out: Segment[] = [];
  let from = 0;
  let turn: TurnKind | undefined;
  const push = (to: number) => {
    let s = from;
    let e = to;
    // Bounded by `e`: a run of cues or stamps is skipped once, not again from every cut inside it.
    while (s < e) {
      while (s < e && text.charCodeAt(s) <= 32) s++;
      // A `>>` cue or a time stamp opens the segment but is not said.
      if (text.startsWith('>>', s)) s += 2;
      else if (s < e && (text[s] === '[' || text[s] === '(')) {
        STAMP_AT.lastIndex = s;
        if (!STAMP_AT.test(text)) break;
        s = STAMP_AT.lastIndex;
      } else break;
    }
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    from = to;
    if (s >= e) return false;
    const seg: Segment = { start: s, end: e };
    if (turn && out.length) seg.turn = turn;
    out.push(seg);
    return true;
  };
  for (const c of cuts) {
    if (c.at > from && push(c.at)) turn = c.turn;
    // Cuts that meet (">> okay"): a recovered turn wins over a clause.
    else if (c.turn === 'recovered' || turn === undefined) turn = c.turn;
  }
  push(text.length);
  return out;
}

const STAMP_AT = new RegExp(STAMP.source, 'y');

/**
 * Where the time stamp just before `pos` starts: the last `[` or `(` before it, searched back to the
 * stamp (at `stamp`) only, so a text of stamps is read once, not once per stamp.
 */
function stampStart(text: string, pos: number, stamp: number): number {
  for (let i = Math.min(pos, text.length - 1); i > stamp; i--) if (text[i] === '[' || text[i] === '(') return i;
  return stamp;
}
