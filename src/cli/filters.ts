import { Command, InvalidArgumentError, Option } from 'commander';
import { parseCategories, parseUnit, parseVerdicts, type ResultFilter } from '../report/filter.js';

/** A commander argument parser whose errors read as commander's own (`error: option '--x' argument …`). */
export function argument<T, P = T>(parse: (value: string, previous: P) => T) {
  return (value: string, previous: P): T => {
    try {
      return parse(value, previous);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}

export interface FilterFlags {
  minScore?: number;
  only?: ResultFilter['only'];
  category?: ResultFilter['categories'];
  scamThreshold?: number;
  suspiciousThreshold?: number;
}

/** The result filters and threshold flags of classify and scan. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--min-score <score>', 'show only results scoring at least this (0 to 1)').argParser(argument(parseUnit)))
    .addOption(
      new Option('--only <verdicts>', 'show only results with these verdicts (comma-separated: scam,suspicious,clean)').argParser(argument(parseVerdicts)),
    )
    .addOption(
      new Option('--category <categories>', 'show only results with evidence in one of these categories (comma-separated or repeated)').argParser(
        argument(parseCategories),
      ),
    )
    .addOption(
      new Option('--scam-threshold <score>', "the verdict is scam from this score (default: the model's, or the config file's)").argParser(argument(parseUnit)),
    )
    .addOption(new Option('--suspicious-threshold <score>', 'the verdict is suspicious from this score').argParser(argument(parseUnit)));
}

export function filterOf(flags: FilterFlags): ResultFilter {
  return {
    ...(flags.minScore !== undefined ? { minScore: flags.minScore } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.category ? { categories: flags.category } : {}),
  };
}
