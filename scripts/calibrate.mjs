#!/usr/bin/env node
// Fits the final combination of lexicons/model.json (intercept, one coefficient per model input,
// scam threshold) by logistic regression on TRAINING data only, and reports k-fold cross-validated
// figures per training corpus. Training data:
//   - BothBosu *_train.csv          ../shared/corpora/bothbosu (or --data DIR)
//   - samples/                      this repository
//   - real/ftc-robocalls            ../shared/corpora/real (development half; or --corpora DIR)
//   - real/switchboard              idem
// It never opens devset/ nor any *_test* file: those stay for `npm run eval`. A corpus that is
// absent is skipped, and the output says so.
//
//   npm run calibrate                         # fit, report, write lexicons/model.json
//   npm run calibrate -- --dry-run            # fit and report only (cross-validation included)
//   npm run calibrate -- --folds 10 --seed 7  # cross-validation settings (default 5 folds, seed 1)
//   npm run calibrate -- --no-real            # BothBosu train and samples/ only (the fit before real data)
//
// The features are whatever numbers the scorer reports in `Result.inputs` (nested records are
// flattened: `stages.hook`); MODEL_KEYS below maps each to its model.json key, in one table. A
// feature with no key there is fitted and reported but not written.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexicons, classifyText, classifyBytes } from '../dist/index.js';
import { labelledFolder, parseCsv, parseLabel } from './eval-all.mjs';
import { mulberry32 } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const corpora = resolve(arg('--corpora', join(root, '..', 'shared', 'corpora')));
const dataDir = resolve(arg('--data', join(corpora, 'bothbosu')));
const dryRun = args.includes('--dry-run');
const useReal = !args.includes('--no-real');
const K = Number(arg('--folds', 5));
const SEED = Number(arg('--seed', 1));
const log = (...a) => console.error(...a);

/**
 * The model inputs and their model.json keys. `sign` -1: the input speaks for a genuine call, and
 * the model subtracts it (its coefficient, kept >= 0, is stored as is). `prior`: the value the ridge
 * pulls toward (a domain prior; see below). A new input of the scorer goes here.
 */
const STAGE_PRIOR = { hook: 1.5, authority: 1.2, access: 2.0, proof: 2.0, payment: 2.5, secrecy: 1.5 };
const MODEL_KEYS = [
  { feature: /^stages\.(\w+)$/, key: (m) => ['stageWeights', m[1]], prior: (m) => STAGE_PRIOR[m[1]] ?? 1.0 },
  { feature: /^extraStages$/, key: () => ['extraStage'], prior: () => 1.0 },
  { feature: /^peak$/, key: () => ['peak'], prior: () => 1.0 },
  { feature: /^counter$/, key: () => ['counter'], sign: -1, prior: () => 3.0 },
];

/**
 * Training corpora. `weight`: how much one row counts in the fit (samples/ are few, hand-written and
 * hard: each weighs like several synthetic rows). `maxFpr`: the threshold must keep this corpus's
 * false-positive rate at or below it (the targets: real ordinary talk <= 0.5%).
 */
const CORPORA = [
  { name: 'bothbosu-train', weight: 1, maxFpr: 0.01, where: `${dataDir}/*_train.csv`, load: loadBothBosu },
  { name: 'samples', weight: 8, maxFpr: 0.06, where: 'samples/ (this repository)', load: () => labelledFolder(join(root, 'samples')) },
  ...(useReal
    ? [
        {
          name: 'ftc-robocalls',
          weight: 1,
          maxFpr: null,
          where: `${join(corpora, 'real', 'ftc-robocalls')} (development half)`,
          load: () => labelledFolder(join(corpora, 'real', 'ftc-robocalls')),
        },
        {
          name: 'switchboard',
          weight: 1,
          maxFpr: 0.005,
          where: `${join(corpora, 'real', 'switchboard')} (development half)`,
          load: () => labelledFolder(join(corpora, 'real', 'switchboard')),
        },
      ]
    : []),
];

