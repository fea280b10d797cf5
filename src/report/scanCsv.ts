import { isError, type ScanRecord } from './record.js';
import { safeText } from './safe.js';

export const SCAN_CSV_HEADER = 'file,verdict,score,language,top_categories,error\n';

/** One RFC 4180 cell: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV line of a record; untrusted text (file names, errors) has its control characters made visible. */
export function scanCsvLine(r: ScanRecord): string {
  const cells = isError(r)
    ? [safeText(r.file), '', '', '', '', safeText(r.error)]
    : [safeText(r.file), r.verdict, String(r.score), r.language, r.categories.join(';'), ''];
  return cells.map(csvCell).join(',') + '\n';
}
