import type { Modifier, Token } from '../types.js';
import type { LanguageRules } from '../lexicon/compile.js';
import { crossesClause } from '../text/tokenize.js';
import { findHits, type Hit } from './match.js';

/** Words after a negator that it still governs ("never ask you for gift cards"). */
const NEGATION_REACH = 5;
/** Words after a reported-speech marker that it still governs, within one sentence. */
const REPORTED_REACH = 20;

const SENTENCE_END = /[.!?…]/u;
function crossesSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_END.test(text[i] ?? '')) return true;
  return false;
}

/**
 * The modifiers of each hit from its context in the utterance: a negator or prohibition shortly
 * before it in the same clause ("we will never ask for…", "ne donnez jamais…"), or reported speech
 * earlier in the same sentence ("he told me to…", "il m'a demandé de…"). A negator inside the
 * matched phrase belongs to it ("don't hang up") and does not negate it.
 */
export function contextModifiers(hits: Hit[], tokens: Token[], text: string, rules: LanguageRules): Modifier[][] {
  if (hits.length === 0) return [];
  const negators = findHits(rules.negators, tokens);
  const reported = findHits(rules.reported, tokens);
  const breaks = findHits(rules.clauseBreaks, tokens);
  return hits.map((h) => {
    const mods: Modifier[] = [];
    const negatedInside = negators.some((n) => n.from >= h.from && n.from < h.to);
    const negated =
      !negatedInside &&
      negators.some(
        (n) =>
          n.to <= h.from &&
          h.from - n.to <= NEGATION_REACH &&
          !crossesClause(text, tokens[n.to - 1]!.end, tokens[h.from]!.start) &&
          !breaks.some((b) => b.from >= n.to && b.to <= h.from),
      );
    if (negated) mods.push('negated');
    const isReported = reported.some(
      (r) => r.to <= h.from && h.from - r.to <= REPORTED_REACH && !crossesSentence(text, tokens[r.to - 1]!.end, tokens[h.from]!.start),
    );
    if (isReported) mods.push('reported');
    return mods;
  });
}
