import { safeJson } from './safe.js';
import { toJson } from './json.js';
import type { ReportEntry } from './html/entry.js';
import type { Category, Language, Result, Stage, Verdict } from '../types.js';

/** A piece of evidence as shown in the scan summary. */
export interface Evidence {
  category: Category;
  text: string;
  utterance: number;
  line: number;
  column: number;
  contribution: number;
}

/**
 * What the scan keeps of one input (a file or a data set row): enough for every output format and
 * the summary, never the full result. `json` is the serialized toJson(result), made in the worker so
 * serializing runs in parallel and only a string crosses threads.
 */
export type ScanRecord =
  | { file: string; error: string }
  | {
      file: string;
      verdict: Verdict;
      score: number;
      /** The score's log-odds: what results are ranked by (scores saturate at 1.00). */
      strength: number;
      language: Language;
      /** Categories with a score, highest first. */
      categories: Category[];
      /** First utterance at which the call read as a scam, or null. */
      alert: number | null;
      utterances: number;
      stages: Stage[];
      driver: string | null;
      /** The findings that added most to the score (at most 3). */
      evidence: Evidence[];
      json?: string;
      /** The full result, for the library's scan() (`withResult`). */
      result?: Result;
      /** The file's row and detail in the HTML report (`withReport`). */
      report?: ReportEntry;
    };

/** How a scan ended: files walked and scanned, bytes read, threads used, whether it was interrupted. */
export interface ScanOutcome {
  files: number;
  /** Files fully scanned (a data set counts once all its rows are). */
  done: number;
  bytes: number;
  threads: number;
  interrupted: boolean;
}

export const isError = (r: ScanRecord): r is { file: string; error: string } => 'error' in r;

/** The record of a result; `withJson` when the output format prints the full result, `withResult` to keep it whole. */
export function toRecord(result: Result, withJson: boolean, withResult = false): ScanRecord {
  const categories = (Object.entries(result.categories) as Array<[Category, number]>)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([c]) => c);
  const evidence = result.findings
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3)
    .map((f) => ({ category: f.category, text: f.text, utterance: f.utterance, line: f.line, column: f.column, contribution: f.contribution }));
  const record: ScanRecord = {
    file: result.file,
    verdict: result.verdict,
    score: result.score,
    strength: result.strength,
    language: result.language,
    categories,
    alert: result.alert,
    utterances: result.utterances,
    stages: result.stagesSeen,
    driver: result.driver,
    evidence,
  };
  if (withJson) record.json = safeJson(toJson(result));
  if (withResult) record.result = result;
  return record;
}