function loadBothBosu() {
  if (!existsSync(dataDir)) return null;
  const items = [];
  for (const name of readdirSync(dataDir)
    .filter((n) => n.endsWith('_train.csv') && !/test/i.test(n))
    .sort()) {
    const [header, ...rows] = parseCsv(readFileSync(join(dataDir, name), 'utf8'));
    const t = header.indexOf('dialogue');
    const l = header.indexOf('labels');
    if (t < 0 || l < 0) throw new Error(`${name}: needs the columns dialogue and labels`);
    rows.forEach((r, n) => items.push({ name: `${name}#${n + 1}`, scam: parseLabel(r[l], `${name} row ${n + 1}`), kind: 'text', data: r[t] ?? '' }));
  }
  return items.length ? items : null;
}

// ---------------------------------------------------------------------------------------------
// Reading and classifying

const lexicons = loadLexicons();
const model = lexicons.model;
const rows = [];
const used = [];
for (const c of CORPORA) {
  if (/devset|_test/i.test(c.where)) throw new Error(`refusing to train on ${c.where}`);
  let items = null;
  try {
    items = c.load();
  } catch (e) {
    if (!/not found/.test(e.message)) throw e;
  }
  if (!items) {
    log(`skipped ${c.name}: ${c.where} is absent`);
    continue;
  }
  for (const it of items) {
    if (it.data === null) throw new Error(`${c.name}: ${it.name} is listed in labels.csv but not found`);
    const result = it.kind === 'text' ? classifyText(it.data, { file: it.name }, lexicons) : classifyBytes(it.data, { file: it.name }, lexicons);
    if (!result.inputs) throw new Error('the built library gives no Result.inputs: nothing to fit');
    rows.push({ source: c.name, scam: it.scam, weight: c.weight, inputs: result.inputs });
  }
  used.push(c);
}

/** `Result.inputs` flattened to numbers: `{stages: {hook: 1}}` -> `stages.hook`; booleans as 0/1. */
function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
    else if (typeof v === 'boolean') out[name] = v ? 1 : 0;
    else if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, name, out);
  }
  return out;
}
const flat = rows.map((r) => flatten(r.inputs));
const FEATURES = [...new Set(flat.flatMap((f) => Object.keys(f)))];
const spec = FEATURES.map((feature) => {
  for (const m of MODEL_KEYS) {
    const hit = m.feature.exec(feature);
    if (hit) return { feature, key: m.key(hit), sign: m.sign ?? 1, prior: m.prior(hit) };
  }
  // No entry in MODEL_KEYS: a top-level numeric key of model.json with the same name, else none.
  return {
    feature,
    key: typeof model[feature] === 'number' ? [feature] : null,
    sign: 1,
    prior: typeof model[feature] === 'number' ? Math.abs(model[feature]) : 1.0,
  };
});
const X = flat.map((f) => spec.map((s) => s.sign * (f[s.feature] ?? 0)));
const y = rows.map((r) => (r.scam ? 1 : 0));
const w = rows.map((r) => r.weight);
const PRIOR = spec.map((s) => s.prior);

// ---------------------------------------------------------------------------------------------
// Fitting: weighted logistic regression, L2-regularized toward a domain prior rather than toward 0
// (the training data under-represents short tech-support calls, where access and fake proof are the
// signal, so the data adjusts the prior instead of replacing it), by Newton's method (IRLS).
// Coefficients are kept >= 0 so that evidence never lowers a score (nor counter-signals raise it):
// one that comes out negative is fixed at 0 and the rest refitted.
const LAMBDA = 40; // in units of weighted rows

function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || M[c][c] === 0) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

