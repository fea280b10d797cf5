import type { Verdict } from '../../types.js';
import { escapeHtml } from './escape.js';

/** Small inline SVG charts for the report summary: no library, no fonts, nothing fetched. */

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Files per score bin, stacked by verdict (clean at the bottom), with the verdict thresholds marked.
 * Bar heights are proportional to counts; a bar with any file is at least 1 pixel high.
 */
export function histogramSvg(bins: ReadonlyArray<Record<Verdict, number>>, thresholds: { scam: number; suspicious: number }): string {
  const W = 480;
  const H = 190;
  const left = 36;
  const bottom = 24;
  const top = 10;
  const plotW = W - left - 8;
  const plotH = H - bottom - top;
  const max = Math.max(1, ...bins.map((b) => b.clean + b.suspicious + b.scam));
  const bw = plotW / bins.length;
  const parts: string[] = [];
  bins.forEach((b, i) => {
    let y = top + plotH;
    const x = left + i * bw;
    const from = (i / bins.length).toFixed(2);
    const to = ((i + 1) / bins.length).toFixed(2);
    for (const v of ['clean', 'suspicious', 'scam'] as const) {
      if (!b[v]) continue;
      const h = Math.max(1, (b[v] / max) * plotH);
      y -= h;
      parts.push(
        `<rect class="v-${v}" x="${(x + 1).toFixed(1)}" y="${y.toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>score ${from}–${to}: ${fmt(b[v])} ${v}</title></rect>`,
      );
    }
  });
  for (const [name, t] of [
    ['suspicious', thresholds.suspicious],
    ['scam', thresholds.scam],
  ] as const) {
    const x = (left + t * plotW).toFixed(1);
    parts.push(`<line class="threshold" x1="${x}" x2="${x}" y1="${top}" y2="${top + plotH}"><title>${name} threshold ${t}</title></line>`);
    parts.push(`<text class="tick" x="${x}" y="${top + 8}" dx="3">${name}</text>`);
  }
  for (const t of [0, 0.25, 0.5, 0.75, 1]) parts.push(`<text class="tick" x="${(left + t * plotW).toFixed(1)}" y="${H - 6}" text-anchor="middle">${t}</text>`);
  parts.push(
    `<text class="tick" x="${left - 4}" y="${top + 8}" text-anchor="end">${fmt(max)}</text><text class="tick" x="${left - 4}" y="${top + plotH}" text-anchor="end">0</text>`,
  );
  parts.push(`<line class="axis" x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  return `<svg class="chart" role="img" aria-label="Score histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

export interface BarItem {
  label: string;
  value: number;
  /** Shown after the bar instead of the value. */
  note?: string;
  /** CSS class giving the bar its colour. */
  cls: string;
}

/** Horizontal bars, one per item, scaled to the largest value. */
export function barsSvg(items: readonly BarItem[], label: string): string {
  const W = 360;
  const rowH = 20;
  const left = 104;
  const barMax = 170;
  const H = Math.max(1, items.length) * rowH + 4;
  const max = Math.max(1, ...items.map((i) => i.value));
  const parts = items.map((item, k) => {
    const y = 2 + k * rowH;
    const w = item.value > 0 ? Math.max(2, (item.value / max) * barMax) : 0;
    const text = escapeHtml(item.note ?? fmt(item.value));
    return (
      `<text class="label" x="${left - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(item.label)}</text>` +
      `<rect class="${escapeHtml(item.cls)}" x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}"><title>${escapeHtml(item.label)}: ${text}</title></rect>` +
      `<text class="tick" x="${(left + w + 5).toFixed(1)}" y="${y + 14}">${text}</text>`
    );
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}
