import { isError, type ScanRecord } from './record.js';
import { safeJson } from './safe.js';
import { SCAN_CSV_HEADER, scanCsvLine } from './scanCsv.js';
import type { ScanSummaryJson } from './scanSummary.js';
import { githubError, githubResult, sarif, sarifResult } from './ci.js';

/** The formats that need each record's full result (its findings). */
export const FULL_RESULT_FORMATS: readonly ScanFormat[] = ['sarif', 'github'];

export const SCAN_FORMATS = ['pretty', 'json', 'ndjson', 'csv', 'sarif', 'github'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Output is gathered into chunks of about this size: one write per result would cost a syscall each. */
const CHUNK = 64 * 1024;

/** The JSON of one record: the full result as `classify --format json` gives it, or `{ file, error }`. */
const recordJson = (r: ScanRecord) => (isError(r) ? safeJson({ file: r.file, error: r.error }) : (r.json ?? safeJson({ file: r.file })));

/**
 * Streams records in the chosen format: each is written (in chunks) as soon as it is in order, so
 * nothing accumulates. `json` streams too: `{"results":[` first, the summary last.
 */
export class ScanOutput {
  private buffer = '';
  private count = 0;
  /** SARIF: results written so far, and the files that failed (notifications at the end). */
  private sarifResults = 0;
  private readonly errors: Array<{ file: string; error: string }> = [];

  constructor(
    readonly format: ScanFormat,
    private readonly out: (text: string) => void,
    version = '0.0.0',
  ) {
    if (format === 'csv') this.buffer = SCAN_CSV_HEADER;
    if (format === 'json') this.buffer = '{"results":[\n';
    if (format === 'sarif') this.buffer = sarif.head(version);
  }

  write(r: ScanRecord): void {
    if (this.format === 'ndjson') this.buffer += recordJson(r) + '\n';
    else if (this.format === 'json') this.buffer += (this.count ? ',\n' : '') + recordJson(r);
    else if (this.format === 'csv') this.buffer += scanCsvLine(r);
    else if (this.format === 'github') this.buffer += isError(r) ? githubError(r.file, r.error) : r.result ? githubResult(r.result) : '';
    else if (this.format === 'sarif') {
      if (isError(r)) this.errors.push({ file: r.file, error: r.error });
      else {
        const s = r.result ? sarifResult(r.result) : null;
        if (s) this.buffer += sarif.result(s, this.sarifResults++ === 0);
      }
    }
    this.count++;
    if (this.buffer.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.buffer) this.out(this.buffer);
    this.buffer = '';
  }

  /** Closes the output; `pretty` is the caller's to print. */
  end(summary: ScanSummaryJson): void {
    if (this.format === 'json') this.buffer += `${this.count ? '\n' : ''}],\n"summary":${safeJson(summary)}}\n`;
    if (this.format === 'sarif') this.buffer += sarif.tail(this.errors);
    this.flush();
  }
}
