import { dirname, resolve } from 'node:path';
import { ScamscanError } from '../../errors.js';
import type { Language } from '../../types.js';
import type { Adjustments } from '../../core/call/adjust.js';
import type { Config, FailOn } from './schema.js';

/** A setting and where it came from: `default`, the config file's path, or the flag (`--fail-on`). */
export interface Sourced<T> {
  value: T;
  from: string;
}

/** The configuration in effect for one command: built-in defaults, then the config file, then flags. */
export interface Effective {
  /** The config file read, or null. */
  file: string | null;
  /** null: the threshold of the lexicons' model.json. */
  thresholds: { scam: Sourced<number | null>; suspicious: Sourced<number | null> };
  language: Sourced<Language | 'auto'>;
  /** Extra lexicon folders, after the built-in ones. */
  lexicons: Sourced<string[]>;
  disable: Sourced<string[]>;
  allow: Sourced<string[]>;
  /** Per command that has --format; null: the command's own default. */
  format: Record<string, Sourced<string | null>>;
  failOn: Sourced<FailOn>;
}

/** The flags given on the command line (only those given). */
export interface Flags {
  language?: Language;
  lexicons?: string[];
  failOn?: FailOn;
  /** --format of the command being run. */
  format?: string;
  /** --scam-threshold and --suspicious-threshold. */
  scamThreshold?: number;
  suspiciousThreshold?: number;
}

export interface ResolveInput {
  file: string | null;
  config: Config | null;
  flags: Flags;
  /** The command being run, for --format. */
  command: string;
  /** The output formats of each command that has --format. */
  formats: Record<string, readonly string[]>;
}

/** Merges defaults, the config file and flags; pure. Lexicon folders of the file are made relative to it. */
export function resolveConfig({ file, config, flags, command, formats }: ResolveInput): Effective {
  const fromFile = <T>(value: T | undefined, fallback: T): Sourced<T> =>
    file && value !== undefined ? { value, from: file } : { value: fallback, from: 'default' };
  const flagOr = <T>(flag: string, value: T | undefined, other: Sourced<T>): Sourced<T> => (value !== undefined ? { value, from: flag } : other);
  const c = config ?? {};
  const base = file ? dirname(file) : '.';
  return {
    file,
    thresholds: {
      scam: flagOr<number | null>('--scam-threshold', flags.scamThreshold, fromFile(c.thresholds?.scam, null)),
      suspicious: flagOr<number | null>('--suspicious-threshold', flags.suspiciousThreshold, fromFile(c.thresholds?.suspicious, null)),
    },
    language: flagOr('--lang', flags.language, fromFile(c.language, 'auto')),
    lexicons: flagOr(
      '--lexicons',
      flags.lexicons,
      fromFile(
        c.lexicons?.map((d) => resolve(base, d)),
        [],
      ),
    ),
    disable: fromFile(c.disable, []),
    allow: fromFile(c.allow, []),
    format: resolveFormats(file, c.format, formats, command, flags.format),
    failOn: flagOr('--fail-on', flags.failOn, fromFile(c.failOn, 'scam')),
  };
}

/**
 * A format named once applies to every command that has it (and must be a format of at least one);
 * a format named per command must be one of that command's.
 */
function resolveFormats(file: string | null, format: Config['format'], formats: Record<string, readonly string[]>, command: string, flag: string | undefined) {
  const out: Record<string, Sourced<string | null>> = {};
  // No commands (the library's loadConfig): output formats are not its business.
  if (Object.keys(formats).length === 0) return out;
  if (typeof format === 'string' && !Object.values(formats).some((choices) => choices.includes(format))) {
    throw new ScamscanError(`format: "${format}" is not an output format (${[...new Set(Object.values(formats).flat())].join(', ')})`, file ?? undefined);
  }
  if (format && typeof format === 'object') {
    for (const [name, value] of Object.entries(format)) {
      const choices = formats[name];
      if (value !== undefined && choices && !choices.includes(value))
        throw new ScamscanError(`format.${name}: "${value}" is not an output format of ${name} (${choices.join(', ')})`, file ?? undefined);
    }
  }
  for (const [name, choices] of Object.entries(formats)) {
    const wanted = typeof format === 'string' ? format : format?.[name as keyof typeof format];
    if (name === command && flag !== undefined) out[name] = { value: flag, from: '--format' };
    else if (file && wanted !== undefined && choices.includes(wanted)) out[name] = { value: wanted, from: file };
    else out[name] = { value: null, from: 'default' };
  }
  return out;
}

/** What the configuration changes in scoring, for classify and the library API. */
export function adjustmentsOf(e: Effective): Adjustments {
  const thresholds: Adjustments['thresholds'] = {};
  if (e.thresholds.scam.value !== null) thresholds.scam = e.thresholds.scam.value;
  if (e.thresholds.suspicious.value !== null) thresholds.suspicious = e.thresholds.suspicious.value;
  return {
    ...(Object.keys(thresholds).length ? { thresholds } : {}),
    ...(e.disable.value.length ? { disable: e.disable.value } : {}),
    ...(e.allow.value.length ? { allow: e.allow.value } : {}),
  };
}
