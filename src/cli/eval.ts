import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { ScamscanError } from '../errors.js';
import { classifyBytes, classifyText, type CompiledLexicons } from '../index.js';
import { expandInputs } from '../batch/inputs.js';
import { parseLabel } from '../batch/dataset.js';
import { parseCsv } from '../core/transcript/csv.js';
import { evaluate, type EvalReport, type Labelled } from '../eval/report.js';
import { defaultThresholds } from '../eval/sweep.js';
import { argument } from './filters.js';
import { parseUnit } from '../report/filter.js';
import type { Language, Verdict } from '../types.js';
import type { CliIO } from './io.js';
import { readInputFile } from '../node/read.js';
import { Command, Option } from 'commander';
import { formatEvalJson, formatEvalPretty } from '../report/eval.js';
import { loadLexicons } from '../index.js';
import { collect, LEXICONS_FLAGS, MB, positiveNumber, type CliState } from './shared.js';
import { configAdjustments } from './config.js';
import type { Adjustments } from '../core/call/adjust.js';

export interface EvalOptions {
  labels?: string;
  textColumn?: string;
  idColumn?: string;
  labelColumn?: string;
  positive: Verdict;
  lang?: Language;
  maxBytes: number;
  /** From the config file: thresholds, disabled entries, allow-list. */
  adjust?: Adjustments;
  sweep?: boolean;
  targetFpr?: number;
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
  const options = { ...opts.adjust, ...(opts.lang ? { language: opts.lang } : {}) };
  const skip = new Set(opts.labels ? [resolve(opts.labels)] : []);
  for (const input of expandInputs(paths, { ...opts, skip })) {
    try {
      if (input.kind === 'error') throw new ScamscanError(input.error, input.name);
      if (input.kind === 'row') {
        if (input.label === undefined) throw new ScamscanError('no label (use --label-column)', input.name);
        items.push({
          name: input.name,
          scam: parseLabel(input.label, input.name),
          result: classifyText(input.text, { ...options, file: input.name }, lexicons),
        });
        continue;
      }
      const label = labels.get(resolve(input.path));
      if (label === undefined)
        throw new ScamscanError(
          `not in the labels file${opts.labels ? ` ${basename(opts.labels)}` : ' (use --labels)'}`,
          relative('.', input.path) || input.path,
        );
      const bytes = readInputFile(input.path, opts.maxBytes);
      items.push({ name: input.name, scam: parseLabel(label, input.name), result: classifyBytes(bytes, { ...options, file: input.name }, lexicons) });
    } catch (e) {
      if (!(e instanceof ScamscanError)) throw e;
      errors.push({ name: input.name, error: e.problem });
    }
  }
  const model = { ...lexicons.model.thresholds, ...opts.adjust?.thresholds };
  return evaluate(
    items,
    opts.positive,
    errors,
    opts.sweep || opts.targetFpr !== undefined
      ? { thresholds: defaultThresholds([model.scam, model.suspicious]), targetFpr: opts.targetFpr ?? 0.01 }
      : undefined,
  );
}

export function evalCommand(cmd: Command, io: CliIO, state: CliState): void {
  cmd
    .command('eval')
    .description('measure accuracy against labelled transcripts: precision, recall, F1, FPR, ROC AUC, by language and format')
    .argument('<paths...>', 'transcript files, folders, or CSV / JSON Lines data sets')
    .option('--labels <file>', 'CSV with columns file,label (label scam or legit); paths relative to the labels file')
    .option('--text-column <name>', 'data sets: the column holding the transcript')
    .option('--id-column <name>', 'data sets: the column naming each row')
    .option('--label-column <name>', 'data sets: the column holding the label (scam/legit or 1/0)')
    .addOption(new Option('--positive <verdict>', 'the verdict that counts as flagged').choices(['scam', 'suspicious']).default('scam'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .addOption(new Option('-l, --lang <language>', 'force the language').choices(['en', 'fr']))
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable)', collect)
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', positiveNumber, 50)
    .option('--sweep', 'also tabulate precision, recall and false-positive rate per score threshold, and the threshold for --target-fpr')
    .addOption(new Option('--target-fpr <rate>', 'with --sweep: the highest false-positive rate to accept (default 0.01)').argParser(argument(parseUnit)))
    .addOption(new Option('--scam-threshold <score>', 'the verdict is scam from this score').argParser(argument(parseUnit)))
    .addOption(new Option('--suspicious-threshold <score>', 'the verdict is suspicious from this score').argParser(argument(parseUnit)))
    .addHelpText(
      'after',
      `
Examples:
  $ scamscan eval samples --labels samples/labels.csv
  $ scamscan eval data/test.csv --text-column dialogue --label-column labels --format json
  $ scamscan eval samples --labels samples/labels.csv --sweep --target-fpr 0.05`,
    )
    .action((paths: string[], opts: EvalOptions & { format: string; lexicons?: string[]; maxSize: number }) => {
      const report = runEval(paths, { ...opts, maxBytes: opts.maxSize * MB, adjust: configAdjustments(state) }, loadLexicons(opts.lexicons ?? []));
      io.stdout(opts.format === 'json' ? formatEvalJson(report) : formatEvalPretty(report));
      state.outcome = { failed: report.errors.length > 0 };
    });
}
