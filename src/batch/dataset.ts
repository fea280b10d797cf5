import { ScamscanError } from '../errors.js';
import { parseCsv } from '../core/transcript/csv.js';

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
}

const TEXT_COLUMNS = ['dialogue', 'text', 'transcript', 'conversation', 'content'];

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

/** The rows of a CSV data set: one transcript per row. */
export function csvRows(text: string, file: string, opts: DatasetOptions): DatasetRow[] {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw new ScamscanError('CSV: empty file', file);
  const t = column(header.cells, opts.textColumn, TEXT_COLUMNS, file, 'text');
  const id = opts.idColumn !== undefined ? column(header.cells, opts.idColumn, [], file, 'id') : -1;
  const label = opts.labelColumn !== undefined ? column(header.cells, opts.labelColumn, [], file, 'label') : -1;
  return rows.map((row, n) => {
    if (row.cells.length !== header.cells.length) {
      throw new ScamscanError(`CSV: row ${n + 1} (line ${row.line}) has ${row.cells.length} cells, the header has ${header.cells.length}`, file);
    }
    const out: DatasetRow = { name: `${file}#${id >= 0 ? row.cells[id] : n + 1}`, text: row.cells[t] ?? '' };
    if (label >= 0) out.label = row.cells[label]!;
    return out;
  });
}

/** The lines of a JSON Lines data set: `{id?, text, label?}` or `{id?, turns: [{speaker, text}], label?}`. */
export function jsonlRows(text: string, file: string, opts: DatasetOptions): DatasetRow[] {
  const out: DatasetRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new ScamscanError(`JSON Lines: line ${i + 1}: ${(e as Error).message}`, file);
    }
    if (typeof obj !== 'object' || obj === null) throw new ScamscanError(`JSON Lines: line ${i + 1}: not an object`, file);
    const textKey = opts.textColumn ?? 'text';
    let body: string;
    if (typeof obj[textKey] === 'string') body = obj[textKey] as string;
    else if (Array.isArray(obj.turns)) {
      body = (obj.turns as Array<Record<string, unknown>>)
        .map((t) => (typeof t.speaker === 'string' ? `${t.speaker}: ` : '') + String(t.text ?? ''))
        .join('\n');
    } else throw new ScamscanError(`JSON Lines: line ${i + 1}: no "${textKey}" string or "turns" array`, file);
    const idKey = opts.idColumn ?? 'id';
    const id = obj[idKey];
    const row: DatasetRow = { name: `${file}#${typeof id === 'string' || typeof id === 'number' ? id : i + 1}`, text: body };
    const labelKey = opts.labelColumn ?? 'label';
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
