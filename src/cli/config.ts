import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { adjustLexicons, type Adjustments } from '../core/call/adjust.js';
import { findConfig } from '../node/config/find.js';
import { readConfig } from '../node/config/read.js';
import { FAIL_ON } from '../node/config/schema.js';
import { adjustmentsOf, resolveConfig, type Effective, type Flags, type Sourced } from '../node/config/resolve.js';
import { loadLexicons } from '../index.js';
import { safeText } from '../report/safe.js';
import type { CliIO } from './io.js';
import { collect, LEXICONS_FLAGS, type CliState } from './shared.js';
import { argument } from './filters.js';
import { parseUnit } from '../report/filter.js';

/** Which option of a command each config key fills, when the flag was not given. */
const FILLED = {
  lang: 'language',
  lexicons: 'lexicons',
  failOn: 'failOn',
  format: 'format',
  scamThreshold: 'scamThreshold',
  suspiciousThreshold: 'suspiciousThreshold',
} as const;

const hasOption = (cmd: Command, key: string) => cmd.options.some((o) => o.attributeName() === key);

/** The output formats of every command that has --format (other commands' formats are checked too). */
function formatChoices(program: Command): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const c of program.commands) {
    const choices = c.options.find((o) => o.attributeName() === 'format')?.argChoices;
    if (choices) out[c.name()] = choices;
  }
  return out;
}

/**
 * The preAction hook: finds and reads the config file (--config, or the nearest scamscan.config.json
 * or .scamscanrc.json; --no-config for none), merges it under the flags given, and fills the
 * command's own options from it, with commander's `config` source, so actions read them as flags.
 */
export function applyConfig(program: Command, action: Command, io: CliIO, state: CliState): void {
  const wanted = (action.optsWithGlobals() as { config?: string | boolean }).config;
  const cwd = io.cwd ?? process.cwd();
  const file = typeof wanted === 'string' ? resolve(cwd, wanted) : wanted === false ? null : findConfig(cwd);
  const config = file ? readConfig(file) : null;

  const given = (key: string) => action.getOptionValueSource(key) === 'cli';
  const opts = action.opts();
  const flags: Flags = {};
  for (const [option, key] of Object.entries(FILLED)) if (given(option)) Object.assign(flags, { [key]: opts[option] });
  // --scam-threshold alone, below the suspicious threshold in effect, takes that one down with it.
  if (flags.scamThreshold !== undefined && flags.suspiciousThreshold === undefined) {
    const suspicious = config?.thresholds?.suspicious ?? loadLexicons(flags.lexicons ?? []).model.thresholds.suspicious;
    if (suspicious > flags.scamThreshold) flags.suspiciousThreshold = flags.scamThreshold;
  }
  const effective = resolveConfig({ file, config, flags, command: action.name(), formats: formatChoices(program) });
  state.config = effective;
  if (!file) {
    // The threshold flags are checked against each other (and the model) now, as a config file's would be.
    if (flags.scamThreshold !== undefined || flags.suspiciousThreshold !== undefined)
      adjustLexicons(loadLexicons(effective.lexicons.value), adjustmentsOf(effective));
    return;
  }

  const fill = (option: string, setting: Sourced<unknown> | undefined) => {
    if (setting && setting.from === file && setting.value !== null && setting.value !== 'auto' && hasOption(action, option) && !given(option)) {
      action.setOptionValueWithSource(option, setting.value, 'config');
    }
  };
  fill('lang', effective.language);
  fill('lexicons', effective.lexicons);
  fill('failOn', effective.failOn);
  fill('format', effective.format[action.name()]);
  // Commands that load lexicons check the adjustments now, so a mistake names the config file.
  if (hasOption(action, 'lexicons')) adjustLexicons(loadLexicons(effective.lexicons.value), adjustmentsOf(effective), file);
  // A file found above the current folder changes verdicts from afar: say which, once (config --print shows it anyway).
  if (typeof wanted !== 'string' && dirname(file) !== resolve(cwd) && action.name() !== 'config') {
    io.stderr(`scamscan: using config ${safeText(file)} (found above the current folder; --no-config to read none)\n`);
  }
}

/** What the configuration changes in scoring, to pass to classify (none before the hook ran). */
export const configAdjustments = (state: CliState): Adjustments => (state.config ? adjustmentsOf(state.config) : {});

interface Row {
  key: string;
  value: unknown;
  from: string;
}

/** The rows of `config --print`; thresholds not set come from the lexicons' model. */
function rows(e: Effective): Row[] {
  const model = loadLexicons(e.lexicons.value).model.thresholds;
  const out: Row[] = [
    { key: 'thresholds.scam', value: e.thresholds.scam.value ?? model.scam, from: e.thresholds.scam.from },
    { key: 'thresholds.suspicious', value: e.thresholds.suspicious.value ?? model.suspicious, from: e.thresholds.suspicious.from },
  ];
  for (const key of ['language', 'lexicons', 'disable', 'allow'] as const) out.push({ key, ...e[key] });
  for (const [name, s] of Object.entries(e.format)) out.push({ key: `format.${name}`, ...s });
  out.push({ key: 'failOn', ...e.failOn });
  return out;
}

const show = (r: Row) =>
  r.value === null ? `(${r.key.slice(7)}'s default)` : typeof r.value === 'string' || typeof r.value === 'number' ? String(r.value) : JSON.stringify(r.value);

export function configCommand(cmd: Command, io: CliIO, state: CliState): void {
  cmd
    .command('config')
    .description('show the effective configuration and where each value comes from (default, config file, flag)')
    .option('--print', 'print the effective configuration (what this command does)')
    .option('--json', 'print it as JSON')
    .addOption(new Option('-l, --lang <language>', 'as for classify').choices(['en', 'fr']))
    .option(LEXICONS_FLAGS, 'as for classify (repeatable)', collect)
    .addOption(new Option('--fail-on <verdict>', 'as for classify').choices(FAIL_ON))
    .addOption(new Option('--scam-threshold <score>', 'as for classify').argParser(argument(parseUnit)))
    .addOption(new Option('--suspicious-threshold <score>', 'as for classify').argParser(argument(parseUnit)))
    .addHelpText(
      'after',
      `
The config file is --config <file>, or the nearest scamscan.config.json or .scamscanrc.json in the
current folder or above (--no-config: none). Flags override it. Keys: see the README, "Customize".

Examples:
  $ scamscan config --print
  $ scamscan --config ci/scamscan.config.json config --print --fail-on never`,
    )
    .action((opts: { json?: boolean }) => {
      const e = state.config!;
      const table = rows(e);
      if (opts.json) {
        io.stdout(JSON.stringify({ file: e.file, settings: Object.fromEntries(table.map(({ key, value, from }) => [key, { value, from }])) }, null, 2) + '\n');
        return;
      }
      io.stdout(`config file: ${e.file ? safeText(e.file) : '(none)'}\n`);
      const width = Math.max(...table.map((r) => r.key.length));
      const valueWidth = Math.min(40, Math.max(...table.map((r) => show(r).length)));
      for (const r of table) io.stdout(`${r.key.padEnd(width)}  ${safeText(show(r)).padEnd(valueWidth)}  ${safeText(r.from)}\n`);
    });
}