function fitActive(idx, active) {
  const cols = [-1, ...active]; // -1 = intercept
  let theta = cols.map((c) => (c < 0 ? 0 : PRIOR[c]));
  const xv = (i, c) => (c < 0 ? 1 : X[i][c]);
  for (let it = 0; it < 50; it++) {
    const H = cols.map(() => new Array(cols.length).fill(0));
    const g = new Array(cols.length).fill(0);
    for (const i of idx) {
      const z = cols.reduce((s, c, k) => s + theta[k] * xv(i, c), 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let a = 0; a < cols.length; a++) {
        g[a] += w[i] * (p - y[i]) * xv(i, cols[a]);
        for (let b = 0; b < cols.length; b++) H[a][b] += w[i] * p * (1 - p) * xv(i, cols[a]) * xv(i, cols[b]);
      }
    }
    for (let a = 1; a < cols.length; a++) {
      g[a] += LAMBDA * (theta[a] - PRIOR[cols[a]]);
      H[a][a] += LAMBDA;
    }
    const step = solve(H, g);
    theta = theta.map((t, k) => t - step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { b0: theta[0], beta: Object.fromEntries(active.map((c, k) => [c, theta[k + 1]])) };
}

const r3 = (x) => Math.round(x * 1000) / 1000;

/** Fits on the rows `idx`; coefficients rounded as model.json stores them. */
function fit(idx) {
  let active = [...spec.keys()];
  let result = fitActive(idx, active);
  while (active.some((c) => result.beta[c] < 0)) {
    active = active.filter((c) => result.beta[c] >= 0);
    result = fitActive(idx, active);
  }
  return { b0: r3(result.b0), beta: spec.map((_, c) => r3(result.beta[c] ?? 0)) };
}

/** The score the tool would print for row i (rounded as the scorer rounds). */
const scoreOf = ({ b0, beta }, i) => Math.round(1000 / (1 + Math.exp(-(b0 + X[i].reduce((s, v, j) => s + v * beta[j], 0))))) / 1000;

/** Confusion counts per source and over all rows (weighted) at threshold t. */
function countsAt(scores, idx, t) {
  const c = { all: [0, 0, 0, 0] };
  for (const i of idx) {
    const k = (scores[i] >= t ? 0 : 2) + (y[i] ? 0 : 1); // tp, fp, fn, tn
    c.all[k] += w[i];
    (c[rows[i].source] ??= [0, 0, 0, 0])[k] += 1;
  }
  return c;
}
const fprOf = ([, fp, , tn]) => (fp + tn === 0 ? null : fp / (fp + tn));
const f1Of = ([tp, fp, fn]) => (tp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn));

/**
 * The scam threshold, in integer steps of 0.01 (no drift at the boundary): the best weighted F1
 * among thresholds that keep every corpus within its maxFpr; if none does, the best F1 - 2 x FPR.
 */
function chooseThreshold(scores, idx) {
  const candidates = [];
  for (let k = 30; k <= 96; k++) {
    const t = k / 100;
    const c = countsAt(scores, idx, t);
    const ok = used.every((u) => u.maxFpr === null || !c[u.name] || (fprOf(c[u.name]) ?? 0) <= u.maxFpr);
    candidates.push({ t, ok, f1: f1Of(c.all) ?? 0, fpr: fprOf(c.all) ?? 0, counts: c });
  }
  const ok = candidates.filter((c) => c.ok);
  const objective = (c) => (ok.length ? c.f1 : c.f1 - 2 * c.fpr);
  return { ...(ok.length ? ok : candidates).reduce((a, c) => (objective(c) > objective(a) ? c : a)), constrained: ok.length > 0, candidates };
}

// ---------------------------------------------------------------------------------------------
// Cross-validation: stratified by corpus and label, folds assigned after a seeded shuffle.

const random = mulberry32(SEED);
const fold = new Array(rows.length);
const strata = new Map();
rows.forEach((r, i) => {
  const k = `${r.source}:${r.scam}`;
  if (!strata.has(k)) strata.set(k, []);
  strata.get(k).push(i);
});
let offset = 0;
for (const idx of strata.values()) {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  idx.forEach((row, n) => (fold[row] = (n + offset) % K));
  offset += idx.length; // the next stratum starts where this one ended, so folds stay even in size
}

const all = [...rows.keys()];
const heldOut = new Array(rows.length);
const foldThresholds = [];
for (let k = 0; k < K; k++) {
  const train = all.filter((i) => fold[i] !== k);
  const m = fit(train);
  const scores = all.map((i) => scoreOf(m, i));
  const { t } = chooseThreshold(scores, train);
  foldThresholds.push(t);
  for (const i of all) if (fold[i] === k) heldOut[i] = scores[i] >= t;
}

// The final fit, on every training row.
const final = fit(all);
const finalScores = all.map((i) => scoreOf(final, i));
const best = chooseThreshold(finalScores, all);

// ---------------------------------------------------------------------------------------------
// Report (stderr); the fitted model (stdout).

const fmt = (x) => (x === null ? '    —' : x.toFixed(3));
const pct = (x) => (x === null ? '     —' : `${(100 * x).toFixed(2)}%`.padStart(6));
function figures(pred, idx) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const i of idx) {
    if (y[i] && pred(i)) tp++;
    else if (y[i]) fn++;
    else if (pred(i)) fp++;
    else tn++;
  }
  const precision = tp + fn === 0 || tp + fp === 0 ? null : tp / (tp + fp);
  return { n: idx.length, tp, fp, fn, tn, precision, recall: tp + fn === 0 ? null : tp / (tp + fn), f1: f1Of([tp, fp, fn]), fpr: fprOf([0, fp, 0, tn]) };
}
function table(title, pred) {
  if (title) log(title);
  log(`  ${'corpus'.padEnd(16)}${'n'.padStart(6)}${'scam'.padStart(6)}${'legit'.padStart(7)}  precision  recall     F1     FPR`);
  const line = (name, idx) => {
    const m = figures(pred, idx);
    log(
      `  ${name.padEnd(16)}${String(m.n).padStart(6)}${String(m.tp + m.fn).padStart(6)}${String(m.fp + m.tn).padStart(7)}      ${fmt(m.precision)}   ${fmt(m.recall)}  ${fmt(m.f1)}  ${pct(m.fpr)}`,
    );
  };
  for (const c of used)
    line(
      c.name,
      all.filter((i) => rows[i].source === c.name),
    );
  line('all (unweighted)', all);
}

