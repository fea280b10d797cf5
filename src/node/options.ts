import type { z as Zod } from 'zod';
import { ScamscanError } from '../errors.js';
import { issuePath } from './issuePath.js';
import { loadZod } from '../core/lexicon/zod.js';
import { INPUT_FORMATS } from '../core/transcript/index.js';
import { LANGUAGES } from '../types.js';

/**
 * The options of classify, classifyText and classifyBytes, checked at the door so a wrong one is a
 * ScamscanError naming it (`options.language: …`), never a TypeError from deep inside or a threshold
 * of 2 that makes every call clean. zod says what is valid and words the error; it loads only when
 * the quick check below is unsure, so a valid call does not pay the ~100 ms of loading it.
 */
function build(z: typeof Zod) {
  const probability = z.number().min(0).max(1);
  const names = z.array(z.string().trim().min(1, 'cannot be empty'));
  return z.strictObject({
    file: z.string().optional(),
    language: z.enum(LANGUAGES as [string, ...string[]]).optional(),
    encoding: z.string().optional(),
    inputFormat: z.enum(['auto', ...INPUT_FORMATS] as [string, ...string[]]).optional(),
    filter: z.custom<unknown>((v) => typeof v === 'function', 'expected a function').optional(),
    check: z.custom<unknown>((v) => typeof v === 'function', 'expected a function').optional(),
    lexicons: z.array(z.string()).optional(),
    maxBytes: z.number().positive().optional(),
    thresholds: z.strictObject({ scam: probability.optional(), suspicious: probability.optional() }).optional(),
    disable: names.optional(),
    allow: names.optional(),
  });
}

let schema: ReturnType<typeof build> | undefined;

/** The zod schema of the options (built when first needed). */
export const optionsSchema = (): ReturnType<typeof build> => (schema ??= build(loadZod()));

const KEYS = new Set(['file', 'language', 'encoding', 'inputFormat', 'filter', 'check', 'lexicons', 'maxBytes', 'thresholds', 'disable', 'allow']);
const isProbability = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= 1);
const isNames = (v: unknown, nonEmpty: boolean) =>
  v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string' && (!nonEmpty || s.trim() !== '')));

/** True only for options that are plainly valid (the usual case); anything else goes to zod. Never true for options zod rejects. */
export function plainlyValid(o: Record<string, unknown>): boolean {
  for (const k in o) if (!KEYS.has(k)) return false;
  const { file, language, encoding, inputFormat, filter, check, lexicons, maxBytes, thresholds, disable, allow } = o;
  if (file !== undefined && typeof file !== 'string') return false;
  if (encoding !== undefined && typeof encoding !== 'string') return false;
  if (language !== undefined && !(LANGUAGES as readonly unknown[]).includes(language)) return false;
  if (inputFormat !== undefined && inputFormat !== 'auto' && !INPUT_FORMATS.includes(inputFormat as string)) return false;
  if (filter !== undefined && typeof filter !== 'function') return false;
  if (check !== undefined && typeof check !== 'function') return false;
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' && maxBytes > 0 && maxBytes !== Infinity)) return false;
  if (!isNames(lexicons, false) || !isNames(disable, true) || !isNames(allow, true)) return false;
  if (thresholds !== undefined) {
    if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) return false;
    for (const k in thresholds) if (k !== 'scam' && k !== 'suspicious') return false;
    const t = thresholds as Record<string, unknown>;
    if (!isProbability(t.scam) || !isProbability(t.suspicious)) return false;
  }
  return true;
}

/** Checks the options of a classify call; a wrong one is a ScamscanError naming it. */
export function checkOptions(options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new ScamscanError('options: expected an object');
  if (plainlyValid(options as Record<string, unknown>)) return;
  const parsed = optionsSchema().safeParse(options);
  if (parsed.success) return;
  const issue = parsed.error.issues[0]!;
  const where = `options${issue.path.length && typeof issue.path[0] !== 'number' ? '.' : ''}${issuePath(issue.path)}`;
  const file = (options as { file?: unknown }).file;
  const problem =
    issue.code === 'unrecognized_keys'
      ? `unknown ${issue.path.length ? 'key' : 'option'}${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.message;
  throw new ScamscanError(`${where}: ${problem}`, typeof file === 'string' ? file : undefined);
}
