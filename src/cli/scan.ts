import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isError, type ScanRecord } from '../report/record.js';
import { scanEntries } from '../batch/scan.js';
import { runTask, TIME_LIMIT, type TaskOutput, type TaskSettings } from '../batch/task.js';
import { loadLexicons } from '../node/classify.js';
import { ScamscanError } from '../errors.js';
import { walkEntries } from '../batch/walk.js';
import { safeText } from '../report/safe.js';
import { FULL_RESULT_FORMATS, ScanOutput, SCAN_FORMATS, type ScanFormat } from '../report/scanOutput.js';
import { formatScanPretty } from '../report/scanPretty.js';
import { ScanProgress } from '../report/scanProgress.js';
import { ScanSummary } from '../report/scanSummary.js';
import { HtmlReport } from '../report/html/report.js';
import { ReportFile } from './reportFile.js';
import { prepareLexicons } from '../index.js';
import { INPUT_FORMATS } from '../core/transcript/index.js';
import type { Language } from '../types.js';
import type { CliIO } from './io.js';
import { collect, LEXICONS_FLAGS, MB, packageVersion, positiveNumber, readStdinInput, stoppedBy, useColor, type CliState, type Outcome } from './shared.js';
import { FAIL_ON, type FailOn } from '../node/config/schema.js';
import { configAdjustments } from './config.js';
import type { Adjustments } from '../core/call/adjust.js';
import { shows, type ResultFilter } from '../report/filter.js';
import { addFilterOptions, filterOf, type FilterFlags } from './filters.js';

