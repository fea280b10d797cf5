#!/usr/bin/env node
// Every development corpus in one table, as written and again stripped to raw speech-to-text
// (lower case, no punctuation, no speaker labels: scripts/strip.mjs). Issues 14 and 15, "Measure".
//
//   npm run eval                                  # build, then every set
//   node scripts/eval-all.mjs --corpora DIR       # the shared corpora (default ../shared/corpora)
//   node scripts/eval-all.mjs --only samples,devset
//   node scripts/eval-all.mjs --compare ../main   # another checkout with a built dist/: before | after
//   node scripts/eval-all.mjs --format md         # the table in Markdown, for the README
//   node scripts/eval-all.mjs --format json       # machine-readable, with the misclassified calls
//
// The sets: samples/ and devset/ (labels.csv each, in this repository), BothBosu test (the two
// *_test.csv: text column `dialogue`, label column `labels`), and the development halves of the real
// corpora, real/ftc-robocalls and real/switchboard (labels.csv each). It classifies in-process with
// the library facade (dist/index.js): files with classifyBytes (format detection and decoding as
// `scamscan eval` does), data set rows with classifyText, with the built-in lexicons; the positive
// verdict is `scam`, as `scamscan eval` counts by default. devset/ is a held-out-ish figure: look,
// never tune on its rows. Needs no network; the shared corpora are optional (skipped, and said so).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { strip } from './strip.mjs';
import { parseCsv as readCsv, parseLabel } from '../dist/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Reading: labels files and CSV data sets, with the library's own CSV reader and label rule (the
// ones `scamscan eval` uses), from this checkout's build whatever build is measured.

/** The rows of a CSV text, each an array of cells (blank lines skipped). */
export function parseCsv(text) {
  return readCsv(text)
    .map((r) => r.cells)
    .filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

export { parseLabel };

/** UTF-8 (BOM or not) or UTF-16 with a BOM; else Latin-1. For stripping only: the library decodes the originals. */
function decodeText(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** A folder with a labels.csv (`file,label`): one item per labelled file, read as bytes. */
export function labelledFolder(dir) {
  const labels = join(dir, 'labels.csv');
  if (!existsSync(labels)) throw new Skip(`${labels} not found`);
  const [header, ...rows] = parseCsv(readFileSync(labels, 'utf8'));
  const f = header.indexOf('file');
  const l = header.indexOf('label');
  if (f < 0 || l < 0) throw new Error(`${labels}: needs the columns file,label`);
  return rows.map((r) => {
    const path = resolve(dir, r[f]);
    return { name: r[f], scam: parseLabel(r[l], `${labels}: ${r[f]}`), kind: 'bytes', data: existsSync(path) ? readFileSync(path) : null };
  });
}

/** CSV data sets: one item per row (text column, label column). */
function csvSets(files, textColumn, labelColumn) {
  const items = [];
  for (const file of files) {
    if (!existsSync(file)) throw new Skip(`${file} not found`);
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    const t = header.indexOf(textColumn);
    const l = header.indexOf(labelColumn);
    if (t < 0 || l < 0) throw new Error(`${file}: needs the columns ${textColumn} and ${labelColumn}`);
    rows.forEach((r, n) => items.push({ name: `${basename(file)}#${n + 1}`, scam: parseLabel(r[l], `${file} row ${n + 1}`), kind: 'text', data: r[t] ?? '' }));
  }
  return items;
}

class Skip extends Error {}

/** The development sets, in table order. `where` says where the data comes from. */
export function developmentSets(corpora) {
  const bb = join(corpora, 'bothbosu');
  return [
    { name: 'samples', where: 'samples/ (this repository)', load: () => labelledFolder(join(ROOT, 'samples')) },
    { name: 'devset', where: 'devset/ (this repository; held-out-ish: never tune on it)', load: () => labelledFolder(join(ROOT, 'devset')) },
    {
      name: 'bothbosu-test',
      shared: true,
      where: `${bb}/*_test.csv`,
      load: () => csvSets([join(bb, 'single-agent-scam-dialogue_test.csv'), join(bb, 'multi_agent_conversation_test.csv')], 'dialogue', 'labels'),
    },
    {
      name: 'ftc-robocalls',
      shared: true,
      where: `${join(corpora, 'real', 'ftc-robocalls')} (development half)`,
      load: () => labelledFolder(join(corpora, 'real', 'ftc-robocalls')),
    },
    {
      name: 'switchboard',
      shared: true,
      where: `${join(corpora, 'real', 'switchboard')} (development half)`,
      load: () => labelledFolder(join(corpora, 'real', 'switchboard')),
    },
  ];
}

/** The same items stripped to raw speech-to-text; the format is kept (scripts/strip.mjs). */
export function strippedItems(items) {
  return items.map((it) => {
    if (it.data === null) return it;
    if (it.kind === 'text') return { ...it, data: strip(it.data) };
    return { ...it, data: Buffer.from(strip(decodeText(it.data)), 'utf8') };
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Precision, recall, F1 and false-positive rate; null where the denominator is 0. */
export function metrics(pairs) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { scam, flagged } of pairs) {
    if (scam && flagged) tp++;
    else if (scam) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  const ratio = (a, b) => (b === 0 ? null : a / b);
  // With no scam in the set, precision and F1 say nothing (every flag is a false alarm: see FPR).
  const precision = tp + fn === 0 ? null : ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = tp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
  return { n: pairs.length, tp, fp, fn, tn, precision, recall, f1, fpr: ratio(fp, fp + tn) };
}

/** Classifies the items with one build; the report of one set. */
export function measure(lib, lexicons, items) {
  const t0 = performance.now();
  const pairs = [];
  const errors = [];
  for (const it of items) {
    try {
      if (it.data === null) throw new Error('file not found');
      const result = it.kind === 'text' ? lib.classifyText(it.data, { file: it.name }, lexicons) : lib.classifyBytes(it.data, { file: it.name }, lexicons);
      pairs.push({ name: it.name, scam: it.scam, flagged: result.verdict === 'scam', verdict: result.verdict, score: result.score, language: result.language });
    } catch (e) {
      errors.push({ name: it.name, error: e?.problem ?? e?.message ?? String(e) });
    }
  }
  const languages = [...new Set(pairs.map((p) => p.language))].sort();
  return {
    overall: metrics(pairs),
    byLanguage: Object.fromEntries(languages.map((l) => [l, metrics(pairs.filter((p) => p.language === l))])),
    errors,
    misclassified: pairs
      .filter((p) => p.scam !== p.flagged)
      .map(({ name, scam, verdict, score, language }) => ({ name, label: scam ? 'scam' : 'legit', verdict, score, language })),
    ms: Math.round(performance.now() - t0),
  };
}

/** The library of a checkout: its built dist/index.js (facade only). */
export async function loadBuild(dir) {
  const entry = join(dir, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} not found: run npm run build in ${dir}`);
  const lib = await import(pathToFileURL(entry).href);
  for (const f of ['loadLexicons', 'classifyText', 'classifyBytes']) if (typeof lib[f] !== 'function') throw new Error(`${entry} has no ${f}()`);
  return { dir, label: basename(resolve(dir)), lib, lexicons: lib.loadLexicons() };
}

/**
 * Loads, strips and classifies every selected set with every build. `only` holds set names
 * (`samples`: both variants, `samples/stripped`: that row alone).
 */
export function runAll(builds, sets, only) {
  const rows = [];
  const skipped = [];
  const wanted = (name) => !only || only.has(name) || only.has(name.split('/')[0]);
  for (const set of sets) {
    if (!wanted(set.name) && !wanted(`${set.name}/stripped`)) continue;
    let items;
    try {
      items = set.load();
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      skipped.push({ name: set.name, reason: e.message });
      continue;
    }
    for (const variant of ['as written', 'stripped']) {
      const name = variant === 'stripped' ? `${set.name}/stripped` : set.name;
      if (!wanted(name)) continue;
      const input = variant === 'stripped' ? strippedItems(items) : items;
      rows.push({
        name,
        set: set.name,
        variant,
        where: set.where,
        results: builds.map((b) => ({ build: b.label, dir: b.dir, ...measure(b.lib, b.lexicons, input) })),
      });
    }
  }
  return { rows, skipped };
}

// ---------------------------------------------------------------------------------------------
// Printing

const f3 = (x) => (x === null ? '—' : x.toFixed(3));
const pct = (x) => (x === null ? '—' : `${(100 * x).toFixed(x < 0.1 ? 2 : 1)}%`);

const NONE = { n: 0, tp: 0, fp: 0, fn: 0, tn: 0, precision: null, recall: null, f1: null, fpr: null };

/** The table as cells: a header, then one row per set and variant, sub-rows per language where a set has several. */
export function tableCells({ rows }, builds) {
  const compare = builds.length > 1;
  const header = compare ? ['set', 'n', 'precision', 'recall', 'F1', 'FPR'] : ['set', 'n', 'precision', 'recall', 'F1', 'FPR', 'tp', 'fp', 'fn', 'tn'];
  const cells = (label, ms) => {
    if (!compare) {
      const m = ms[0];
      return [label, String(m.n), f3(m.precision), f3(m.recall), f3(m.f1), pct(m.fpr), ...[m.tp, m.fp, m.fn, m.tn].map(String)];
    }
    const [a, b] = ms;
    const pair = (k, fmt) => `${fmt(a[k])} → ${fmt(b[k])}`;
    return [label, a.n === b.n ? String(a.n) : `${a.n}/${b.n}`, pair('precision', f3), pair('recall', f3), pair('f1', f3), pair('fpr', pct)];
  };
  const body = [];
  for (const row of rows) {
    body.push({
      cells: cells(
        row.name,
        row.results.map((r) => r.overall),
      ),
      row,
    });
    const languages = [...new Set(row.results.flatMap((r) => Object.keys(r.byLanguage)))].sort();
    if (languages.length > 1)
      for (const l of languages)
        body.push({
          cells: cells(
            `  ${l}`,
            row.results.map((r) => r.byLanguage[l] ?? NONE),
          ),
          sub: true,
        });
  }
  return { header, body };
}

/** What the figures are and where they come from, under the table. */
function notes({ rows, skipped }, builds) {
  const compare = builds.length > 1;
  const out = ['Positive verdict: scam. FPR = legit calls flagged scam / legit calls. "—": no such calls in the set.'];
  out.push('Language: as scamscan detected it. "/stripped": lower-cased, punctuation and speaker labels removed (scripts/strip.mjs).');
  if (compare) out.push(`before: ${builds[0].dir}; after: ${builds[1].dir}.`);
  for (const [set, where] of new Map(rows.map((r) => [r.set, r.where]))) out.push(`${set}: ${where}`);
  for (const s of skipped) out.push(`SKIPPED ${s.name} (and its stripped run): ${s.reason}`);
  const times = builds.map((b, i) => `${compare ? `${b.label} ` : ''}${rows.reduce((t, r) => t + r.results[i].ms, 0) / 1000}s`);
  out.push(`Classified in ${times.join(', ')}.`);
  return out;
}

/** The side-by-side table, for a terminal. */
export function formatTable(report, builds) {
  const compare = builds.length > 1;
  const { header, body } = tableCells(report, builds);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r.cells[c].length)) + (c === 0 ? 0 : 2));
  const line = (cells) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[0]) : x.padStart(widths[c]))).join('');
  const out = [];
  if (compare) out.push('cells: before → after');
  out.push(line(header), '-'.repeat(widths.reduce((a, b) => a + b, 0)));
  for (const { cells, row } of body) {
    out.push(line(cells));
    if (!row) continue;
    for (const r of row.results) for (const e of r.errors.slice(0, 3)) out.push(`  ! ${compare ? `${r.build}: ` : ''}${e.name}: ${e.error}`);
    for (const r of row.results) if (r.errors.length > 3) out.push(`  ! ${r.errors.length - 3} more errors`);
  }
  out.push('', ...notes(report, builds));
  return out.join('\n');
}

/** The same table in Markdown, for the README (language rows in italics). */
export function formatMarkdown(report, builds) {
  const { header, body } = tableCells(report, builds);
  const md = (cells) => `| ${cells.join(' | ')} |`;
  const out = [md(header), md(header.map((_, c) => (c === 0 ? '---' : '---:')))];
  for (const { cells, sub } of body) out.push(md(sub ? [`&nbsp;&nbsp;*${cells[0].trim()}*`, ...cells.slice(1)] : [`\`${cells[0]}\``, ...cells.slice(1)]));
  const errors = report.rows.flatMap((r) => r.results.flatMap((x) => x.errors.map((e) => `${r.name}: ${e.name}: ${e.error}`)));
  out.push('', ...notes(report, builds).map((n) => `${n}  `), ...errors.map((e) => `error: ${e}  `));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

const USAGE = `usage: node scripts/eval-all.mjs [--corpora DIR] [--only name,...] [--compare DIR] [--format pretty|md|json]
  --corpora DIR   the shared corpora (bothbosu/, real/); default ../shared/corpora next to this checkout
  --only LIST     sets to run: samples, devset, bothbosu-test, ftc-robocalls, switchboard; NAME/stripped for one variant
  --compare DIR   another scamscan checkout with a built dist/: printed as "before", this checkout as "after"
  --format FORMAT pretty (default), md (the table in Markdown, for the README) or json (with the
                  misclassified calls and errors of every set)`;

function parseArgs(argv) {
  const opts = { corpora: resolve(ROOT, '..', 'shared', 'corpora'), format: 'pretty', only: null, compare: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--corpora') opts.corpora = resolve(value());
    else if (a === '--format' || a === '-f') opts.format = value();
    else if (a === '--only')
      opts.only = new Set(
        value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else if (a === '--compare') opts.compare = resolve(value());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!['pretty', 'md', 'json'].includes(opts.format)) throw new Error(`--format is pretty, md or json\n${USAGE}`);
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const sets = developmentSets(opts.corpora);
  if (opts.only) {
    const known = new Set(sets.flatMap((s) => [s.name, `${s.name}/stripped`]));
    const unknown = [...opts.only].filter((n) => !known.has(n));
    if (unknown.length) throw new Error(`unknown set ${unknown.join(', ')} (known: ${sets.map((s) => s.name).join(', ')}, each also NAME/stripped)`);
  }
  if (!existsSync(opts.corpora) || !statSync(opts.corpora).isDirectory()) {
    for (const s of sets.filter((s) => s.shared))
      s.load = () => {
        throw new Skip(`${opts.corpora} not found (the shared corpora are not part of the repository; pass --corpora DIR)`);
      };
  }
  const builds = [];
  if (opts.compare) builds.push(await loadBuild(opts.compare));
  builds.push(await loadBuild(ROOT));
  if (builds.length > 1 && builds[0].label === builds[1].label) builds.forEach((b) => (b.label = b.dir));
  const report = runAll(builds, sets, opts.only);
  for (const s of report.skipped) console.error(`skipped ${s.name}: ${s.reason}`);
  if (opts.format === 'json') {
    console.log(JSON.stringify({ corpora: opts.corpora, positive: 'scam', builds: builds.map((b) => ({ label: b.label, dir: b.dir })), ...report }, null, 2));
  } else console.log(opts.format === 'md' ? formatMarkdown(report, builds) : formatTable(report, builds));
  if (report.rows.some((r) => r.results.some((x) => x.errors.length))) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`eval-all: ${e.message}`);
    process.exit(2);
  });
}
