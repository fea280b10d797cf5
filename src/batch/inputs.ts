import { resolve } from 'node:path';
import { ScamscanError } from '../errors.js';
import { decode } from '../core/transcript/decode.js';
import { csvRows, jsonlRows, type DatasetOptions } from './dataset.js';
import { walk } from './walk.js';
import { readInputFile } from '../node/read.js';

/** One transcript to classify: a whole file, or one row of a data set file. */
export type Input =
  { kind: 'file'; name: string; path: string } | { kind: 'row'; name: string; text: string; label?: string } | { kind: 'error'; name: string; error: string };

const DATASETS: Record<string, typeof csvRows> = { csv: csvRows, jsonl: jsonlRows };

/** The row reader of a data set file (CSV, JSON Lines: one transcript per row), or undefined for a transcript file. */
export function datasetReader(path: string): typeof csvRows | undefined {
  return DATASETS[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
}

/** Expands files and folders into inputs; data set files become one input per row. Errors are inputs too. */
export function expandInputs(paths: string[], opts: DatasetOptions & { maxBytes: number; skip?: Set<string> }): Input[] {
  const out: Input[] = [];
  for (const path of walk(paths)) {
    if (opts.skip?.has(resolve(path))) continue;
    const rows = datasetReader(path);
    if (!rows) {
      out.push({ kind: 'file', name: path, path });
      continue;
    }
    try {
      const { text } = decode(readInputFile(path, opts.maxBytes), path);
      for (const r of rows(text, path, opts)) out.push(r.error !== undefined ? { kind: 'error', name: r.name, error: r.error } : { kind: 'row', ...r });
    } catch (e) {
      out.push({ kind: 'error', name: path, error: e instanceof ScamscanError ? e.problem : String(e) });
    }
  }
  return out;
}
