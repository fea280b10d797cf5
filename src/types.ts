/**
 * The shared vocabulary of scamscan.
 *
 * Coordinates: `offset` and `length` count UTF-16 code units from 0 into the decoded source text;
 * `line`, `column` (in code points) and `utterance` numbers count from 1.
 */

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export type Verdict = 'clean' | 'suspicious' | 'scam';
export const VERDICTS: readonly Verdict[] = ['clean', 'suspicious', 'scam'];

/** The stages of the scripted call; `counter` findings belong to no stage. */
export type Stage = 'hook' | 'authority' | 'access' | 'proof' | 'payment' | 'secrecy';
export const STAGES: readonly Stage[] = ['hook', 'authority', 'access', 'proof', 'payment', 'secrecy'];

export type Category = 'hook' | 'authority' | 'remote_access' | 'fake_proof' | 'payment' | 'credentials' | 'pressure' | 'counter';

export const CATEGORY_STAGE: Readonly<Record<Category, Stage | null>> = {
  hook: 'hook',
  authority: 'authority',
  remote_access: 'access',
  fake_proof: 'proof',
  payment: 'payment',
  credentials: 'payment',
  pressure: 'secrecy',
  counter: null,
};
export const CATEGORIES = Object.keys(CATEGORY_STAGE) as Category[];

/** One turn of the call, as found in the source. */
export interface Utterance {
  /** 1-based position in the call. */
  index: number;
  speaker: string | null;
  text: string;
  /** Offset of `text` in the source text. */
  offset: number;
  /**
   * Source offset of each code unit of `text` (plus one for its end), when the text is not a verbatim
   * slice of the source (JSON escapes, removed markup). Absent: text[i] is at source[offset + i].
   */
  map?: number[];
  /** Start time in seconds, for timed formats. */
  start?: number;
  /**
   * How the turn was found when the format did not give it (raw speech-to-text: no labels, no
   * punctuation): `recovered` starts a turn recovered from the text's shape (a `>>` cue, a line of
   * unlabelled text, a discourse marker or an answer), whose speaker may have changed (unknown);
   * `continued` is a further clause or sentence of the same turn. Absent: the format gave the turn
   * (a speaker label, a timed cue).
   */
  turn?: 'recovered' | 'continued';
}

export interface Transcript {
  /** The decoded source text that offsets point into. */
  source: string;
  format: string;
  utterances: Utterance[];
  warnings: string[];
}

/** A word of an utterance, with its position in the utterance text. */
export interface Token {
  start: number;
  end: number;
  /** Normalized form: NFKC, lower case, accents and look-alikes folded. */
  form: string;
  /** Stem of `form` in the transcript's language. */
  stem: string;
  /** Sentence number within the text: a phrase never matches across a sentence end. */
  sentence: number;
}

/** Why a finding weighs less than its lexicon weight. */
export type Modifier = 'negated' | 'reported' | 'retold' | 'receiver';

export interface Finding {
  /** Lexicon entry id. */
  id: string;
  category: Category;
  stage: Stage | null;
  /** The matched words exactly as said in the source. */
  text: string;
  utterance: number;
  speaker: string | null;
  line: number;
  column: number;
  offset: number;
  length: number;
  /** Start time in seconds of the utterance, for timed formats. */
  start?: number;
  /** The lexicon weight. */
  weight: number;
  /** The weight after modifiers (negation, retelling, speaker role). */
  effective: number;
  modifiers: Modifier[];
  /** What this finding added to the score's log-odds (negative for counter-signals). */
  contribution: number;
  /** The lexicon file the entry came from. */
  source: string;
}

export interface Result {
  file: string;
  verdict: Verdict;
  score: number;
  /**
   * The evidence behind the score: its log-odds (the score is its sigmoid, rounded). Scores saturate
   * at 1.00; the strength does not, so results are ranked by it.
   */
  strength: number;
  language: Language;
  format: string;
  encoding: string;
  categories: Record<Category, number>;
  stages: Record<Stage, number>;
  /** Stages whose score reached the model's `stageSeen` level, in script order. */
  stagesSeen: Stage[];
  /** First utterance at which the running verdict reached `scam`, or null. */
  alert: number | null;
  utterances: number;
  /** The speaker who drives the call (gives instructions, asks for access or money), when labelled. */
  driver: string | null;
  /** The evidence, at most FINDINGS_CAP of it (the strongest), in source order. */
  findings: Finding[];
  /** Findings left out of `findings` by the cap (absent when none were); the score counts them all. */
  findingsOmitted?: number;
  warnings: string[];
  /** What the final combination weighed (stage scores, extra stages, peak, guarded counter), for calibration; not in the JSON output. */
  inputs?: {
    stages: Record<Stage, number>;
    extraStages: number;
    peak: number;
    counter: number;
  };
}
