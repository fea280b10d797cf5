import type { Modifier, Token } from '../../types.js';
import type { CompiledPattern, LanguageRules } from '../lexicon/compile.js';
import { findHits, type Hit, type KnownInfos } from './match.js';

/** Words after a negator (or after a comma continuing its list) that it still governs. */
const NEGATION_REACH = 8;
/** Words after a reported-speech marker that it still governs, within one sentence. */
const REPORTED_REACH = 30;

/** Conjunctions that carry a negation on through a list ("your PIN or your password", "ni … ni"). */
const LIST_CONJUNCTIONS = new Set(['or', 'nor', 'ou', 'ni']);

const SENTENCE_END = /[.!?…]/u;
const CLAUSE_END = /[.!?;:…]/u;

const SENTENCE_END_FROM = new RegExp(SENTENCE_END.source, 'gu');

/** Whether sentence-end punctuation (SENTENCE_END) follows position `from` of the text (searched in place, not in a copy). */
function sentenceEndFrom(text: string, from: number): boolean {
  SENTENCE_END_FROM.lastIndex = from;
  return SENTENCE_END_FROM.test(text);
}

function crosses(re: RegExp, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (re.test(text[i] ?? '')) return true;
  return false;
}

/** Pairs of quotation marks; a straight double quote opens and closes. Apostrophes are not quotes. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‹': '›', '「': '」' };

const OPENING_QUOTE = new RegExp(`[${Object.keys(QUOTES).join('')}]`, 'u');

/** Ranges of the text inside quotation marks: words quoted from someone else (or from a pop-up). */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // Most utterances quote nothing: one native scan says so.
  const first = text.search(OPENING_QUOTE);
  if (first < 0) return ranges;
  for (let i = first; i < text.length; i++) {
    const close = QUOTES[text[i]!];
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0) {
      // An unclosed quote runs to the end of the utterance (transcripts often drop the closing mark).
      if (text[i] !== '"') ranges.push([i, text.length]);
      break;
    }
    ranges.push([i, end]);
    i = end;
  }
  return ranges;
}

/**
 * The words each negator governs: up to NEGATION_REACH words after it, within its clause (no clause
 * punctuation, no clause-break word such as "but"). A comma ends the scope ("don't worry, just buy
 * the cards") unless the next word continues a list ("never ask for your PIN, your password, or
 * gift cards"), which also renews the reach. A negator followed directly by a comma is an
 * interjection ("No, buy the cards") and governs nothing.
 */
function negatedWords(
  tokens: Token[],
  text: string,
  rules: LanguageRules,
  known?: KnownInfos,
): { negated: Uint8Array; afterNegator: Uint8Array; gapNegator: Uint8Array | undefined } {
  const negated = new Uint8Array(tokens.length);
  const afterNegator = new Uint8Array(tokens.length + 1);
  const breaks = new Uint8Array(tokens.length);
  for (const b of findHits(rules.clauseBreaks, tokens, known?.(rules.clauseBreaks))) for (let i = b.from; i < b.to; i++) breaks[i] = 1;
  let idiom: Uint8Array | undefined;
  const negators = findHits(rules.negators, tokens, known?.(rules.negators));
  if (negators.length && rules.notNegators.all.length)
    for (const b of findHits(rules.notNegators, tokens, known?.(rules.notNegators)))
      for (let i = b.from; i < b.to; i++) (idiom ??= new Uint8Array(tokens.length))[i] = 1;
  // Where a negator starts that negates a phrase even from inside it ("numbers don't get suspended").
  let gapNegator: Uint8Array | undefined;
  if (negators.length && rules.gapNegators.all.length)
    for (const g of findHits(rules.gapNegators, tokens, known?.(rules.gapNegators)))
      if (!idiom?.[g.from]) (gapNegator ??= new Uint8Array(tokens.length))[g.from] = 1;
  for (const n of negators) {
    // A negator word inside an idiom negates nothing ("pas à pas", "une personne", "no sir, …").
    if (idiom?.[n.from]) continue;
    afterNegator[n.to] = 1;
    let reach = NEGATION_REACH;
    for (let i = n.to; i < tokens.length && reach > 0; i++) {
      const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
      if (CLAUSE_END.test(gap) || breaks[i]) break;
      if (gap.includes(',')) {
        if (i === n.to || !rules.listWords.has(tokens[i]!.form)) break;
        reach = NEGATION_REACH;
      }
      if (LIST_CONJUNCTIONS.has(tokens[i]!.form)) reach = NEGATION_REACH;
      negated[i] = 1;
      reach--;
    }
  }
  return { negated, afterNegator, gapNegator };
}

