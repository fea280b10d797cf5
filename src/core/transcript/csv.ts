import { ScamscanError } from '../../errors.js';

export interface CsvRow {
  /** 1-based line where the row starts in the source. */
  line: number;
  cells: string[];
  /** Offset in the source where each cell's content starts (inside the quotes when quoted). */
  offsets: number[];
}

/** A row that could not be read: where it starts, and why. The reader goes on at the next line. */
export interface CsvBadRow {
  line: number;
  error: string;
}

export type CsvSeparator = ',' | ';';

export interface CsvOptions {
  /** The cell separator; `auto` takes `;` when the first line has more of them than commas (French Excel). Default `,`. */
  separator?: CsvSeparator | 'auto';
}

/** `;` when the header line (outside quotes) has more semicolons than commas, as French Excel writes CSV; else `,`. */
export function sniffSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 CSV, read row by row in one pass: quoted cells may hold separators, doubled quotes and
 * line breaks. A row that breaks the rules (a quote never closed, text after a closing quote) is a
 * bad row naming the line it starts on, and reading goes on at the line after the fault, so one bad
 * row costs only itself.
 */
export function readCsv(text: string, options: CsvOptions = {}): Array<CsvRow | CsvBadRow> {
  const sep = options.separator === 'auto' ? sniffSeparator(text) : (options.separator ?? ',');
  const rows: Array<CsvRow | CsvBadRow> = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let noQuoteFrom = Infinity;
  /** Goes on reading at the start of the line after `from`. */
  const restartAt = (from: number) => {
    const nl = text.indexOf('\n', from);
    i = nl < 0 ? text.length : nl + 1;
  };
  while (i < text.length) {
    const row: CsvRow = { line, cells: [], offsets: [] };
    let bad: string | null = null;
    let faultLine = line;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const quoteAt = i;
        const quoteLine = line;
        i++;
        row.offsets.push(i);
        let closed = false;
        for (;;) {
          const q = i >= noQuoteFrom ? -1 : text.indexOf('"', i);
          if (q < 0) {
            noQuoteFrom = Math.min(noQuoteFrom, i); // every later search would scan to the end again
            break;
          }
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          cell += text.slice(i, q);
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        // A fault in a quoted cell: when the cell ran over lines, its opening quote is the stray one,
        // so the rows after its line are read again; else reading goes on after the line of the fault.
        const fault = (problem: string, where: number) => {
          bad = problem;
          faultLine = line > quoteLine || !closed ? quoteLine : line;
          restartAt(line > quoteLine || !closed ? quoteAt : where);
          line = faultLine + 1;
        };
        if (!closed) {
          fault('a quote is never closed (a stray " ?)', quoteAt);
          break;
        }
        if (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          fault('text after a closing quote (a quote inside a quoted cell is written "")', i);
          break;
        }
      } else {
        row.offsets.push(i);
        let j = i;
        while (j < text.length && text[j] !== sep && text[j] !== '\n' && text[j] !== '\r') j++;
        cell = text.slice(i, j);
        i = j;
      }
      row.cells.push(cell);
      if (text[i] === sep) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (bad !== null) rows.push({ line: faultLine, error: bad });
    else if (!(row.cells.length === 1 && row.cells[0] === '')) rows.push(row);
  }
  return rows;
}

export const isBadRow = (row: CsvRow | CsvBadRow): row is CsvBadRow => 'error' in row;

/** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. A malformed row is an error naming its line. */
export function parseCsv(text: string, file = '-', options: CsvOptions = {}): CsvRow[] {
  const rows = readCsv(text, options);
  const bad = rows.find(isBadRow);
  if (bad) throw new ScamscanError(`CSV: line ${bad.line}: ${bad.error}`, file);
  return rows as CsvRow[];
}

/** Column names taken as the transcript of a data set row when --text-column is not given. */
export const TEXT_COLUMNS = ['dialogue', 'text', 'transcript', 'conversation', 'content'];

/** Looks like a column name: no colon (a speaker label), no space at its ends, at most three words. */
const COLUMN_NAME = /^[\p{L}\p{N}_()#.-]+(?: [\p{L}\p{N}_()#.-]+){0,2}$/u;

/**
 * The columns and text column of a CSV data set, when `text` clearly is one (a header of column
 * names, rows of that many cells, a column named like a transcript or holding long text), else null.
 * `classify` refuses a data set rather than reading its rows as one call. Reads the first 64 KB.
 */
export function datasetShape(text: string): { columns: string[]; textColumn: string } | null {
  // Most transcripts fail on their first line: a speaker label's colon, or no separator at all.
  const firstEnd = text.indexOf('\n');
  const first = text.slice(0, firstEnd < 0 ? Math.min(text.length, 2000) : Math.min(firstEnd, 2000));
  if (first.includes(':') || !/[,;]/.test(first)) return null;
  let sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.length < text.length) sample = sample.slice(0, sample.lastIndexOf('\n') + 1);
  const [header, ...rows] = readCsv(sample, { separator: 'auto' }).slice(0, 200);
  if (!header || isBadRow(header) || header.cells.length < 2 || rows.length < 2) return null;
  if (!header.cells.every((c) => c.length <= 40 && COLUMN_NAME.test(c))) return null;
  const good = rows.filter((r): r is CsvRow => !isBadRow(r) && r.cells.length === header.cells.length);
  if (good.length < 2 || good.length < 0.9 * rows.length) return null;
  let t = header.cells.findIndex((h) => TEXT_COLUMNS.includes(h.toLowerCase()));
  if (t < 0 && good.length >= 3) {
    const mean = header.cells.map((_, i) => good.reduce((n, r) => n + r.cells[i]!.length, 0) / good.length);
    const longest = mean.indexOf(Math.max(...mean));
    if (mean[longest]! >= 40) t = longest;
  }
  return t < 0 ? null : { columns: header.cells, textColumn: header.cells[t]! };
}
