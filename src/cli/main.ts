import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ScamscanError } from '../errors.js';
import { classifyBytes, loadLexicons } from '../index.js';
import { checkExamples } from '../lexicon/check.js';
import { compileLexicons } from '../lexicon/compile.js';
import { loadLexiconSet, BUILTIN_DIR } from '../lexicon/load.js';
import { formatJson } from '../report/json.js';
import { formatPretty } from '../report/pretty.js';
import { safeText } from '../report/safe.js';
import type { Language, Result, Verdict } from '../types.js';
import { CATEGORIES, VERDICTS } from '../types.js';
import { runEval, type EvalOptions } from './eval.js';
import { formatEvalJson, formatEvalPretty } from '../report/eval.js';
import { processIO, readInputFile, type CliIO } from './io.js';

export const EXIT = { ok: 0, flagged: 1, error: 2, interrupted: 130 } as const;

type FailOn = Verdict | 'never';

/** Exit codes are decided here: 1 when a verdict is at or above --fail-on. */
export function exitFor(verdicts: Verdict[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT.ok;
  const bar = VERDICTS.indexOf(failOn);
  return verdicts.some((v) => VERDICTS.indexOf(v) >= bar) ? EXIT.flagged : EXIT.ok;
}

const FORMATS: Record<string, (r: Result, color: boolean) => string> = {
  pretty: (r, color) => formatPretty(r, { color }),
  json: (r) => formatJson(r),
};

function useColor(opt: boolean, io: CliIO): boolean {
  return opt && io.stdoutIsTTY && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0';
}

const MB = 1024 * 1024;
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Builds the program; every action writes through `io` and sets `state.code`. */
function program(io: CliIO, state: { code: number; verbose: boolean }): Command {
  const cmd = new Command('scamscan')
    .description('Flag technical-support scam phone calls in transcripts (English and French), with explained evidence.')
    .version(version(), '-V, --version')
    .option('--verbose', 'show stack traces on errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ scamscan classify call.txt
  $ cat call.txt | scamscan classify --format json
  $ scamscan classify appel.txt --lang fr --fail-on suspicious
  $ scamscan lexicons check ./my-lexicons

Exit codes: 0 below --fail-on, 1 at or above it, 2 on any error.`,
    );

  cmd
    .command('classify')
    .description('classify one transcript (a file, or stdin when the file is - or absent)')
    .argument('[file]', 'transcript file; - or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATS)).default('pretty'))
    .addOption(new Option('-l, --lang <language>', 'force the language instead of detecting it').choices(['en', 'fr']))
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when the verdict is at or above this').choices(['scam', 'suspicious', 'never']).default('scam'))
    .option('--lexicons <dir...>', 'extra lexicon folders (entries with the same id override built-in ones)')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', (v) => Number(v), 50)
    .option('--no-color', 'no colour, even on a terminal')
    .addHelpText(
      'after',
      `
Examples:
  $ scamscan classify samples/en-scam-anydesk-giftcards.txt
  $ scamscan classify - < call.txt
  $ scamscan classify call.txt --format json | jq .verdict`,
    )
    .action(async (file: string | undefined, opts: { format: string; lang?: Language; failOn: FailOn; lexicons?: string[]; maxSize: number; color: boolean }) => {
      const name = file === undefined || file === '-' ? '-' : file;
      let bytes: Uint8Array;
      if (name === '-') {
        if (io.stdinIsTTY) throw new ScamscanError('no input: give a transcript file or pipe text on stdin', '-');
        bytes = await io.readStdin();
      } else {
        bytes = readInputFile(name, opts.maxSize * MB);
      }
      const options = { file: name, ...(opts.lang ? { language: opts.lang } : {}) };
      const result = classifyBytes(bytes, options, loadLexicons(opts.lexicons ?? []));
      io.stdout(FORMATS[opts.format]!(result, useColor(opts.color, io)));
      state.code = exitFor([result.verdict], opts.failOn);
    });

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
    .option('--lexicons <dir...>', 'extra lexicon folders')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', (v) => Number(v), 50)
    .addHelpText(
      'after',
      `
Examples:
  $ scamscan eval samples --labels samples/labels.csv
  $ scamscan eval data/test.csv --text-column dialogue --label-column labels --format json`,
    )
    .action((paths: string[], opts: EvalOptions & { format: string; lexicons?: string[]; maxSize: number }) => {
      const report = runEval(paths, { ...opts, maxBytes: opts.maxSize * MB }, loadLexicons(opts.lexicons ?? []));
      io.stdout(opts.format === 'json' ? formatEvalJson(report) : formatEvalPretty(report));
      state.code = report.errors.length ? EXIT.error : EXIT.ok;
    });

  const lex = cmd.command('lexicons').description('inspect and check lexicons');
  lex
    .command('check')
    .description('validate lexicon folders and run every entry example and counter-example')
    .argument('[dirs...]', 'lexicon folders to check after the built-in ones (none: the built-in ones)')
    .action((dirs: string[]) => {
      const compiled = compileLexicons(loadLexiconSet([BUILTIN_DIR, ...dirs]));
      const failures = checkExamples(compiled);
      for (const f of failures) io.stderr(`${safeText(f.file)}: ${f.id}: ${safeText(f.message)}\n`);
      io.stdout(`${compiled.entries.size} entries checked, ${failures.length} failure${failures.length === 1 ? '' : 's'}\n`);
      state.code = failures.length ? EXIT.error : EXIT.ok;
    });
  lex
    .command('list')
    .description('show categories, entry counts and languages')
    .option('--lexicons <dir...>', 'extra lexicon folders')
    .action((opts: { lexicons?: string[] }) => {
      const compiled = loadLexicons(opts.lexicons ?? []);
      const rows = new Map<string, number>();
      for (const e of compiled.entries.values()) rows.set(`${e.category}\t${e.language}`, (rows.get(`${e.category}\t${e.language}`) ?? 0) + 1);
      io.stdout('category       language  entries\n');
      for (const cat of CATEGORIES)
        for (const lang of ['any', 'en', 'fr']) {
          const n = rows.get(`${cat}\t${lang}`);
          if (n) io.stdout(`${cat.padEnd(14)} ${lang.padEnd(9)} ${n}\n`);
        }
    });
  return cmd;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state = { code: EXIT.ok as number, verbose: argv.includes('--verbose') };
  try {
    await program(io, state).parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    const line = e instanceof ScamscanError ? e.message : `unexpected error: ${(e as Error).message}`;
    io.stderr(`scamscan: ${safeText(line)}\n`);
    if (state.verbose && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return EXIT.error;
  }
}
