import { isError, type ScanRecord } from './record.js';
import { safeText } from './safe.js';

export const SCAN_CSV_COLUMNS = [
  'file',
  'verdict',
  'score',
  'strength',
  'language',
  'alert',
  'utterances',
  'stages',
  'driver',
  'top_categories',
  'top_quote',
  'top_line',
  'error',
] as const;
export const SCAN_CSV_HEADER = SCAN_CSV_COLUMNS.join(',') + '\n';

/** One RFC 4180 cell: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Untrusted text for a cell that a spreadsheet may open: control characters made visible, and a
 * leading = + - @ (or tab, carriage return) prefixed with ' so the cell is not read as a formula.
 */
export function textCell(value: string): string {
  const safe = safeText(value);
  // A lone `-` (stdin) is no formula.
  return /^[=+\-@\t\r]/.test(value) && value !== '-' ? `'${safe}` : safe;
}

/** The CSV line of a record; untrusted text (file names, speakers, quotes, errors) is made safe. */
export function scanCsvLine(r: ScanRecord): string {
  const cells = isError(r)
    ? [textCell(r.file), ...Array<string>(SCAN_CSV_COLUMNS.length - 2).fill(''), textCell(r.error)]
    : [
        textCell(r.file),
        r.verdict,
        String(r.score),
        String(r.strength),
        r.language,
        r.alert === null ? '' : String(r.alert),
        String(r.utterances),
        r.stages.join(';'),
        r.driver === null ? '' : textCell(r.driver),
        r.categories.slice(0, 3).join(';'),
        r.evidence[0] ? textCell(r.evidence[0].text) : '',
        r.evidence[0] ? String(r.evidence[0].line) : '',
        '',
      ];
  return cells.map(csvCell).join(',') + '\n';
}
