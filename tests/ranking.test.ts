import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBytes, loadLexicons } from '../src/index.js';
import { toRecord, type ScanRecord } from '../src/report/record.js';
import { ScanSummary } from '../src/report/scanSummary.js';
import { formatJson } from '../src/report/json.js';
import { ROOT } from './helpers.js';

const lexicons = loadLexicons();
const SCAMS = [
  'en-scam-amazon-iphone-order-first-minutes.txt',
  'en-scam-cold-call-windows-dept-resists.txt',
  'en-scam-popup-defender-anydesk-googleplay.txt',
  'en-scam-norton-invoice-refund-giftcards.txt',
  'en-scam-crypto-atm-firewall-expired.txt',
];

describe('ranking by evidence strength', () => {
  it('gives every result a strength: the log-odds behind the score, in the JSON too', () => {
    for (const f of SCAMS) {
      const r = classifyBytes(readFileSync(join(ROOT, 'samples', f)), { file: f }, lexicons);
      expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-r.strength)), 2);
      expect(JSON.parse(formatJson(r)).strength).toBe(r.strength);
    }
  });

  it('ranks the scan summary by strength, not by the saturated score, ties in path order', () => {
    const summary = new ScanSummary();
    const results = SCAMS.map((f) => classifyBytes(readFileSync(join(ROOT, 'samples', f)), { file: f }, lexicons));
    expect(results.filter((r) => r.score === 1).length).toBeGreaterThan(2);
    for (const r of results) summary.add(toRecord(r, false));
    const strengths = summary.riskiest.map((r) => (r as Extract<ScanRecord, { strength: number }>).strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(summary.riskiest.map((r) => r.file)).not.toEqual(SCAMS.filter((f) => results.find((r) => r.file === f)!.verdict !== 'clean'));
    // Equal strengths keep the order they came in (path order).
    const ties = new ScanSummary();
    const one = toRecord(results[0]!, false) as Extract<ScanRecord, { strength: number }>;
    for (const name of ['a.txt', 'b.txt', 'c.txt']) ties.add({ ...one, file: name });
    expect(ties.riskiest.map((r) => r.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});
