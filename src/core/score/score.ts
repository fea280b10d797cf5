import type { Category, Stage, Verdict } from '../../types.js';
import { CATEGORIES, CATEGORY_STAGE, STAGES } from '../../types.js';
import type { Model } from '../lexicon/schema.js';

/** A finding as the scorer weighs it. */
export interface Weighed {
  category: Category;
  /** Weight after modifiers, 0..1. */
  effective: number;
  /** Said by the receiver of the call: it adds to the score but does not show a stage being played. */
  receiver?: boolean;
  /** The utterance it was said in (1-based): weak evidence counts only with other evidence near it. */
  at?: number;
}

export interface Score {
  score: number;
  verdict: Verdict;
  categories: Record<Category, number>;
  stages: Record<Stage, number>;
  stagesSeen: Stage[];
  /** Log-odds each evidence item added, in input order (negative for counter-signals). */
  contributions: number[];
  logit: number;
  /** What the final combination weighed, unrounded: `npm run calibrate` fits the model on exactly these. */
  inputs: ModelInputs;
}

export interface ModelInputs {
  stages: Record<Stage, number>;
  extraStages: number;
  peak: number;
  /** The counter-signal score after the guard. */
  counter: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round = (x: number) => Math.round(x * 1000) / 1000;

// Categories and stages by position (CATEGORIES and STAGES order): scoring runs at every utterance
// that brings evidence, so it works on small arrays rather than records.
const STAGE_OF = CATEGORIES.map((c) => (CATEGORY_STAGE[c] ? STAGES.indexOf(CATEGORY_STAGE[c]) : -1));
const CATEGORY_INDEX = new Map(CATEGORIES.map((c, i) => [c, i]));
const STAGE_CATEGORY_INDEXES = STAGES.map((s) => CATEGORIES.flatMap((c, i) => (CATEGORY_STAGE[c] === s ? [i] : [])));
const COUNTER = CATEGORY_INDEX.get('counter')!;
const isCounter = (e: Weighed) => e.category === 'counter';

function record<K extends string>(keys: readonly K[], values: ArrayLike<number>, map: (x: number) => number = (x) => x): Record<K, number> {
  const out = {} as Record<K, number>;
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = map(values[i]!);
  return out;
}

function verdictFor(score: number, model: Model): Verdict {
  if (score >= model.thresholds.scam) return 'scam';
  if (score >= model.thresholds.suspicious) return 'suspicious';
  return 'clean';
}

interface Features {
  /** Per category (CATEGORIES order), the noisy-OR of its evidence. */
  categories: number[];
  /** Per stage (STAGES order), the noisy-OR of its categories. */
  stages: number[];
  /** Per stage, the strongest single piece of live (not receiver) evidence. */
  strongest: number[];
  /** Each evidence item's share of its category's score (0 for none). */
  shares: number[];
}

/**
 * The stage scores and counter-signal score: the features the final combination weighs.
 *
 * Per category, a noisy-OR with fading repeats: the strongest item counts fully, the k-th strongest
 * decay^k, so ten mentions of one thing never add up to proof; each item gets its share of it.
 */
function features(evidence: Weighed[], decay: number): Features {
  const categories = new Array<number>(CATEGORIES.length).fill(0);
  const shares = new Array<number>(evidence.length).fill(0);
  const byCategory: number[][] = CATEGORIES.map(() => []);
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    // What vouches for a call is what its driver says about it: the receiver's "i'll call my bank"
    // is a refusal, not a sign that the call is genuine.
    if (e.effective > 0 && !(e.receiver && isCounter(e))) byCategory[CATEGORY_INDEX.get(e.category)!]!.push(i);
  }
  const terms: number[] = [];
  for (let c = 0; c < CATEGORIES.length; c++) {
    const items = byCategory[c]!;
    if (items.length === 0) continue;
    // Strongest first; equal ones keep their order (a stable sort).
    items.sort((a, b) => evidence[b]!.effective - evidence[a]!.effective);
    let miss = 1;
    terms.length = 0;
    for (let k = 0; k < items.length; k++) {
      const term = evidence[items[k]!]!.effective * decay ** k;
      terms.push(term);
      miss *= 1 - term;
    }
    const value = 1 - miss;
    let total = 0;
    for (const t of terms) total += t;
    categories[c] = value;
    for (let k = 0; k < items.length; k++) shares[items[k]!] = total > 0 ? (value * terms[k]!) / total : 0;
  }
  // A stage is as strong as the noisy-OR of its categories (payment and credentials share a stage).
  const stages = STAGE_CATEGORY_INDEXES.map((cs) => {
    let miss = 1;
    for (const c of cs) miss *= 1 - categories[c]!;
    return 1 - miss;
  });
  // The strongest single piece of evidence of each stage: a stage counts as seen only when one
  // piece alone is strong enough, so a retelling's many faded mentions never add up to a stage, and
  // only when the driver plays it: the receiver reading out an ID does not make a stage.
  const strongest = new Array<number>(STAGES.length).fill(0);
  for (const e of evidence) {
    const stage = STAGE_OF[CATEGORY_INDEX.get(e.category)!]!;
    if (stage >= 0 && !e.receiver && e.effective > strongest[stage]!) strongest[stage] = e.effective;
  }
  return { categories, stages, strongest, shares };
}