export interface ScanCliOptions {
  format?: ScanFormat;
  lang?: Language;
  lexicons?: string[];
  inputFormat?: string;
  textColumn?: string;
  idColumn?: string;
  maxSize: number;
  /** Worker threads asked for; absent: one fewer than the CPUs (at least 2), when the batch is large enough to pay for them. */
  jobs?: number;
  include?: string[];
  exclude?: string[];
  followSymlinks?: boolean;
  quiet?: boolean;
  color: boolean;
  failOn: FailOn;
  stats?: boolean;
  /** From the config file: thresholds, disabled entries, allow-list. */
  adjust?: Adjustments;
  /** Also write the HTML report to this file. */
  report?: string;
  /** Which results are shown (errors always are). */
  filter?: ResultFilter;
  /** Seconds one file may take before it becomes an error record. */
  timeLimit?: number;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * `scan -`: the transcript piped on stdin. More than `maxBytes` is an error record, as a file's would
 * be, and the scan goes on; a terminal on stdin stops it (there is no input).
 */
async function readStdin(io: CliIO, maxBytes: number): Promise<Uint8Array | ScanRecord> {
  try {
    return await readStdinInput(io, maxBytes, 'pipe a transcript on stdin, or give files and folders');
  } catch (e) {
    if (io.stdinIsTTY || !(e instanceof ScamscanError)) throw e;
    return { file: '-', error: e.problem };
  }
}

/** Scans the paths and writes the results; returns the outcome, for the exit code. `signal` is Ctrl-C, wired at the edge. */
export async function runScan(paths: string[], opts: ScanCliOptions, io: CliIO, signal: AbortSignal): Promise<Outcome> {
  const started = performance.now();
  const format: ScanFormat = opts.format ?? (io.stdoutIsTTY ? 'pretty' : 'ndjson');
  const note = (path: string, message: string) => void (opts.quiet || io.stderr(`scamscan: ${safeText(path)}: ${message}\n`));
  // `-` is stdin: one transcript, read first and scanned before the files.
  const stdin = paths.includes('-') ? await readStdin(io, opts.maxSize * MB) : null;
  const files = paths.filter((p) => p !== '-');
  const entries = files.length
    ? walkEntries(files, { include: opts.include, exclude: opts.exclude, followSymlinks: opts.followSymlinks, ignoreFiles: true, onNote: note })
    : [];
  if (entries.length === 0 && !stdin) note(paths.join(' '), 'no transcript files found');

  const progress = io.stderrIsTTY && !opts.quiet && entries.length > 0 ? new ScanProgress(io.stderr, entries.length) : null;
  // On a terminal the bar shares the screen with stdout: erase it before printing results.
  const output = new ScanOutput(
    format,
    (text) => {
      if (io.stdoutIsTTY) progress?.clear();
      io.stdout(text);
    },
    FULL_RESULT_FORMATS.includes(format) ? packageVersion() : undefined,
  );
  const summary = new ScanSummary();
  const reportFile = opts.report ? new ReportFile(opts.report) : null;
  const report = reportFile ? new HtmlReport(reportFile.write) : null;
  let flagged = 0;
  let done = 0;
  const onProgress = (out: TaskOutput) => {
    for (const r of out.records) if (!isError(r) && r.verdict !== 'clean') flagged++;
    if (out.done) done++;
    progress?.update(done, flagged);
  };
  const filter = opts.filter ?? {};
  const write = (records: ScanRecord[]) => {
    for (const r of records) {
      // Filtered-out results are counted, and weigh in the exit code, but are not shown.
      const shown = isError(r) || shows(filter, r);
      summary.add(r, shown);
      if (!shown) continue;
      output.write(r);
      report?.add(r);
    }
  };

  const settings: TaskSettings = {
    lexicons: opts.lexicons ?? [],
    ...opts.adjust,
    ...(opts.lang ? { language: opts.lang } : {}),
    ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}),
    ...(opts.textColumn !== undefined ? { textColumn: opts.textColumn } : {}),
    ...(opts.idColumn !== undefined ? { idColumn: opts.idColumn } : {}),
    maxBytes: opts.maxSize * MB,
    ...(opts.timeLimit !== undefined ? { timeLimit: opts.timeLimit } : {}),
    withJson: format === 'json' || format === 'ndjson',
    ...(FULL_RESULT_FORMATS.includes(format) ? { withResult: true } : {}),
    ...(report ? { withReport: true } : {}),
  };
  if (stdin) {
    if (!(stdin instanceof Uint8Array)) write([stdin]);
    else runTask({ index: -1, path: '-', bytes: stdin }, settings, loadLexicons(settings.lexicons), (out) => write(out.records));
  }
  const scanned = await scanEntries(entries, settings, {
    jobs: opts.jobs ?? availableParallelism(),
    forced: opts.jobs !== undefined,
    signal,
    write,
    progress: onProgress,
  }).catch((e: unknown) => {
    reportFile?.abort();
    throw e;
  });
  const outcome = stdin
    ? { ...scanned, files: scanned.files + 1, done: scanned.done + 1, bytes: scanned.bytes + (stdin instanceof Uint8Array ? stdin.length : 0) }
    : scanned;
  progress?.clear();
  const totals = summary.toJson(outcome, (performance.now() - started) / 1000);
  output.end(totals);
  if (report && reportFile) {
    const { thresholds } = prepareLexicons({ lexicons: opts.lexicons ?? [], ...opts.adjust }).lexicons.model;
    try {
      report.end({ seconds: totals.seconds, interrupted: outcome.interrupted, thresholds });
      reportFile.commit();
    } catch (e) {
      reportFile.abort(); // a full disk: an error, never "report written"
      throw e;
    }
    note(reportFile.path, `report written (${n(totals.results)} results)`);
  }
  if (format === 'pretty') io.stdout(formatScanPretty(summary, totals, { color: useColor(opts.color, io) }));

  if (outcome.interrupted) {
    io.stderr(
      `scamscan: interrupted: ${n(totals.scanned)} of ${n(totals.files)} files scanned, ${n(totals.notScanned)} not scanned (${n(totals.results)} results written)\n`,
    );
  } else if (progress && format !== 'pretty') {
    io.stderr(
      `scamscan: ${n(totals.scanned)} files in ${totals.seconds} s (${n(totals.filesPerSecond)} files/s): ${n(totals.verdicts.scam)} scam, ${n(totals.verdicts.suspicious)} suspicious, ${n(totals.errors)} errors\n`,
    );
  }
  if (opts.stats) {
    const usage = process.resourceUsage();
    io.stderr(
      `scamscan: stats: ${totals.seconds} s, ${n(totals.filesPerSecond)} files/s, ${totals.megabytesPerSecond} MB/s, ` +
        `${totals.threads || 'no'} worker threads${totals.threads === 0 && opts.jobs === undefined && availableParallelism() > 1 ? ' (a small batch: --jobs N to use them anyway)' : ''}, peak RSS ${(usage.maxRSS / 1024).toFixed(1)} MB, CPU ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(2)} s\n`,
    );
  }
  return { interrupted: outcome.interrupted, failed: totals.errors > 0, verdicts: summary.seen(), failOn: opts.failOn };
}

