import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { ScamscanError } from '../errors.js';
import { classifyBytes, classifyText, type CompiledLexicons } from '../index.js';
import { expandInputs } from '../batch/inputs.js';
import { parseLabel } from '../batch/dataset.js';
import { parseCsv } from '../transcript/csv.js';
import { evaluate, type EvalReport, type Labelled } from '../eval/report.js';
import type { Language, Verdict } from '../types.js';
import { readInputFile } from './io.js';

export interface EvalOptions {
  labels?: string;
  textColumn?: string;
  idColumn?: string;
  labelColumn?: string;
  positive: Verdict;
  lang?: Language;
  maxBytes: number;
}

/** labels.csv (`file,label`): keys are paths resolved against the labels file's folder. */
function readLabels(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ScamscanError('cannot read labels file', path);
  }
  const [header, ...rows] = parseCsv(text, path);
  const fileCol = header?.cells.indexOf('file') ?? -1;
  const labelCol = header?.cells.indexOf('label') ?? -1;
  if (fileCol < 0 || labelCol < 0) throw new ScamscanError('labels file needs the columns file,label', path);
  const base = dirname(resolve(path));
  return new Map(rows.map((r) => [resolve(base, r.cells[fileCol]!), r.cells[labelCol]!]));
}

/** Classifies every labelled input and computes the report. Unlabelled inputs are errors, never dropped. */
export function runEval(paths: string[], opts: EvalOptions, lexicons: CompiledLexicons): EvalReport {
  const labels = opts.labels ? readLabels(opts.labels) : new Map<string, string>();
  const items: Labelled[] = [];
  const errors: EvalReport['errors'] = [];
  const options = opts.lang ? { language: opts.lang } : {};
  const skip = new Set(opts.labels ? [resolve(opts.labels)] : []);
  for (const input of expandInputs(paths, { ...opts, skip })) {
    try {
      if (input.kind === 'error') throw new ScamscanError(input.error, input.name);
      if (input.kind === 'row') {
        if (input.label === undefined) throw new ScamscanError('no label (use --label-column)', input.name);
        items.push({ name: input.name, scam: parseLabel(input.label, input.name), result: classifyText(input.text, { ...options, file: input.name }, lexicons) });
        continue;
      }
      const label = labels.get(resolve(input.path));
      if (label === undefined) throw new ScamscanError(`not in the labels file${opts.labels ? ` ${basename(opts.labels)}` : ' (use --labels)'}`, relative('.', input.path) || input.path);
      const bytes = readInputFile(input.path, opts.maxBytes);
      items.push({ name: input.name, scam: parseLabel(label, input.name), result: classifyBytes(bytes, { ...options, file: input.name }, lexicons) });
    } catch (e) {
      if (!(e instanceof ScamscanError)) throw e;
      errors.push({ name: input.name, error: e.problem });
    }
  }
  return evaluate(items, opts.positive, errors);
}
