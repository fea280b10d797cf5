import { Command, Option } from 'commander';
import { ScamscanError } from '../errors.js';
import { classifyBytes, loadLexicons } from '../index.js';
import { formatJson } from '../report/json.js';
import { githubError, githubResult, sarifLog } from '../report/ci.js';
import { safeJson } from '../report/safe.js';
import { EVIDENCE_ORDERS, formatPretty, type EvidenceOrder } from '../report/pretty.js';
import type { Language, Result } from '../types.js';
import type { CliIO } from './io.js';
import { readInputFile } from '../node/read.js';
import { INPUT_FORMATS } from '../core/transcript/index.js';
import { collect, LEXICONS_FLAGS, MB, packageVersion, positiveNumber, readStdinInput, useColor, type CliState } from './shared.js';
import { FAIL_ON, type FailOn } from '../node/config/schema.js';
import { configAdjustments } from './config.js';
import { columns, writeExplain, type ExplainFlags } from './classifyExplain.js';
import { addFilterOptions, filterOf, type FilterFlags } from './filters.js';
import { shows } from '../report/filter.js';

interface Shown {
  color: boolean;
  width: number;
  order: EvidenceOrder;
}

const FORMATS: Record<string, (r: Result, shown: Shown) => string> = {
  pretty: (r, shown) => formatPretty(r, shown),
  json: (r) => formatJson(r),
  sarif: (r) => sarifLog(packageVersion(), r),
  github: (r) => githubResult(r),
};

/**
 * Under a machine format an input that cannot be classified is a record too, on stdout (the one-line
 * error still goes to stderr, and the exit code is 2): `{"file", "error"}`, a SARIF log with a
 * notification, or a GitHub error annotation.
 */
const ERROR_FORMATS: Record<string, (file: string, error: string) => string> = {
  json: (file, error) => safeJson({ file, error }, 2) + '\n',
  sarif: (file, error) => sarifLog(packageVersion(), null, [{ file, error }]),
  github: (file, error) => githubError(file, error),
};

export function classifyCommand(cmd: Command, io: CliIO, state: CliState): void {
  const command = cmd
    .command('classify')
    .description('classify one transcript (a file, or stdin when the file is - or absent)')
    .argument('[file]', 'transcript file; - or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATS)).default('pretty'))
    .addOption(new Option('-l, --lang <language>', 'force the language instead of detecting it').choices(['en', 'fr']))
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when the verdict is at or above this').choices(FAIL_ON).default('scam'))
    .addOption(new Option('--input-format <format>', 'the transcript format instead of detecting it').choices(['auto', ...INPUT_FORMATS]).default('auto'))
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable; entries with the same id override built-in ones)', collect)
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', positiveNumber, 50)
    .option('--no-color', 'no colour, even on a terminal')
    .option(
      '--explain',
      'show the transcript with each matched phrase highlighted, where the alert fired and the risk timeline (for a terminal: not with --format)',
    )
    .option('--width <columns>', 'line width (default: the terminal width, else $COLUMNS, else 80; 100 for --explain)', columns)
    .addOption(new Option('--order <order>', 'evidence strongest first, or in transcript order').choices(EVIDENCE_ORDERS).default('contribution'));
  addFilterOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ scamscan classify samples/en-scam-popup-defender-anydesk-googleplay.txt
  $ scamscan classify call.txt --explain
  $ scamscan classify - < call.txt
  $ scamscan classify call.txt --format json | jq .verdict`,
    )
    .action(
      async (
        file: string | undefined,
        opts: { format: string; inputFormat: string; lang?: Language; failOn: FailOn; lexicons?: string[]; maxSize: number; color: boolean },
      ) => {
        const name = file === undefined || file === '-' ? '-' : file;
        const flags = opts as typeof opts & ExplainFlags & FilterFlags & { order?: EvidenceOrder };
        if (flags.explain && command.getOptionValueSource('format') === 'cli' && opts.format !== 'pretty')
          throw new ScamscanError(`--explain is for reading on a terminal and has no --format ${opts.format}: use one or the other`);
        let result: Result;
        try {
          let bytes: Uint8Array;
          if (name === '-') {
            bytes = await readStdinInput(io, opts.maxSize * MB, 'give a transcript file or pipe text on stdin');
          } else {
            bytes = readInputFile(name, opts.maxSize * MB);
          }
          const options = { file: name, inputFormat: opts.inputFormat, ...(opts.lang ? { language: opts.lang } : {}) };
          if (flags.explain) {
            const verdict = writeExplain(bytes, { ...options, ...configAdjustments(state), lexicons: opts.lexicons ?? [] }, flags, io);
            state.outcome = { verdicts: [verdict], failOn: opts.failOn };
            return;
          }
          result = classifyBytes(bytes, { ...options, ...configAdjustments(state) }, loadLexicons(opts.lexicons ?? []));
        } catch (e) {
          const record = ERROR_FORMATS[opts.format];
          if (record && e instanceof ScamscanError && !flags.explain) io.stdout(record(e.file ?? name, e.problem));
          throw e;
        }
        state.outcome = { verdicts: [result.verdict], failOn: opts.failOn };
        // A result the filters leave out prints nothing; the exit code still weighs it.
        if (!shows(filterOf(flags), result)) return;
        const width = flags.width ?? io.columns ?? (Number(io.env.COLUMNS) || 80);
        io.stdout(FORMATS[opts.format]!(result, { color: useColor(opts.color, io), width, order: flags.order ?? 'contribution' }));
      },
    );
}