/**
 * Everything the final linear combination weighs, from the evidence: stage scores, which stages are
 * seen, how many extra stages earn the bonus, and the counter-signal after the guard. Counter-signals
 * lower the score but never erase a live payment demand that is strong on its own (guardPayment),
 * or fairly strong (guardPayment / 2 + 0.1) and with remote access or two more stages of the script:
 * scammers recite banks' own warnings too.
 */
function linearInputs(evidence: Weighed[], model: Model) {
  const f = features(evidence, model.decay);
  const seen = f.strongest.map((x) => x >= model.stageSeen);
  const stagesSeen = STAGES.filter((_, s) => seen[s]);
  const pay = f.strongest[STAGES.indexOf('payment')]!;
  // A decisive move (a code read out to the caller, a remote tool for a stranger, an arrest threat
  // unless paid) is guarded like a payment demand: a scripted "we will never ask for your PIN" does
  // not erase it.
  let decisive = 0;
  for (const x of f.strongest) if (x > decisive) decisive = x;
  const guarded =
    pay >= model.guardPayment ||
    decisive >= (model.guardDecisive ?? 1.01) ||
    (pay >= model.guardPayment / 2 + 0.1 && (seen[STAGES.indexOf('access')] || stagesSeen.length >= 3));
  // The single strongest live piece of evidence above 0.5, rescaled to 0..1: some moves are damning
  // on their own ("read me the code we just sent you", "move your savings to a safe account").
  let peakIndex = -1;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    if (STAGE_OF[CATEGORY_INDEX.get(e.category)!]! >= 0 && (peakIndex < 0 || e.effective > evidence[peakIndex]!.effective)) peakIndex = i;
  }
  const peak = peakIndex < 0 ? 0 : Math.max(0, evidence[peakIndex]!.effective - 0.5) * 2;
  const counter = f.categories[COUNTER]!;
  return {
    categories: f.categories,
    stages: f.stages,
    strongest: f.strongest,
    shares: f.shares,
    counter,
    seen,
    stagesSeen,
    extraStages: Math.max(0, stagesSeen.length - 1),
    counterInput: counter * (guarded ? model.counterGuard : 1),
    peak,
    peakIndex,
  };
}

/**
 * Weak evidence needs company. A risk finding below `weak` counts fully only when another risk
 * finding of at least `weak` was said within `window` utterances of it; alone it counts `isolated`
 * of itself. Everyday words that happen to match weak entries ("urgent", "my computer", "la banque")
 * are scattered through long ordinary talk, where their sum used to convict; in a scam they sit next
 * to the move they serve. Strong evidence counts wherever it is: a real call spreads its stages over
 * many minutes. Evidence without a position (`at`) is left as it is.
 */
export function corroborate(evidence: Weighed[], model: Model): Weighed[] {
  const c = model.corroboration;
  if (!c) return evidence;
  const strongAt: number[] = [];
  for (const e of evidence) if (e.category !== 'counter' && e.at !== undefined && e.effective >= c.weak) strongAt.push(e.at);
  let out: Weighed[] | null = null;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    if (e.category === 'counter' || e.at === undefined || e.effective >= c.weak || e.effective <= 0) continue;
    let near = false;
    for (const at of strongAt)
      if (Math.abs(at - e.at) <= c.window) {
        near = true;
        break;
      }
    if (near) continue;
    out ??= evidence.slice();
    out[i] = { ...e, effective: e.effective * c.isolated };
  }
  return out ?? evidence;
}

/** Findings in, score out: every point of the log-odds is attributed to the evidence behind it. */
export function score(given: Weighed[], model: Model): Score {
  const evidence = corroborate(given, model);
  const inputs = linearInputs(evidence, model);
  const { categories, stages, counter, shares, seen, stagesSeen } = inputs;
  const counterWeight = counter > 0 ? (model.counter * inputs.counterInput) / counter : 0;

  const stageTerms = STAGES.map((s, k) => model.stageWeights[s] * stages[k]!);
  const extra = model.extraStage * inputs.extraStages;
  const peakTerm = model.peak * inputs.peak;
  let z = 0;
  for (const t of stageTerms) z += t;
  const logit = model.intercept + z + extra + peakTerm - counterWeight * counter;

  // Attribution: a stage's term (and its share of the multi-stage bonus) is split over its evidence
  // in proportion to each item's share of the category, and each category's part of the stage.
  let seenTotal = 0;
  for (let k = 0; k < STAGES.length; k++) if (seen[k]) seenTotal += stages[k]!;
  const contributions = evidence.map((e, i) => {
    const share = shares[i]!;
    if (share === 0) return 0;
    const stage = STAGE_OF[CATEGORY_INDEX.get(e.category)!]!;
    if (stage < 0) return round(-counterWeight * share);
    let categoryTotal = 0;
    for (const c of STAGE_CATEGORY_INDEXES[stage]!) categoryTotal += categories[c]!;
    const ofStage = categoryTotal > 0 ? share / categoryTotal : 0;
    const bonus = seen[stage] && seenTotal > 0 ? (extra * stages[stage]!) / seenTotal : 0;
    return round((stageTerms[stage]! + bonus) * ofStage + (i === inputs.peakIndex ? peakTerm : 0));
  });

  const value = round(sigmoid(logit));
  return {
    score: value,
    verdict: verdictFor(value, model),
    categories: record(CATEGORIES, categories, round),
    stages: record(STAGES, stages, round),
    stagesSeen,
    contributions,
    logit,
    inputs: { stages: record(STAGES, stages), extraStages: inputs.extraStages, peak: inputs.peak, counter: inputs.counterInput },
  };
}