/** Whether a negator that reaches into phrases starts inside the hit, after its first word. */
function insideGap(gapNegator: Uint8Array, h: Hit): boolean {
  for (let k = h.from + 1; k < h.to; k++) if (gapNegator[k] === 1) return true;
  return false;
}

const negationWords = new WeakMap<LanguageRules, Set<string>>();
const negatingPatterns = new WeakMap<CompiledPattern, boolean>();

/**
 * Whether a pattern's own words include a negator ("don't hang up", "ne raccrochez pas"): its
 * negation belongs to it. A negator that only fills one of its gaps does not count.
 */
function saysNegation(pattern: CompiledPattern, rules: LanguageRules): boolean {
  let cached = negatingPatterns.get(pattern);
  if (cached !== undefined) return cached;
  let words = negationWords.get(rules);
  if (!words) {
    words = new Set([...rules.negators.byStem.keys(), ...rules.negators.byForm.keys()]);
    negationWords.set(rules, words);
  }
  const w = words;
  cached = pattern.steps.some((step) => [...step.stems, ...step.forms].some((v) => w.has(v)));
  negatingPatterns.set(pattern, cached);
  return cached;
}

/** Words of a quotation, and of the words around it, from which an unframed quotation is a sentence quoted from someone else. */
const QUOTED_SENTENCE = 4;
/** Words after a quotation's end within which a reporting frame still claims it ("…," he said). */
const FRAME_AFTER_QUOTE = 2;

/**
 * The modifiers of each hit from its context in the utterance: governed by a negator or prohibition
 * ("we will never ask for…", "ne donnez jamais…"), or in reported speech earlier in the same sentence
 * ("he told me to…", "il m'a demandé de…", "the message says…"). A negator inside the matched phrase
 * belongs to it ("don't hang up") and does not negate it.
 *
 * Quotation marks alone do not make reported speech: quotes around a URL, a button, a search term, a
 * short name or a whole line (`Agent: "…"`) leave the words live. A quotation is reported when a
 * reporting frame introduces it in the same sentence ("he said: \"…\"") or follows it ("\"…,\" he
 * said"), and then all of it is, whatever sentences it holds; or when, unframed, it quotes a sentence
 * inside the speaker's own words ("here's what you'll hear: \"this is the Windows department…\"").
 *
 * `readout` tells, for each hit, that it is reported only by a read-out frame ("it says", "le message
 * dit"): a receiver reading the scam's own pop-up or SMS during the call, evidence when the call is live.
 *
 * Subtitles and speech-to-text segments cut sentences anywhere, so reported speech carries over:
 * `carryIn` is how many words at the start of this utterance a marker in the same turn's previous
 * utterance still governs, and `carryOut` how many words of the next one this utterance's marker
 * governs (0 when a sentence ends first). The caller passes no carry across a turn.
 */
