#!/usr/bin/env node
// Fits the final combination (lexicons/model.json: intercept, stage weights, multi-stage bonus,
// counter-signal weight, scam threshold) by logistic regression on TRAINING data only:
// the BothBosu *_train.csv files and samples/. It never opens a *_test* file.
//
//   npm run calibrate                       # data from ../shared/corpora/bothbosu
//   npm run calibrate -- --data <folder>    # another folder holding the *_train.csv files
//   npm run calibrate -- --dry-run          # print the fit, write nothing
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexicons, classifyText, classifyBytes } from '../dist/index.js';
import { csvRows, parseLabel } from '../dist/batch/dataset.js';
import { STAGES } from '../dist/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : join(root, '..', 'shared', 'corpora', 'bothbosu');
const dryRun = args.includes('--dry-run');

const lexicons = loadLexicons();
const model = lexicons.model;
const rows = [];

if (existsSync(dataDir)) {
  for (const name of readdirSync(dataDir).filter((n) => n.endsWith('_train.csv')).sort()) {
    if (/test/i.test(name)) continue;
    const text = readFileSync(join(dataDir, name), 'utf8');
    for (const r of csvRows(text, name, { textColumn: 'dialogue', labelColumn: 'labels' })) {
      rows.push({ scam: parseLabel(r.label, r.name), result: classifyText(r.text, { file: r.name }, lexicons) });
    }
    console.error(`read ${name}`);
  }
} else {
  console.error(`note: ${dataDir} is absent; fitting on samples/ only (pass --data <folder with *_train.csv>)`);
}
const labels = readFileSync(join(root, 'samples', 'labels.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
// samples/ are few but hand-written and hard: weigh each like several synthetic rows.
const SAMPLE_WEIGHT = 8;
for (const line of labels) {
  const [file, label] = line.split(',');
  const bytes = readFileSync(join(root, 'samples', file));
  rows.push({ scam: parseLabel(label, file), result: classifyBytes(bytes, { file }, lexicons), weight: SAMPLE_WEIGHT });
}

// Features, in the scorer's own terms (src/score/score.ts).
function features(r) {
  const guarded = r.stages.access >= model.stageSeen && r.stages.payment >= model.stageSeen;
  return [...STAGES.map((s) => r.stages[s]), Math.max(0, r.stagesSeen.length - 1), -(r.categories.counter * (guarded ? model.counterGuard : 1))];
}
const X = rows.map((r) => features(r.result));
const y = rows.map((r) => (r.scam ? 1 : 0));
const w = rows.map((r) => r.weight ?? 1);

// Weighted logistic regression, L2-regularized, by gradient descent; coefficients kept >= 0 so that
// evidence never lowers a score (and counter-signals never raise it).
const d = X[0].length;
let beta = new Array(d).fill(0.5);
let b0 = 0;
const lambda = 0.01;
const lr = 0.5;
const W = w.reduce((a, c) => a + c, 0);
for (let it = 0; it < 4000; it++) {
  const g = new Array(d).fill(0);
  let g0 = 0;
  for (let i = 0; i < X.length; i++) {
    const z = b0 + X[i].reduce((s, x, j) => s + x * beta[j], 0);
    const err = (1 / (1 + Math.exp(-z)) - y[i]) * w[i];
    g0 += err;
    for (let j = 0; j < d; j++) g[j] += err * X[i][j];
  }
  b0 -= (lr * g0) / W;
  beta = beta.map((bj, j) => Math.max(0, bj - lr * (g[j] / W + lambda * bj)));
}

const logit = (x) => b0 + x.reduce((s, v, j) => s + v * beta[j], 0);
const scores = X.map((x) => 1 / (1 + Math.exp(-logit(x))));
// Scam threshold: the best weighted F1 on training data among thresholds whose false-positive rate is at most 1%.
let best = { t: 0.7, f1: -1 };
for (let t = 0.3; t <= 0.95; t += 0.01) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  scores.forEach((s, i) => {
    const p = s >= t;
    if (p && y[i]) tp += w[i]; else if (p) fp += w[i]; else if (y[i]) fn += w[i]; else tn += w[i];
  });
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  if (fp / (fp + tn) <= 0.01 && f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
}
const r3 = (x) => Math.round(x * 1000) / 1000;
const fitted = {
  ...model,
  note: `Fitted by npm run calibrate on ${rows.length} training transcripts (BothBosu *_train.csv and samples/); training F1 ${r3(best.f1)} at the scam threshold.`,
  intercept: r3(b0),
  stageWeights: Object.fromEntries(STAGES.map((s, j) => [s, r3(beta[j])])),
  extraStage: r3(beta[STAGES.length]),
  counter: r3(beta[STAGES.length + 1]),
  thresholds: { scam: best.t, suspicious: Math.min(model.thresholds.suspicious, best.t - 0.2) },
};
console.log(JSON.stringify(fitted, null, 2));
if (!dryRun) {
  writeFileSync(join(root, 'lexicons', 'model.json'), JSON.stringify(fitted, null, 2) + '\n');
  console.error('wrote lexicons/model.json; run npm run build && npm test, and review the golden diffs');
}
