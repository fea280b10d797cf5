import type { z as Zod } from 'zod';
import { loadZod } from './zod.js';
import { CATEGORIES, STAGES } from '../../types.js';

/** The zod schemas of lexicon files, language profiles and the model (built when first needed). */
function build(z: typeof Zod) {
  const phrase = z.string().trim().min(1, 'a phrase cannot be empty').max(400, 'a phrase is at most 400 characters');
  const sentence = z.string().trim().min(1, 'an example cannot be empty');

  // The descriptions go into lexicons/schema.json (npm run lexicon-schema), for editors' hover help.
  const frameSchema = z
    .strictObject({
      all: z
        .array(phrase)
        .min(2, 'a frame has at least 2 parts')
        .max(4, 'a frame has at most 4 parts')
        .describe('The parts of the move (phrases, usually a class each: "@request_read"), all found in one sentence, in any order, without overlapping'),
      within: z.number().int().min(2).max(20).describe('How many words, at most, from the first word of the first part found to the last word of the last one'),
      sentences: z
        .number()
        .int()
        .min(1)
        .max(3)
        .optional()
        .describe(
          'How many consecutive sentences of one utterance the parts may spread over (1 when left out): "you\'ll get a text with a code. Read it to me."',
        ),
    })
    .describe('An order-free frame: every part within `within` words of one sentence, in any order');

  const entrySchema = z
    .strictObject({
      id: z
        .string()
        .regex(/^[a-z]{2,3}\.[a-z_]+\.[a-z0-9][a-z0-9-]*$/, 'an id looks like en.payment.gift-card')
        .describe('Unique across all lexicons, <language>.<category>.<name>; an entry of a later folder with the same id replaces this one'),
      phrases: z
        .array(phrase)
        .min(1, 'an entry needs at least one phrase (or leave phrases out and give frames)')
        .optional()
        .describe('Patterns in the phrase syntax of lexicons/README.md; each phrase only once in all lexicons'),
      frames: z
        .array(frameSchema)
        .min(1, 'an entry needs at least one frame (or leave frames out and give phrases)')
        .optional()
        .describe('Order-free frames (lexicons/README.md, "Frames"); an entry gives phrases, frames or both'),
      weight: z.number().min(0).max(1).describe('0 to 1: how sure this evidence alone is that the call is a scam (for counter: that it is genuine)'),
      note: z.string().trim().min(1, 'say why this is evidence').describe('Why this is evidence, for the analyst reading the finding'),
      examples: z
        .array(sentence)
        .min(1, 'an entry needs at least one example sentence that matches')
        .describe('Sentences that must match this entry (scamscan lexicons check)'),
      counterExamples: z.array(sentence).optional().describe('Sentences that must not match this entry'),
    })
    .refine((e) => e.phrases !== undefined || e.frames !== undefined, { message: 'an entry needs phrases, frames or both', path: ['phrases'] });

  const classFileSchema = z
    .strictObject({
      $schema: z.string().optional(),
      language: z.enum(['en', 'fr']).describe('The language whose phrases may use these classes'),
      description: z.string().optional(),
      classes: z
        .record(
          z.string().regex(/^[a-z][a-z0-9_]*$/, 'a class name is lower-case letters, digits and _ (used as @name)'),
          z.array(phrase).min(1, 'a class needs at least one member').describe('Members: phrases in the phrase syntax, without classes; one word or several'),
        )
        .describe('Named word classes, used in phrases and frames as @name'),
    })
    .describe('A scamscan word-class file (classes.json): named word classes of one language');

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
    /** Phrases in which a negator word negates nothing ("pas à pas", "une personne", "no sir, you…"): a negator inside one is ignored. */
    notNegators: wordList.default([]),
    /** Negators that negate a finding even from inside its phrase ("social security numbers don't get suspended"); a phrase whose own words say the negation ("don't hang up") keeps it. */
    gapNegators: wordList.default([]),
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
    /** Frames of a retelling told in the first person ("so he tells me", "and i said", "il me dit", "je lui dis"): many of them through an unlabelled text make it a retelling. */
    narration: wordList.default([]),
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
  return { entrySchema, frameSchema, lexiconFileSchema, classFileSchema, languageProfileSchema, modelSchema };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

export function lexiconSchemas(): Schemas {
  return (built ??= build(loadZod()));
}

export type LexiconEntry = Zod.infer<Schemas['entrySchema']>;
export type LexiconFile = Zod.infer<Schemas['lexiconFileSchema']>;
export type LexiconFrame = Zod.infer<Schemas['frameSchema']>;
export type ClassFile = Zod.infer<Schemas['classFileSchema']>;
export type LanguageProfile = Zod.infer<Schemas['languageProfileSchema']>;
export type Model = Zod.infer<Schemas['modelSchema']>;
