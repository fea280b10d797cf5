import { describe, expect, it } from 'vitest';
import { score, type Weighed } from '../src/core/score/score.js';
import { fixtureLexicons } from './helpers.js';

const { model } = fixtureLexicons();
const ev = (category: Weighed['category'], effective: number): Weighed => ({ category, effective });

describe('score', () => {
  it('one mention of a remote-access tool is not a scam', () => {
    expect(score([ev('remote_access', 0.3)], model).verdict).toBe('clean');
  });

  it('several stages weigh more than many hits of one kind', () => {
    const repeated = score(
      Array.from({ length: 10 }, () => ev('payment', 0.5)),
      model,
    );
    const staged = score([ev('remote_access', 0.5), ev('fake_proof', 0.5), ev('payment', 0.5)], model);
    expect(staged.score).toBeGreaterThan(repeated.score);
    expect(repeated.verdict).not.toBe('scam');
    expect(staged.verdict).toBe('scam');
  });

  it('counter-signals lower the score but never erase live access plus payment', () => {
    const base = [ev('remote_access', 0.6), ev('payment', 0.8), ev('fake_proof', 0.5)];
    const withCounter = score([...base, ev('counter', 0.9)], model);
    expect(withCounter.score).toBeLessThan(score(base, model).score);
    expect(withCounter.verdict).toBe('scam');
    const helpDesk = score([ev('remote_access', 0.6), ev('counter', 0.9)], model);
    expect(helpDesk.verdict).toBe('clean');
  });

  it('attributes the log-odds to the evidence', () => {
    const s = score([ev('remote_access', 0.6), ev('payment', 0.8), ev('counter', 0.5)], model);
    const total = s.contributions.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(s.logit - model.intercept, 1);
    expect(s.contributions[2]).toBeLessThan(0);
  });

  it('stays in [0, 1] with no evidence', () => {
    const s = score([], model);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.verdict).toBe('clean');
  });
});
