import type { z as Zod } from 'zod';
import { loadZod } from '../../core/lexicon/zod.js';

/** The file names looked for, in each folder from the current one up, in this order. */
export const CONFIG_NAMES = ['scamscan.config.json', '.scamscanrc.json'] as const;

/**
 * The verdicts `--fail-on` (and a config file's `failOn`) accept: exit 1 at or above this verdict, or
 * `never`. Not `clean`: failing on every call would make the exit code say nothing.
 */
export const FAIL_ON = ['scam', 'suspicious', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The zod schema of a config file (built when first needed: most runs have no config file). */
function build(z: typeof Zod) {
  const probability = z.number().min(0).max(1);
  const formatName = z.string().trim().min(1, 'a format name cannot be empty');

  /** `scamscan.config.json`: strict, so a misspelt key is an error rather than a silently ignored setting. */
  const configSchema = z.strictObject({
    $schema: z.string().optional(),
    /** Verdict thresholds on the score, replacing those of lexicons/model.json. */
    thresholds: z.strictObject({ scam: probability.optional(), suspicious: probability.optional() }).optional(),
    /** The language of every call (`auto`: detected from the text), like --lang. */
    language: z.enum(['auto', 'en', 'fr']).optional(),
    /** Extra lexicon folders, relative to the config file, after the built-in ones. */
    lexicons: z.array(z.string().trim().min(1, 'a folder name cannot be empty')).optional(),
    /** Categories or lexicon entry ids that must not count. */
    disable: z.array(z.string().trim().min(1)).optional(),
    /** Phrases (lexicon phrase syntax) whose occurrences cancel the findings they overlap. */
    allow: z.array(z.string().trim().min(1, 'an allowed phrase cannot be empty')).optional(),
    /** The output format of every command that has it, or per command. */
    format: z.union([formatName, z.strictObject({ classify: formatName.optional(), scan: formatName.optional(), eval: formatName.optional() })]).optional(),
    /** Like --fail-on. */
    failOn: z.enum(FAIL_ON).optional(),
  });
  return configSchema;
}

let built: ReturnType<typeof build> | undefined;

export function configSchema(): ReturnType<typeof build> {
  return (built ??= build(loadZod()));
}

export type Config = Zod.infer<ReturnType<typeof build>>;
