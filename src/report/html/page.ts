import { createHash } from 'node:crypto';
import type { Category } from '../../types.js';
import { CATEGORIES, STAGES, VERDICTS } from '../../types.js';
import { APP_SCRIPT } from './app.js';
import { barsSvg, histogramSvg } from './charts.js';
import { escapeHtml, scriptJson } from './escape.js';
import type { ReportStats } from './stats.js';

/** Category colours, the same hues as the terminal's (pretty.ts): a colour for the bar, a tint to highlight. */
const CATEGORY_HUE: Record<Category, [string, string]> = {
  hook: ['#8e24aa', '#f3e5f5'],
  authority: ['#1565c0', '#e3f2fd'],
  remote_access: ['#00838f', '#e0f7fa'],
  fake_proof: ['#b7791f', '#fff8e1'],
  payment: ['#c62828', '#ffebee'],
  credentials: ['#6d4c41', '#efebe9'],
  pressure: ['#37474f', '#eceff1'],
  counter: ['#2e7d32', '#e8f5e9'],
};

const CSS = `
:root{--scam:#c62828;--suspicious:#f9a825;--clean:#2e7d32;--error:#616161;--fg:#1d1d1f;--muted:#6b6b70;--line:#e2e2e6;--bg:#fafafa}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:20px 24px 60px}h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);margin:2px 0 10px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}.card b{display:block;font-size:24px}
.card.v-scam b{color:var(--scam)}.card.v-suspicious b{color:#b28704}.card.v-clean b{color:var(--clean)}.card.v-error b{color:var(--error)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:14px}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}figcaption{font-weight:600;margin-bottom:6px}figcaption small{font-weight:400;color:var(--muted)}
.chart{max-width:100%;height:auto;display:block}.chart text{font:11px system-ui,sans-serif;fill:#333}.chart .tick{fill:var(--muted)}
.chart .axis{stroke:#999}.chart .threshold{stroke:#555;stroke-dasharray:4 3}.chart .alert{stroke:var(--scam);stroke-width:2}.chart .alert-label{fill:var(--scam);font-weight:600}
.chart .line{fill:none;stroke:#37474f;stroke-width:2}.chart .area{fill:#eceff1}
rect.v-scam,circle.v-scam{fill:var(--scam)}rect.v-suspicious,circle.v-suspicious{fill:var(--suspicious)}rect.v-clean,circle.v-clean{fill:var(--clean)}rect.bar{fill:#546e7a}
.controls{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}.controls input{flex:1;min-width:220px}
input,select,button{font:inherit;padding:4px 8px;border:1px solid #c7c7cc;border-radius:6px;background:#fff}button{cursor:pointer}button:disabled{opacity:.4;cursor:default}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{white-space:nowrap}
th button{border:0;background:none;padding:0;font-weight:600}th[aria-sort=ascending] button::after{content:" \\25b2"}th[aria-sort=descending] button::after{content:" \\25bc"}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}td.file{word-break:break-all}td.error,p.error{color:var(--error)}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;text-transform:uppercase}
.badge.v-scam{background:var(--scam)}.badge.v-suspicious{background:var(--suspicious);color:#000}.badge.v-clean{background:var(--clean)}.badge.v-error{background:var(--error)}
.st{color:#c7c7cc;font-size:12px}.st.on{color:#37474f}.chip{display:inline-block;margin:0 4px 2px 0;padding:0 6px;border-radius:4px;font-size:12px;border:1px solid}
#pager{display:flex;gap:10px;align-items:center;margin:8px 0}
#detail{position:fixed;top:0;right:0;bottom:0;width:min(920px,100%);overflow:auto;z-index:2;background:#fff;border-left:1px solid var(--line);box-shadow:-6px 0 24px rgba(0,0,0,.15);padding:0 18px 16px}#detail h2 .file{word-break:break-all}
.dnav{position:sticky;top:0;z-index:1;display:flex;gap:8px;align-items:center;background:#fff;padding:10px 0;border-bottom:1px solid var(--line)}.dnav #dclose{margin-left:auto}
ol.transcript{padding-left:3.2em;margin:6px 0}ol.transcript li{padding:3px 0;border-bottom:1px dotted var(--line)}ol.transcript li:not(.alert-note)>span.who+span.text{display:inline-block;vertical-align:top;width:calc(100% - 8em - 8px)}
ol.transcript li.alert{background:#fff5f5;box-shadow:inset 3px 0 var(--scam)}ol.transcript li.alert-note{list-style:none;color:var(--scam);font-weight:600;border:0}
.who{display:inline-block;width:8em;vertical-align:top;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600;color:#37474f;margin-right:8px}mark{border-radius:3px;padding:0 1px;color:inherit}mark.negated{text-decoration:line-through}
table.evidence td.said{font-weight:600}table.evidence td.id{color:var(--muted);font-size:12px}.legend{margin:4px 0}.warning{color:#8d6e00}
${CATEGORIES.map((c) => `.c-${c}{border-color:${CATEGORY_HUE[c][0]};color:${CATEGORY_HUE[c][0]}}mark.c-${c}{background:${CATEGORY_HUE[c][1]};border-bottom:2px solid ${CATEGORY_HUE[c][0]};color:inherit}rect.c-${c}{fill:${CATEGORY_HUE[c][0]}}`).join('\n')}
`;

/** The CSP lets this page run its own script (by hash) and nothing else, and load nothing at all. */
const SCRIPT_HASH = createHash('sha256').update(APP_SCRIPT).digest('base64');
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

