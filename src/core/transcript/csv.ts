import { ScamscanError } from '../../errors.js';

export interface CsvRow {
  /** 1-based line where the row starts in the source. */
  line: number;
  cells: string[];
  /** Offset in the source where each cell's content starts (inside the quotes when quoted). */
  offsets: number[];
}

/** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string, file = '-'): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const row: CsvRow = { line, cells: [], offsets: [] };
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const startLine = line;
        i++;
        row.offsets.push(i);
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new ScamscanError(`CSV: unterminated quoted cell starting on line ${startLine}`, file);
          const chunk = text.slice(i, q);
          for (const ch of chunk) if (ch === '\n') line++;
          cell += chunk;
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
      } else {
        row.offsets.push(i);
        let j = i;
        while (j < text.length && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        cell = text.slice(i, j);
        i = j;
      }
      row.cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (!(row.cells.length === 1 && row.cells[0] === '')) rows.push(row);
  }
  return rows;
}
