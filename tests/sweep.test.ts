import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultThresholds, sweep } from '../src/eval/sweep.js';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

describe('eval --sweep', () => {
  const items = [
    { actual: true, score: 0.9 },
    { actual: true, score: 0.7 },
    { actual: true, score: 0.4 },
    { actual: false, score: 0.6 },
    { actual: false, score: 0.3 },
    { actual: false, score: 0.1 },
    { actual: false, score: 0.1 },
  ];

  it('tabulates precision, recall and FPR per threshold', () => {
    const s = sweep(items, [0.1, 0.5, 0.8], 0);
    expect(s.rows).toEqual([
      { threshold: 0.1, flagged: 7, tp: 3, fp: 4, precision: 3 / 7, recall: 1, falsePositiveRate: 1 },
      { threshold: 0.5, flagged: 3, tp: 2, fp: 1, precision: 2 / 3, recall: 2 / 3, falsePositiveRate: 0.25 },
      { threshold: 0.8, flagged: 1, tp: 1, fp: 0, precision: 1, recall: 1 / 3, falsePositiveRate: 0 },
    ]);
  });

  it('finds the lowest threshold (the most recall) for a target false-positive rate, among the scores themselves', () => {
    expect(sweep(items, [], 0).target.row).toMatchObject({ threshold: 0.7, recall: 2 / 3, falsePositiveRate: 0 });
    expect(sweep(items, [], 0.25).target.row).toMatchObject({ threshold: 0.4, recall: 1, falsePositiveRate: 0.25 });
    expect(sweep(items, [], 1).target.row).toMatchObject({ threshold: 0.1 });
    expect(sweep([{ actual: false, score: 1 }], [], 0).target.row).toBeNull();
  });

  it('grids 0.05 to 1 and adds the thresholds in use', () => {
    const t = defaultThresholds([0.55, 0.31]);
    expect(t[0]).toBe(0.05);
    expect(t.at(-1)).toBe(1);
    expect(t).toContain(0.31);
    expect(t).toHaveLength(21);
  });

  it('prints the sweep and the threshold for --target-fpr, and puts both in the JSON', async () => {
    const t = fakeIO();
    const args = ['eval', join(ROOT, 'samples'), '--labels', join(ROOT, 'samples', 'labels.csv'), '--no-config'];
    await run([...args, '--sweep', '--target-fpr', '0.05'], t.io);
    expect(t.out()).toMatch(/threshold\s+flagged\s+precision\s+recall\s+FPR/);
    expect(t.out()).toMatch(/Threshold for FPR <= 5\.0%: 0\.\d+ \(recall/);
    const j = fakeIO();
    await run([...args, '--sweep', '--format', 'json'], j.io);
    const report = JSON.parse(j.out());
    expect(report.sweep.rows.length).toBeGreaterThan(19);
    expect(report.sweep.target.falsePositiveRate).toBe(0.01);
    const plain = fakeIO();
    await run(args, plain.io);
    expect(plain.out()).not.toMatch(/sweep/);
  });
});
