import type { Category, Stage, Verdict } from '../types.js';
import { CATEGORIES, CATEGORY_STAGE, STAGES } from '../types.js';
import type { Model } from '../lexicon/schema.js';

export interface Evidence {
  category: Category;
  /** Weight after modifiers, 0..1. */
  effective: number;
  /** Said by the receiver of the call: it adds to the score but does not show a stage being played. */
  receiver?: boolean;
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
const STAGE_CATEGORIES = Object.fromEntries(STAGES.map((s) => [s, CATEGORIES.filter((c) => CATEGORY_STAGE[c] === s)])) as Record<Stage, Category[]>;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Noisy-OR with fading repeats: the strongest item counts fully, the k-th strongest decay^k, so ten
 * mentions of one thing never add up to proof. Returns the score and each item's share of it.
 */
function combine(items: Array<{ index: number; effective: number }>, decay: number): { value: number; shares: Map<number, number> } {
  const sorted = [...items].sort((a, b) => b.effective - a.effective);
  let miss = 1;
  const terms = new Map<number, number>();
  sorted.forEach((item, k) => {
    const term = item.effective * decay ** k;
    terms.set(item.index, term);
    miss *= 1 - term;
  });
  const value = 1 - miss;
  const total = [...terms.values()].reduce((a, b) => a + b, 0);
  const shares = new Map<number, number>();
  for (const [index, term] of terms) shares.set(index, total > 0 ? (value * term) / total : 0);
  return { value, shares };
}

function verdictFor(score: number, model: Model): Verdict {
  if (score >= model.thresholds.scam) return 'scam';
  if (score >= model.thresholds.suspicious) return 'suspicious';
  return 'clean';
}

/** The stage scores and counter-signal score: the features the final combination weighs. */
export function features(evidence: Evidence[], decay: number) {
  const byCategory = new Map<Category, Array<{ index: number; effective: number }>>();
  evidence.forEach((e, index) => {
    if (e.effective <= 0) return;
    const list = byCategory.get(e.category) ?? [];
    list.push({ index, effective: e.effective });
    byCategory.set(e.category, list);
  });
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const shares = new Map<number, number>();
  for (const [category, items] of byCategory) {
    const c = combine(items, decay);
    categories[category] = c.value;
    for (const [i, s] of c.shares) shares.set(i, s);
  }
  // A stage is as strong as the noisy-OR of its categories (payment and credentials share a stage).
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const s of STAGES) stages[s] = 1 - STAGE_CATEGORIES[s].reduce((miss, c) => miss * (1 - categories[c]), 1);
  // The strongest single piece of evidence of each stage: a stage counts as seen only when one
  // piece alone is strong enough, so a retelling's many faded mentions never add up to a stage, and
  // only when the driver plays it: the receiver reading out an ID does not make a stage.
  const strongest = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const e of evidence) {
    const stage = CATEGORY_STAGE[e.category];
    if (stage && !e.receiver && e.effective > strongest[stage]) strongest[stage] = e.effective;
  }
  return { categories, stages, strongest, counter: categories.counter, shares };
}

/**
 * Everything the final linear combination weighs, from the evidence: stage scores, which stages are
 * seen, how many extra stages earn the bonus, and the counter-signal after the guard. Counter-signals
 * lower the score but never erase a live payment demand that is strong on its own (guardPayment),
 * or fairly strong (guardPayment / 2 + 0.1) and with remote access or two more stages of the script:
 * scammers recite banks' own warnings too.
 */
function linearInputs(evidence: Evidence[], model: Model) {
  const f = features(evidence, model.decay);
  const stagesSeen = STAGES.filter((s) => f.strongest[s] >= model.stageSeen);
  const pay = f.strongest.payment;
  const guarded = pay >= model.guardPayment || (pay >= model.guardPayment / 2 + 0.1 && (stagesSeen.includes('access') || stagesSeen.length >= 3));
  // The single strongest live piece of evidence above 0.5, rescaled to 0..1: some moves are damning
  // on their own ("read me the code we just sent you", "move your savings to a safe account").
  let peakIndex = -1;
  evidence.forEach((e, i) => {
    if (CATEGORY_STAGE[e.category] && (peakIndex < 0 || e.effective > evidence[peakIndex]!.effective)) peakIndex = i;
  });
  const peak = peakIndex < 0 ? 0 : Math.max(0, evidence[peakIndex]!.effective - 0.5) * 2;
  return {
    ...f,
    stagesSeen,
    extraStages: Math.max(0, stagesSeen.length - 1),
    counterInput: f.counter * (guarded ? model.counterGuard : 1),
    peak,
    peakIndex,
  };
}

/** Findings in, score out: every point of the log-odds is attributed to the evidence behind it. */
export function score(evidence: Evidence[], model: Model): Score {
  const inputs = linearInputs(evidence, model);
  const { categories, stages, counter, shares, stagesSeen } = inputs;
  const counterWeight = counter > 0 ? (model.counter * inputs.counterInput) / counter : 0;

  const stageTerms = Object.fromEntries(STAGES.map((s) => [s, model.stageWeights[s] * stages[s]])) as Record<Stage, number>;
  const extra = model.extraStage * inputs.extraStages;
  const peakTerm = model.peak * inputs.peak;
  const logit = model.intercept + STAGES.reduce((z, s) => z + stageTerms[s], 0) + extra + peakTerm - counterWeight * counter;

  // Attribution: a stage's term (and its share of the multi-stage bonus) is split over its evidence
  // in proportion to each item's share of the category, and each category's part of the stage.
  const seenTotal = stagesSeen.reduce((t, s) => t + stages[s], 0);
  const contributions = evidence.map((e, i) => {
    const share = shares.get(i) ?? 0;
    if (share === 0) return 0;
    const stage = CATEGORY_STAGE[e.category];
    if (!stage) return round(-counterWeight * share);
    const categoryTotal = STAGE_CATEGORIES[stage].reduce((t, c) => t + categories[c], 0);
    const ofStage = categoryTotal > 0 ? share / categoryTotal : 0;
    const bonus = stagesSeen.includes(stage) && seenTotal > 0 ? (extra * stages[stage]) / seenTotal : 0;
    return round((stageTerms[stage] + bonus) * ofStage + (i === inputs.peakIndex ? peakTerm : 0));
  });

  const value = round(sigmoid(logit));
  const r = (rec: Record<string, number>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, round(v)]));
  return {
    score: value,
    verdict: verdictFor(value, model),
    categories: r(categories) as Record<Category, number>,
    stages: r(stages) as Record<Stage, number>,
    stagesSeen,
    contributions,
    logit,
    inputs: { stages, extraStages: inputs.extraStages, peak: inputs.peak, counter: inputs.counterInput },
  };
}
