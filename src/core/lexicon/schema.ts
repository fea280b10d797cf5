import type { z as Zod } from 'zod';
import { loadZod } from './zod.js';
import { CATEGORIES, STAGES } from '../../types.js';

/** The zod schemas of lexicon files, language profiles and the model (built when first needed). */
function build(z: typeof Zod) {
  const phrase = z.string().trim().min(1, 'a phrase cannot be empty').max(400, 'a phrase is at most 400 characters');
  const sentence = z.string().trim().min(1, 'an example cannot be empty');

  // The descriptions go into lexicons/schema.json (npm run lexicon-schema), for editors' hover help.
  const entrySchema = z.strictObject({
    id: z
      .string()
      .regex(/^[a-z]{2,3}\.[a-z_]+\.[a-z0-9][a-z0-9-]*$/, 'an id looks like en.payment.gift-card')
      .describe('Unique across all lexicons, <language>.<category>.<name>; an entry of a later folder with the same id replaces this one'),
    phrases: z.array(phrase).min(1, 'an entry needs at least one phrase').describe('Patterns in the phrase syntax of lexicons/README.md; each phrase only once in all lexicons'),
    weight: z.number().min(0).max(1).describe('0 to 1: how sure this evidence alone is that the call is a scam (for counter: that it is genuine)'),
    note: z.string().trim().min(1, 'say why this is evidence').describe('Why this is evidence, for the analyst reading the finding'),
    examples: z.array(sentence).min(1, 'an entry needs at least one example sentence that matches').describe('Sentences that must match this entry (scamscan lexicons check)'),
    counterExamples: z.array(sentence).optional().describe('Sentences that must not match this entry'),
  });

  const lexiconFileSchema = z
    .strictObject({
      $schema: z.string().optional().describe('"../schema.json" for editor support'),
      category: z.enum(CATEGORIES as [string, ...string[]]).describe('The category of every entry of the file'),
      language: z.enum(['en', 'fr', 'any']).describe('en, fr, or any (applied to calls in every language)'),
      description: z.string().optional(),
      entries: z.array(entrySchema),
    })
    .describe('A scamscan lexicon file: one category of evidence in one language');

  const wordList = z.array(z.string().trim().min(1));
  const languageProfileSchema = z.strictObject({
    $schema: z.string().optional(),
    language: z.enum(['en', 'fr']),
    stopwords: wordList.min(10),
    fillers: wordList,
    negators: wordList,
    reported: wordList,
    clauseBreaks: wordList,
    /** Words that continue a list after a comma, keeping a negation going ("never your PIN, your password"). */
    listWords: wordList.default([]),
    /** Frames of a read-out ("it says", "le message dit"): reported speech, but evidence when the receiver reads the scam's own pop-up or SMS during the call. */
    readouts: wordList.default([]),
    /** What the one who drives a call says: instructions, claims of authority, requests ("download", "i'm calling from", "read me"). */
    drives: wordList.default([]),
    /** What the one who receives it says: compliance, read-outs, asking what to do ("what do i do", "okay done"). */
    follows: wordList.default([]),
  });

  const stageRecord = z.strictObject(Object.fromEntries(STAGES.map((s) => [s, z.number()])) as Record<(typeof STAGES)[number], Zod.ZodNumber>);
  const modelSchema = z.strictObject({
    $schema: z.string().optional(),
    note: z.string().optional(),
    intercept: z.number(),
    stageWeights: stageRecord,
    /** Log-odds added per stage seen beyond the first. */
    extraStage: z.number(),
    /** Log-odds added by the single strongest piece of evidence, per unit above 0.5 (rescaled to 0..1). */
    peak: z.number().min(0),
    /** Log-odds removed per unit of counter-signal score. */
    counter: z.number().min(0),
    /** Fraction of the counter-signal kept when a live payment demand comes with access or two more stages. */
    counterGuard: z.number().min(0).max(1),
    /** A single live payment or credential demand this strong is guarded on its own. */
    guardPayment: z.number().min(0).max(1),
    /** A single live finding of any stage this strong guards the score against counter-signals (absent: only payment guards). */
    guardDecisive: z.number().min(0).max(1).optional(),
    /** Weak evidence (below `weak`) with no evidence of at least `weak` within `window` utterances counts `isolated` of itself. */
    corroboration: z.strictObject({ weak: z.number().min(0).max(1), window: z.number().int().min(0), isolated: z.number().min(0).max(1) }).optional(),
    /** Score at which a stage counts as seen. */
    stageSeen: z.number().min(0).max(1),
    /** How fast repeated findings of one category fade: the k-th strongest counts decay^k. */
    decay: z.number().gt(0).max(1),
    modifiers: z.strictObject({
      negated: z.number().min(0).max(1),
      reported: z.number().min(0).max(1),
      retold: z.number().min(0).max(1),
      receiver: z.number().min(0).max(1),
    }),
    thresholds: z.strictObject({ scam: z.number().min(0).max(1), suspicious: z.number().min(0).max(1) }),
  });
  return { entrySchema, lexiconFileSchema, languageProfileSchema, modelSchema };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

export function lexiconSchemas(): Schemas {
  return (built ??= build(loadZod()));
}

export type LexiconEntry = Zod.infer<Schemas['entrySchema']>;
export type LexiconFile = Zod.infer<Schemas['lexiconFileSchema']>;
export type LanguageProfile = Zod.infer<Schemas['languageProfileSchema']>;
export type Model = Zod.infer<Schemas['modelSchema']>;
