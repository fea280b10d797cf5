import { isError, type ScanRecord } from './record.js';
import { safeJson } from './safe.js';
import { SCAN_CSV_HEADER, scanCsvLine } from './scanCsv.js';
import type { ScanSummaryJson } from './scanSummary.js';

export const SCAN_FORMATS = ['pretty', 'json', 'ndjson', 'csv'] as const;
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

  constructor(
    readonly format: ScanFormat,
    private readonly out: (text: string) => void,
  ) {
    if (format === 'csv') this.buffer = SCAN_CSV_HEADER;
    if (format === 'json') this.buffer = '{"results":[\n';
  }

  write(r: ScanRecord): void {
    if (this.format === 'ndjson') this.buffer += recordJson(r) + '\n';
    else if (this.format === 'json') this.buffer += (this.count ? ',\n' : '') + recordJson(r);
    else if (this.format === 'csv') this.buffer += scanCsvLine(r);
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
    this.flush();
  }
}
