import type { Category } from '../../types.js';
import { CATEGORIES } from '../../types.js';
import type { CompiledLexicons } from '../lexicon/compile.js';
import { findHits } from '../match/match.js';
import type { HitFilter } from './session.js';
import { ScamscanError } from '../../errors.js';
import { allowMatchers } from './allow.js';

export interface Thresholds {
  scam: number;
  suspicious: number;
}

/** What a config file changes in how calls are scored: plain data, so it can cross to worker threads. */
export interface Adjustments {
  /** Verdict thresholds replacing the model's (either may be left out). */
  thresholds?: Partial<Thresholds>;
  /** Categories or lexicon entry ids that must not count. */
  disable?: string[];
  /** Phrases (lexicon phrase syntax): a finding overlapping one of their occurrences does not count. */
  allow?: string[];
}

/** Lexicons with the model's thresholds replaced, and the filter classify applies to every utterance's matches. */
export interface Adjusted {
  lexicons: CompiledLexicons;
  filter?: HitFilter;
}

export function hasAdjustments(a: Adjustments): boolean {
  return a.thresholds?.scam !== undefined || a.thresholds?.suspicious !== undefined || Boolean(a.disable?.length) || Boolean(a.allow?.length);
}

/**
 * Applies adjustments to compiled lexicons without touching them (they are cached and shared):
 * a copy with the model's thresholds replaced, and a filter that drops disabled entries and findings
 * overlapping an allowed phrase in the same utterance. Counter-signals are never dropped by the
 * allow-list: it exists to lower scores, not raise them. Errors name `file` (the config) when given.
 */
export function adjustLexicons(base: CompiledLexicons, adjustments: Adjustments, file?: string): Adjusted {
  const fail = (problem: string) => new ScamscanError(problem, file);
  let lexicons = base;
  const { scam, suspicious } = adjustments.thresholds ?? {};
  if (scam !== undefined || suspicious !== undefined) {
    const thresholds = { scam: scam ?? base.model.thresholds.scam, suspicious: suspicious ?? base.model.thresholds.suspicious };
    if (thresholds.suspicious > thresholds.scam) throw fail(`thresholds: suspicious (${thresholds.suspicious}) is above scam (${thresholds.scam})`);
    lexicons = { ...base, model: { ...base.model, thresholds } };
  }

  const categories = new Set<Category>();
  const ids = new Set<string>();
  (adjustments.disable ?? []).forEach((name, i) => {
    if ((CATEGORIES as string[]).includes(name)) categories.add(name as Category);
    else if (base.entries.has(name)) ids.add(name);
    else throw fail(`disable[${i}]: "${name}" is neither a category (${CATEGORIES.join(', ')}) nor the id of a lexicon entry`);
  });
  const allow = adjustments.allow?.length
    ? allowMatchers(adjustments.allow, base, (i, message) => fail(`allow[${i}]: "${adjustments.allow![i]}": ${message}`))
    : null;
  if (!categories.size && !ids.size && !allow) return { lexicons };

  const filter: HitFilter = (hits, tokens, language) => {
    let kept = categories.size || ids.size ? hits.filter((h) => !categories.has(h.pattern.entry.category) && !ids.has(h.pattern.entry.id)) : hits;
    if (allow && kept.length) {
      const allowed = findHits(allow[language], tokens);
      const overlaps = (from: number, to: number) => allowed.some((a) => a.from < to && from < a.to);
      if (allowed.length) kept = kept.filter((h) => h.pattern.entry.category === 'counter' || !overlaps(h.from, h.to));
    }
    return kept;
  };
  return { lexicons, filter };
}
