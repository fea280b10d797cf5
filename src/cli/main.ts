import { Command, CommanderError } from 'commander';
import { EXIT, ScamscanError } from '../errors.js';
import { safeText } from '../report/safe.js';
import { applyConfig, configCommand } from './config.js';
import { processIO, type CliIO } from './io.js';
import { packageVersion, type CliState, type Outcome } from './shared.js';
import type { FailOn } from '../node/config/schema.js';
import { VERDICTS, type Verdict } from '../types.js';

export { EXIT };

/** 1 when a verdict is at or above --fail-on, else 0. */
export function exitFor(verdicts: readonly Verdict[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT.ok;
  const bar = VERDICTS.indexOf(failOn);
  return verdicts.some((v) => VERDICTS.indexOf(v) >= bar) ? EXIT.flagged : EXIT.ok;
}

/**
 * The exit code, decided here only: from what the command reported when it ran to its end (130
 * interrupted, 2 when something failed, else by --fail-on), or from what it threw (a typed error's
 * own code; commander's usage errors and anything unexpected: 2).
 */
function exitCode(ended: { outcome: Outcome } | { error: unknown }): number {
  if ('outcome' in ended) {
    const o = ended.outcome;
    if (o.interrupted) return o.interrupted === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
    if (o.failed) return EXIT.error;
    return o.verdicts && o.failOn ? exitFor(o.verdicts, o.failOn) : EXIT.ok;
  }
  const e = ended.error;
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.error; // help and version exit 0
  if (e instanceof ScamscanError) return e.exitCode;
  return EXIT.error;
}

type Register = (cmd: Command, io: CliIO, state: CliState) => void;

/**
 * Each command's module, loaded only when that command runs (all of them for help, `config` or an
 * unknown command), so `classify` does not pay for the HTML report, the worker pool or `watch`.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  classify: async () => (await import('./classify.js')).classifyCommand,
  scan: async () => (await import('./scan.js')).scanCommand,
  watch: async () => (await import('./watch.js')).watchCommand,
  eval: async () => (await import('./eval.js')).evalCommand,
  lexicons: async () => (await import('./lexicons.js')).lexiconsCommand,
  config: async () => configCommand,
};

/** The command named in argv (skipping global options and the value of --config), if any. */
function commandIn(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--config') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** Builds the program; every action writes through `io` and reports its outcome in `state`. */
async function program(io: CliIO, state: CliState, argv: string[]): Promise<Command> {
  const cmd = new Command('scamscan')
    .description('Flag technical-support scam phone calls in transcripts (English and French), with explained evidence.')
    .version(packageVersion(), '-V, --version')
    .option('--verbose', 'show stack traces on errors')
    .option('--config <file>', 'config file (default: the nearest scamscan.config.json or .scamscanrc.json)')
    .option('--no-config', 'read no config file')
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
  $ scamscan classify call.txt --explain       # the transcript, highlighted, with the risk timeline
  $ scamscan scan calls/ --report report.html  # one self-contained HTML page for a whole folder
  $ stt-stream | scamscan watch                # live: one JSON event per utterance as it arrives
  $ scamscan lexicons check ./my-lexicons
  $ scamscan config --print              # the settings in effect: scamscan.config.json, flags

Exit codes: 0 below --fail-on, 1 at or above it, 2 on any error.`,
    );

  const named = commandIn(argv);
  // `config --print` reports every command's settings, so it needs them all too.
  const wanted = named !== undefined && named in COMMANDS && named !== 'config' ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]!())(cmd, io, state);
  // The config file fills the options of whichever command runs, under the flags given.
  cmd.hook('preAction', (_program, action) => applyConfig(cmd, action, io, state));
  return cmd;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: CliState = { outcome: {}, verbose: argv.includes('--verbose') };
  try {
    await (await program(io, state, argv)).parseAsync(argv, { from: 'user' });
    return exitCode(state);
  } catch (e) {
    // Usage errors were already printed by commander.
    if (!(e instanceof CommanderError)) {
      const line = e instanceof ScamscanError ? e.message : `unexpected error: ${(e as Error).message}`;
      io.stderr(`scamscan: ${safeText(line)}\n`);
      if (state.verbose && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    }
    return exitCode({ error: e });
  }
}