function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return v;
}

export function scanCommand(cmd: Command, io: CliIO, state: CliState): void {
  const command = cmd
    .command('scan')
    .description('classify every transcript under files and folders, in parallel, streaming results in path order')
    .argument('<paths...>', 'transcript files, folders (walked recursively), or CSV / JSON Lines data sets; - reads one transcript from stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty on a terminal, else ndjson)').choices(SCAN_FORMATS))
    .addOption(new Option('-l, --lang <language>', 'force the language instead of detecting it').choices(['en', 'fr']))
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable; entries with the same id override built-in ones)', collect)
    .addOption(
      new Option('--input-format <format>', 'the transcript format of every file instead of detecting it').choices(['auto', ...INPUT_FORMATS]).default('auto'),
    )
    .option('--text-column <name>', 'data sets: the column holding the transcript')
    .option('--id-column <name>', 'data sets: the column naming each row (default: the row number)')
    .option('--max-size <MB>', 'report files larger than this many megabytes as errors', positiveNumber, 50)
    .option('--time-limit <seconds>', 'report a file (or data set row) still being read after this many seconds as an error', positiveNumber, TIME_LIMIT)
    .addOption(
      new Option(
        '-j, --jobs <n>',
        'worker threads (1: all in the main thread; default: one fewer than the CPUs, at least 2, when the batch is over 2,000 files or 10 MB)',
      ).argParser(positiveInt),
    )
    .option('--include <glob>', 'scan only files matching this glob instead of the transcript extensions (repeatable)', collect)
    .option('--exclude <glob>', 'skip files and folders matching this glob (repeatable)', collect)
    .option('--follow-symlinks', 'follow symbolic links found in folders (loops are detected)')
    .option('-q, --quiet', 'no progress bar and no notes on stderr')
    .option('--no-color', 'no colour, even on a terminal')
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when any verdict is at or above this').choices(FAIL_ON).default('scam'))
    .option('--stats', 'print time, speed and peak memory on stderr at the end')
    .option('--report <file>', 'also write a self-contained HTML report: summary, charts, a table of all files, highlighted transcripts');
  addFilterOptions(command)
    .addHelpText(
      'after',
      `
Files: folders are walked recursively for .txt .srt .vtt .json .jsonl .csv files, skipping hidden
names and node_modules. A .scamscanignore file in any folder lists globs to skip (.gitignore rules:
# comments, ! to re-include, a trailing / for folders). Globs: * ? ** [0-9] [!a] {a,b}; a glob without / matches
names at any depth. Files named on the command line are always scanned. .csv and .jsonl files are
data sets: one result per row, named data.csv#12 (row number) or by --id-column; CSV cells are
separated by , or ; (whichever the header line has more of); a row that cannot be read is an error
record naming its line, and the other rows still give results.

Output: one result per file or data set row, sorted by path, every file exactly once (a file that
cannot be read is a { "file", "error" } result). ndjson lines are the JSON of \`classify --format json\`;
csv has the columns file,verdict,score,strength,language,alert,utterances,stages,driver,
top_categories,top_quote,top_line,error. sarif is a SARIF 2.1.0 log and github one GitHub Actions
annotation per flagged call (::error for scam, ::warning for suspicious) at its strongest evidence.

Examples:
  $ scamscan scan calls/
  $ scamscan scan calls/ --format ndjson > results.ndjson
  $ scamscan scan calls/ --include '**/*.{txt,srt}' --exclude 'drafts/' --format csv > results.csv
  $ scamscan scan data/test.csv --text-column dialogue --id-column call_id --format json
  $ scamscan scan /mnt/archive --jobs 4 --fail-on suspicious --quiet
  $ scamscan scan calls/ --report report.html     # also a self-contained HTML page to open offline

Exit codes: 0 below --fail-on, 1 at or above it, 2 when any file failed, 130 when interrupted (Ctrl-C).`,
    )
    .action(async (paths: string[], opts: ScanCliOptions & FilterFlags) => {
      // Ctrl-C stops the scan and flushes what is done; a second one quits at once.
      const controller = new AbortController();
      const stopListening = io.stopOnInterrupt?.(controller);
      try {
        state.outcome = stoppedBy(
          await runScan(paths, { ...opts, adjust: configAdjustments(state), filter: filterOf(opts) }, io, controller.signal),
          controller.signal,
        );
      } finally {
        stopListening?.();
      }
    });
}
