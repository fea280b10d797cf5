import { ScamscanError } from '../errors.js';
import { isBadRow, readCsv, TEXT_COLUMNS } from '../core/transcript/csv.js';

export interface DatasetOptions {
  textColumn?: string;
  idColumn?: string;
  labelColumn?: string;
}

export interface DatasetRow {
  /** `data.csv#12` (row number) or `data.csv#<id>`. */
  name: string;
  text: string;
  label?: string;
  /** Why the row could not be read (naming its line); then `text` is empty. The other rows are read as usual. */
  error?: string;
}

function column(header: string[], wanted: string | undefined, fallback: string[], file: string, what: string): number {
  if (wanted !== undefined) {
    const i = header.indexOf(wanted);
    if (i < 0) throw new ScamscanError(`CSV: no ${what} column "${wanted}" (columns: ${header.join(', ')})`, file);
    return i;
  }
  const i = header.findIndex((h) => fallback.includes(h.trim().toLowerCase()));
  if (i < 0 && what === 'text') throw new ScamscanError(`CSV: no text column found; name it with --text-column (columns: ${header.join(', ')})`, file);
  return i;
}

/**
 * The rows of a CSV data set: one transcript per row. The separator is `,` or `;` (French Excel),
 * whichever the header line has more of. A row that cannot be read (a stray quote, a wrong number of
 * cells) is a row with an error naming its line; the others are read as usual.
 */
export function csvRows(text: string, file: string, opts: DatasetOptions): DatasetRow[] {
  const [header, ...rows] = readCsv(text, { separator: 'auto' });
  if (!header) throw new ScamscanError('CSV: empty file', file);
  if (isBadRow(header)) throw new ScamscanError(`CSV: line ${header.line}: ${header.error}`, file);
  const t = column(header.cells, opts.textColumn, TEXT_COLUMNS, file, 'text');
  const id = opts.idColumn !== undefined ? column(header.cells, opts.idColumn, [], file, 'id') : -1;
  const label = opts.labelColumn !== undefined ? column(header.cells, opts.labelColumn, [], file, 'label') : -1;
  return rows.map((row, n) => {
    const name = `${file}#${id >= 0 && !isBadRow(row) && row.cells[id] !== undefined ? row.cells[id] : n + 1}`;
    if (isBadRow(row)) return { name, text: '', error: `CSV: line ${row.line}: ${row.error}` };
    if (row.cells.length !== header.cells.length) {
      return { name, text: '', error: `CSV: line ${row.line}: ${row.cells.length} cells, the header has ${header.cells.length}` };
    }
    const out: DatasetRow = { name, text: row.cells[t] ?? '' };
    if (label >= 0) out.label = row.cells[label]!;
    return out;
  });
}

/**
 * The lines of a JSON Lines data set: `{id?, text, label?}` or `{id?, turns: [{speaker, text}], label?}`.
 * A line that is not such an object is a row with an error naming the line; the others are read as usual.
 */
export function jsonlRows(text: string, file: string, opts: DatasetOptions): DatasetRow[] {
  const out: DatasetRow[] = [];
  const textKey = opts.textColumn ?? 'text';
  const idKey = opts.idColumn ?? 'id';
  const labelKey = opts.labelColumn ?? 'label';
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const bad = (problem: string) => out.push({ name: `${file}#${i + 1}`, text: '', error: `JSON Lines: line ${i + 1}: ${problem}` });
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      return bad((e as Error).message);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return bad('not an object');
    let body: string;
    if (typeof obj[textKey] === 'string') body = obj[textKey] as string;
    else if (Array.isArray(obj.turns)) {
      body = (obj.turns as unknown[])
        .map((t) => {
          const turn = (typeof t === 'object' && t !== null ? t : { text: t }) as Record<string, unknown>;
          return (typeof turn.speaker === 'string' ? `${turn.speaker}: ` : '') + String(turn.text ?? '');
        })
        .join('\n');
    } else return bad(`no "${textKey}" string or "turns" array`);
    const id = obj[idKey];
    const row: DatasetRow = { name: `${file}#${typeof id === 'string' || typeof id === 'number' ? id : i + 1}`, text: body };
    if (obj[labelKey] !== undefined) row.label = String(obj[labelKey]);
    out.push(row);
  });
  return out;
}

const SCAM = new Set(['scam', '1', 'true', 'yes', 'fraud', 'positive']);
const LEGIT = new Set(['legit', 'legitimate', '0', 'false', 'no', 'clean', 'negative', 'ham']);

/** A label as written in a labels file or column: scam (true) or legit (false). */
export function parseLabel(label: string, where: string): boolean {
  const l = label.trim().toLowerCase();
  if (SCAM.has(l)) return true;
  if (LEGIT.has(l)) return false;
  throw new ScamscanError(`unknown label "${label}" (use scam or legit)`, where);
}
