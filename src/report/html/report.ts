import { isError, type ScanRecord } from '../record.js';
import { CATEGORIES, STAGES } from '../../types.js';
import type { ReportRow } from './entry.js';
import { scriptJson } from './escape.js';
import { detailBlock, pageHead, pageTail, type PageSummary } from './page.js';
import { ReportStats } from './stats.js';

/** Handed to the sink in chunks of about this size: one write per file would cost a syscall each. */
const CHUNK = 256 * 1024;

type RowArray = [string, string, number, string, string, number, number | null, number, number[], string | null, number | null];

function rowArray(r: ReportRow): RowArray {
  const stageBits = STAGES.reduce((bits, s, k) => (r.stages.includes(s) ? bits | (1 << k) : bits), 0);
  return [
    r.file,
    r.verdict,
    Math.round(r.score * 1000) / 1000,
    r.language,
    r.format,
    r.utterances,
    r.alert,
    stageBits,
    r.categories.map((c) => CATEGORIES.indexOf(c)),
    null,
    r.strength,
  ];
}

/**
 * The page of `scan --report`, made as the scan goes: each file's detail goes to the sink as soon as
 * it is in order, and only its table row (a few dozen bytes) stays in memory; the summary, table and
 * script close the page at the end. Strings only: the sink (cli/reportFile.ts) writes them.
 */
export class HtmlReport {
  private readonly rows: RowArray[] = [];
  private buffer = '';
  readonly stats = new ReportStats();

  constructor(private readonly sink: (chunk: string) => void) {
    this.buffer = pageHead(`scamscan report`);
  }

  add(record: ScanRecord): void {
    const index = this.rows.length;
    if (isError(record)) {
      this.rows.push([record.file, 'error', -1, '', '', 0, null, 0, [], record.error, null]);
      this.stats.add(record);
      return;
    }
    if (!record.report) throw new Error(`no report data for ${record.file}`);
    this.rows.push(rowArray(record.report.row));
    this.stats.add(record.report.row);
    this.buffer += detailBlock(index, record.report.detail);
    if (this.buffer.length >= CHUNK) this.flush();
  }

  /** Closes the page: the last chunk goes to the sink. */
  end(summary: Omit<PageSummary, 'files'>): void {
    this.buffer += pageTail(this.stats, { ...summary, files: this.rows.length }, scriptJson(this.rows));
    this.flush();
  }

  private flush(): void {
    if (this.buffer) this.sink(this.buffer);
    this.buffer = '';
  }
}