export function contextModifiers(
  hits: Hit[],
  tokens: Token[],
  text: string,
  rules: LanguageRules,
  carryIn = 0,
  /** The words' infos for a matcher, when the caller keeps them (see findHits). */
  known?: KnownInfos,
  /** Whether what carries in is a read-out ("it says…" cut by a subtitle). */
  carryReadout = false,
): { modifiers: Modifier[][]; readout: boolean[]; carryOut: number; carryReadout: boolean } {
  const endsSentence = sentenceEndFrom(text, tokens.at(-1)?.end ?? 0);
  // Most utterances have no finding and end a sentence: nothing to modify, nothing carried out.
  if (hits.length === 0 && endsSentence) return { modifiers: [], readout: [], carryOut: 0, carryReadout: false };
  const reported = findHits(rules.reported, tokens, known?.(rules.reported));
  const readouts = rules.readouts.all.length ? findHits(rules.readouts, tokens, known?.(rules.readouts)) : [];
  const frames = readouts.length ? [...reported, ...readouts] : reported;
  // The first word after a sentence end (only needed when reported speech carries in).
  const firstEnd = carryIn > 0 ? tokens.findIndex((t, i) => i > 0 && SENTENCE_END.test(text.slice(tokens[i - 1]!.end, t.start))) : -1;
  const carried = firstEnd < 0 ? Math.min(carryIn, tokens.length) : Math.min(carryIn, firstEnd);
  let carryOut = 0;
  let outReadout = true;
  if (!endsSentence) {
    if (firstEnd < 0) carryOut = Math.max(0, carryIn - tokens.length);
    if (carryOut > 0) outReadout = carryReadout;
    for (const r of frames) {
      const after = text.slice(tokens[r.to - 1]!.end);
      if (SENTENCE_END.test(after)) continue;
      carryOut = Math.max(carryOut, REPORTED_REACH - (tokens.length - r.to));
      if (reported.includes(r)) outReadout = false;
    }
  }
  if (hits.length === 0) return { modifiers: [], readout: [], carryOut, carryReadout: outReadout };
  const { negated, afterNegator, gapNegator } = negatedWords(tokens, text, rules, known);
  // Quotations that are reported speech, and whether only a read-out frame makes them so.
  const quoted: Array<{ from: number; to: number; readout: boolean }> = [];
  const quotes = quotedRanges(text);
  if (quotes.length) {
    let drives: Hit[] | undefined;
    for (const [a, b] of quotes) {
      const first = tokens.findIndex((t) => t.start > a);
      if (first < 0) continue;
      let next = tokens.findIndex((t) => t.start > b);
      if (next < 0) next = tokens.length;
      const before = (r: Hit) => r.to <= first && first - r.to <= REPORTED_REACH && !crosses(SENTENCE_END, text, tokens[r.to - 1]!.end, a);
      const after = (r: Hit) => r.from >= next && r.from - next < FRAME_AFTER_QUOTE;
      const framing = frames.filter((r) => before(r) || after(r));
      if (framing.length) {
        quoted.push({ from: a, to: b, readout: framing.every((r) => !reported.includes(r)) });
        continue;
      }
      // Unframed: a sentence quoted inside one's own words (acting a script out), not a short name,
      // a URL, a button or a search term, nor a whole line in quotes, nor what an instruction names.
      if (next - first < QUOTED_SENTENCE || tokens.length - (next - first) < QUOTED_SENTENCE || /^\S*$/u.test(text.slice(a + 1, b))) continue;
      drives ??= rules.drives.all.length ? findHits(rules.drives, tokens, known?.(rules.drives)) : [];
      if (drives.some((d) => d.to <= first && first - d.to <= 1)) continue;
      quoted.push({ from: a, to: b, readout: false });
    }
  }
  const reach = (r: Hit, h: Hit, start: number) =>
    r.to <= h.from && h.from - r.to <= REPORTED_REACH && !crosses(SENTENCE_END, text, tokens[r.to - 1]!.end, start);
  const readout: boolean[] = [];
  const modifiers = hits.map((h) => {
    const mods: Modifier[] = [];
    // Secrecy and pressure are prohibitions: "don't tell the bank" is the evidence, not its negation.
    const prohibition = h.pattern.entry.category === 'pressure' && afterNegator[h.from] === 1;
    // A frame's parts come in any order: a negator before any of them governs the move ("the anydesk
    // number, you never give it to anyone").
    const governed = h.heads
      ? h.heads.some((i) => negated[i] === 1)
      : negated[h.from] === 1 || (gapNegator !== undefined && h.pattern.entry.category !== 'pressure' && insideGap(gapNegator, h));
    if (governed && !saysNegation(h.pattern, rules) && !prohibition) mods.push('negated');
    const start = tokens[h.from]!.start;
    const quote = quoted.filter((q) => q.from < start && start < q.to);
    const byPerson = (h.from < carried && !carryReadout) || quote.some((q) => !q.readout) || reported.some((r) => reach(r, h, start));
    const byReadout = !byPerson && (h.from < carried || quote.length > 0 || readouts.some((r) => reach(r, h, start)));
    if (byPerson || byReadout) mods.push('reported');
    readout.push(byReadout);
    return mods;
  });
  return { modifiers, readout, carryOut, carryReadout: outReadout };
}
