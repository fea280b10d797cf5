import type { ExplainView } from '../../core/call/view.js';
import { findingsByUtterance, highlights } from '../highlight.js';
import { buckets } from '../sparkline.js';
import type { Category, Language, Stage, Verdict } from '../../types.js';
import { CATEGORIES, STAGES } from '../../types.js';
import { deflateRawSync } from 'node:zlib';

/** The report keeps a long call's transcript up to this many characters; the rest is counted, not shown. */
export const DETAIL_CHARS = 60_000;
/** Timeline points kept per file: a long call is squeezed (each point the highest of its utterances). */
export const TIMELINE_POINTS = 400;
/** Evidence rows kept per file, strongest first. */
export const DETAIL_FINDINGS = 60;

/** What the report's table and summary need of one file; kept in memory for every file, so small. */
export interface ReportRow {
  file: string;
  verdict: Verdict;
  score: number;
  /** The score's log-odds, what the table ranks by. */
  strength: number;
  language: Language;
  format: string;
  utterances: number;
  alert: number | null;
  stages: Stage[];
  /** Categories with a score, highest first. */
  categories: Category[];
  /** What each category added to the score (positive contributions), for "what drives the flags". */
  drivers: Partial<Record<Category, number>>;
}

/** A file's row, and its detail (transcript, timeline, evidence): JSON, deflated, in base64. */
export interface ReportEntry {
  row: ReportRow;
  detail: string;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The report's view of one file. A report may hold 10,000 details, so each is compact JSON (arrays,
 * category numbers) deflated (a quarter to a third of the size) in base64; the page inflates one
 * only when its file is opened. Offsets in `utterances` spans count code units of the utterance text.
 */
export function reportEntry(view: ExplainView): ReportEntry {
  const { result, transcript, timeline } = view;
  const speakers: string[] = [];
  const speakerIndex = new Map<string, number>();
  const who = (s: string | null) => {
    if (s === null) return -1;
    let i = speakerIndex.get(s);
    if (i === undefined) speakerIndex.set(s, (i = speakers.push(s) - 1));
    return i;
  };
  const shown = new Map(result.findings.map((f, i) => [f, i]));
  const byUtterance = findingsByUtterance(result.findings);
  const utterances: Array<[number, string, Array<[number, number, number, number]>]> = [];
  let chars = 0;
  for (const u of transcript.utterances) {
    if (chars >= DETAIL_CHARS) break;
    chars += u.text.length;
    const spans = highlights(u, byUtterance.get(u.index) ?? []).map((h): [number, number, number, number] => [
      h.start,
      h.end,
      CATEGORIES.indexOf(h.category),
      shown.get(h.finding)!,
    ]);
    utterances.push([who(u.speaker), u.text, spans]);
  }
  const strongest = result.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => Math.abs(b.f.contribution) - Math.abs(a.f.contribution))
    .slice(0, DETAIL_FINDINGS)
    .sort((a, b) => a.i - b.i);
  const detail = {
    speakers,
    utterances,
    omitted: transcript.utterances.length - utterances.length,
    timeline: buckets(timeline, TIMELINE_POINTS).map((b) => round(b.value)),
    findings: strongest.map(({ f, i }) => [
      i,
      CATEGORIES.indexOf(f.category),
      f.text,
      f.utterance,
      f.speaker,
      f.line,
      f.column,
      round(f.contribution, 2),
      f.modifiers.join(','),
      f.id,
    ]),
    moreFindings: result.findings.length - strongest.length,
    driver: result.driver,
    warnings: result.warnings,
  };
  const drivers: Partial<Record<Category, number>> = {};
  for (const f of result.findings) if (f.contribution > 0) drivers[f.category] = round((drivers[f.category] ?? 0) + f.contribution);
  const categories = CATEGORIES.filter((c) => result.categories[c] > 0).sort((a, b) => result.categories[b] - result.categories[a]);
  return {
    row: {
      file: result.file,
      verdict: result.verdict,
      score: result.score,
      strength: result.strength,
      language: result.language,
      format: result.format,
      utterances: result.utterances,
      alert: result.alert,
      stages: STAGES.filter((s) => result.stagesSeen.includes(s)),
      categories,
      drivers,
    },
    detail: deflateRawSync(JSON.stringify(detail), { level: 9 }).toString('base64'),
  };
}