log('');
log('Training data (devset/ and *_test* files are never opened):');
for (const c of used)
  log(
    `  ${c.name.padEnd(16)} ${String(rows.filter((r) => r.source === c.name).length).padStart(5)} rows, weight ${c.weight} each, FPR cap ${c.maxFpr === null ? 'none (no legit calls)' : `${c.maxFpr * 100}%`}: ${c.where}`,
  );
for (const c of CORPORA.filter((c) => !used.includes(c))) log(`  ${c.name.padEnd(16)} SKIPPED (absent): ${c.where}`);
log('');
log('Features (Result.inputs) -> model.json:');
for (const s of spec)
  log(
    `  ${s.feature.padEnd(18)} -> ${s.key ? s.key.join('.') : '(no model.json key: fitted, not written; add it to MODEL_KEYS)'}${s.sign < 0 ? '  (subtracted)' : ''}  prior ${s.prior}`,
  );
log('');
table(
  `Cross-validated, ${K}-fold stratified by corpus and label (seed ${SEED}); each row scored by a model and threshold fitted without its fold (thresholds ${foldThresholds.join(', ')}):`,
  (i) => heldOut[i],
);
log('');
table(
  `In-sample: the final fit on all the training rows above, at its threshold ${best.t}${best.constrained ? '' : ' (NO threshold met every FPR cap: chose the best F1 - 2 x FPR)'}:`,
  (i) => finalScores[i] >= best.t,
);
log('');
log(`Current lexicons/model.json on the same training rows, for comparison (threshold ${model.thresholds.scam}):`);
const current = { b0: model.intercept, beta: spec.map((s) => (s.key ? (s.key.reduce((o, k) => o?.[k], model) ?? 0) : 0)) };
const currentScores = all.map((i) => scoreOf(current, i));
table('', (i) => currentScores[i] >= model.thresholds.scam);
log("  (recomputed from Result.inputs with the stored coefficients: equal to the tool's verdicts when the scorer is linear in its inputs)");

const fitted = structuredClone(model);
fitted.note = `Fitted by npm run calibrate on ${rows.length} training transcripts (${used.map((c) => c.name).join(', ')}; never devset/ nor *_test*); ${K}-fold cross-validated F1 ${fmt(figures((i) => heldOut[i], all).f1)} over all of them.`;
fitted.intercept = final.b0;
spec.forEach((s, j) => {
  if (!s.key) return;
  let o = fitted;
  for (const k of s.key.slice(0, -1)) o = o[k] ??= {};
  o[s.key.at(-1)] = final.beta[j];
});
fitted.thresholds = { ...model.thresholds, scam: best.t, suspicious: Math.min(model.thresholds.suspicious, r3(best.t - 0.2)) };
console.log(JSON.stringify(fitted, null, 2));
if (!dryRun) {
  writeFileSync(join(root, 'lexicons', 'model.json'), JSON.stringify(fitted, null, 2) + '\n');
  log('wrote lexicons/model.json; run npm run build && npm test, and review the golden diffs');
} else log('--dry-run: lexicons/model.json not written');