/** Everything before the per-file data blocks. */
export function pageHead(title: string): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">\n` +
    `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style></head>\n<body>\n`
  );
}

/** One file's detail (deflated JSON in base64: no markup can hide in it), read when the file is opened. */
export function detailBlock(index: number, detail: string): string {
  if (!/^[A-Za-z0-9+/=]*$/.test(detail)) throw new Error(`detail ${index} is not base64`);
  return `<script type="application/x-scamscan-detail" id="d${index}">${detail}</script>\n`;
}

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number, of: number) => (of ? `${Math.round((100 * x) / of)}%` : '0%');

export interface PageSummary {
  files: number;
  seconds: number;
  interrupted: boolean;
  thresholds: { scam: number; suspicious: number };
}

function summaryHtml(stats: ReportStats, s: PageSummary): string {
  const cards = [
    ...VERDICTS.slice()
      .reverse()
      .map((v) => `<div class="card v-${v}"><b>${n(stats.verdicts[v])}</b>${v}</div>`),
    `<div class="card v-error"><b>${n(stats.errors)}</b>errors</div>`,
  ];
  const share = stats.medianAlertShare();
  if (share !== null) cards.push(`<div class="card"><b>${Math.round(share * 100)}%</b>of the call heard when the alert fired (median)</div>`);
  const flagged = stats.flagged;
  const cats = [...stats.categories]
    .filter(([c]) => c !== 'counter')
    .sort((a, b) => b[1].files - a[1].files || b[1].contribution - a[1].contribution)
    .map(([c, v]) => ({ label: c, value: v.files, note: `${n(v.files)} (${pct(v.files, flagged)})`, cls: `c-${c}` }));
  const stages = STAGES.map((st) => ({
    label: st,
    value: stats.stages.get(st)!,
    note: `${n(stats.stages.get(st)!)} (${pct(stats.stages.get(st)!, flagged)})`,
    cls: 'bar',
  }));
  const mix = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value, cls: 'bar' }));
  return (
    `<header><h1>scamscan report</h1><p class="meta">${n(s.files)} files scanned in ${s.seconds} s${s.interrupted ? ' (interrupted: not every file was scanned)' : ''} · ` +
    `scam from score ${s.thresholds.scam}, suspicious from ${s.thresholds.suspicious}</p></header>\n` +
    `<section class="cards">${cards.join('')}</section>\n<section class="charts">` +
    `<figure><figcaption>Scores <small>(files per score, by verdict)</small></figcaption>${histogramSvg(stats.histogram, s.thresholds)}</figure>` +
    `<figure><figcaption>What drives the flags <small>(flagged files with evidence of each category)</small></figcaption>${barsSvg(cats, 'Categories in flagged files')}</figure>` +
    `<figure><figcaption>Stages of the scam script <small>(flagged files where each was seen)</small></figcaption>${barsSvg(stages, 'Stages in flagged files')}</figure>` +
    `<figure><figcaption>Languages and formats</figcaption>${barsSvg(mix(stats.languages), 'Languages')}${barsSvg(mix(stats.formats), 'Formats')}</figure>` +
    `</section>\n`
  );
}

function controlsHtml(stats: ReportStats): string {
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const cols: Array<[string, string]> = [
    ['file', 'File'],
    ['verdict', 'Verdict'],
    ['score', 'Score'],
    ['strength', 'Strength'],
    ['alert', 'Alert'],
    ['language', 'Lang'],
    ['format', 'Format'],
    ['stages', 'Stages'],
  ];
  return (
    `<section id="files"><h2>Files</h2><div class="controls">` +
    `<input id="q" type="search" placeholder="Filter by file name" aria-label="Filter by file name">` +
    `<select id="fv" aria-label="Verdict">${option('', 'any verdict')}${[...VERDICTS, 'error']
      .reverse()
      .map((v) => option(v, v))
      .join('')}</select>` +
    `<select id="fl" aria-label="Language">${option('', 'any language')}${[...stats.languages.keys()]
      .sort()
      .map((l) => option(l, l))
      .join('')}</select>` +
    `<select id="fc" aria-label="Category">${option('', 'any category')}${CATEGORIES.map((c, i) => option(String(i), c)).join('')}</select>` +
    `<button id="export" type="button" title="the files shown (all pages), as CSV">Export CSV</button><span id="count" class="meta"></span></div><p id="base" class="meta"></p>` +
    `<table id="table"><thead><tr>${cols.map(([k, label]) => `<th data-key="${k}"><button type="button">${label}</button></th>`).join('')}<th>Top categories</th></tr></thead><tbody id="tbody"></tbody></table>` +
    `<nav id="pager"><button id="prev" type="button">‹ Previous</button><span id="page" class="meta"></span><button id="next" type="button">Next ›</button></nav></section>\n` +
    `<section id="detail" hidden></section>\n<noscript><p>The table and the transcripts need JavaScript; the summary above does not.</p></noscript>\n`
  );
}

/** Everything after the data blocks: the summary, the table's frame, the rows and the script. */
export function pageTail(stats: ReportStats, summary: PageSummary, rowsJson: string): string {
  const meta = { categories: CATEGORIES, stages: STAGES, thresholds: summary.thresholds };
  return (
    `<main>\n${summaryHtml(stats, summary)}${controlsHtml(stats)}</main>\n` +
    `<script type="application/json" id="meta">${scriptJson(meta)}</script>\n` +
    `<script type="application/json" id="rows">${rowsJson}</script>\n` +
    `<script>${APP_SCRIPT}</script>\n</body></html>\n`
  );
}
