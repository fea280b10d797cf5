import type { Category, Verdict } from '../types.js';
import { CATEGORIES, VERDICTS } from '../types.js';

/** Which results are shown (`--min-score`, `--only`, `--category`); the exit code still weighs them all. */
export interface ResultFilter {
  minScore?: number;
  only?: Verdict[];
  /** Results with evidence in at least one of these categories. */
  categories?: Category[];
}

/** What a filter looks at: a result, or a scan record (whose categories are those with a score). */
export interface Filterable {
  score: number;
  verdict: Verdict;
  categories: Record<Category, number> | readonly Category[];
}

export function shows(filter: ResultFilter, r: Filterable): boolean {
  if (filter.minScore !== undefined && r.score < filter.minScore) return false;
  if (filter.only && !filter.only.includes(r.verdict)) return false;
  if (filter.categories) {
    const has = (c: Category) => (Array.isArray(r.categories) ? r.categories.includes(c) : (r.categories as Record<Category, number>)[c] > 0);
    if (!filter.categories.some(has)) return false;
  }
  return true;
}

/** A comma-separated list of names from `known` (commander parser; repeatable flags add up). */
function listOf<T extends string>(known: readonly T[], what: string) {
  return (value: string, previous: T[] | undefined): T[] => {
    const names = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = names.find((n) => !known.includes(n as T));
    if (bad !== undefined || names.length === 0) throw new Error(`"${bad ?? value}" is not a ${what} (${known.join(', ')})`);
    return [...new Set([...(previous ?? []), ...(names as T[])])];
  };
}

export const parseVerdicts = listOf(VERDICTS, 'verdict');
export const parseCategories = listOf(CATEGORIES, 'category');

/** A score or threshold: a number from 0 to 1. */
export function parseUnit(value: string): number {
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1) throw new Error('expected a number from 0 to 1');
  return v;
}
