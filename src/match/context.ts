import type { Modifier, Token } from '../types.js';
import type { LanguageRules } from '../lexicon/compile.js';
import { findHits, type Hit } from './match.js';

/** Words after a negator that it still governs ("never ask you for gift cards"). */
const NEGATION_REACH = 5;
/** Words after a reported-speech marker that it still governs, within one sentence. */
const REPORTED_REACH = 20;

const SENTENCE_END = /[.!?…]/u;
/** A comma also ends a negation's scope: "don't worry, just buy the cards". */
const NEGATION_END = /[.!?;:…,]/u;
function crosses(re: RegExp, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (re.test(text[i] ?? '')) return true;
  return false;
}

/**
 * The modifiers of each hit from its context in the utterance: a negator or prohibition shortly
 * before it in the same clause ("we will never ask for…", "ne donnez jamais…"), or reported speech
 * earlier in the same sentence ("he told me to…", "il m'a demandé de…") or quotation marks around
 * it (a prevention talk acting the script out, a victim reading a pop-up). A negator inside the
 * matched phrase belongs to it ("don't hang up") and does not negate it.
 */
/** Pairs of quotation marks; a straight double quote opens and closes. Apostrophes are not quotes. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‹': '›', '「': '」' };

/** Ranges of the text inside quotation marks: words quoted from someone else (or from a pop-up). */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
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

export function contextModifiers(hits: Hit[], tokens: Token[], text: string, rules: LanguageRules): Modifier[][] {
  if (hits.length === 0) return [];
  // A negator followed by a comma is an interjection ("No, buy the cards"), not a negation.
  const negators = findHits(rules.negators, tokens).filter((n) => !/^\s*,/.test(text.slice(tokens[n.to - 1]!.end)));
  const reported = findHits(rules.reported, tokens);
  const breaks = findHits(rules.clauseBreaks, tokens);
  const quoted = quotedRanges(text);
  return hits.map((h) => {
    const mods: Modifier[] = [];
    const negatedInside = negators.some((n) => n.from >= h.from && n.from < h.to);
    const negated =
      !negatedInside &&
      negators.some(
        (n) =>
          n.to <= h.from &&
          h.from - n.to <= NEGATION_REACH &&
          !crosses(NEGATION_END, text, tokens[n.to - 1]!.end, tokens[h.from]!.start) &&
          !breaks.some((b) => b.from >= n.to && b.to <= h.from),
      );
    if (negated) mods.push('negated');
    const start = tokens[h.from]!.start;
    const isQuoted = quoted.some(([a, b]) => a < start && start < b);
    const isReported = isQuoted || reported.some(
      (r) => r.to <= h.from && h.from - r.to <= REPORTED_REACH && !crosses(SENTENCE_END, text, tokens[r.to - 1]!.end, tokens[h.from]!.start),
    );
    if (isReported) mods.push('reported');
    return mods;
  });
}
