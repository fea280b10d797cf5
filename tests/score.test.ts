import { describe, expect, it } from 'vitest';
import { corroborate, score, type Weighed } from '../src/core/score/score.js';
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

describe('score, as an analyst weighs evidence', () => {
  const at = (category: Weighed['category'], effective: number, utterance: number, receiver = false): Weighed => ({
    category,
    effective,
    at: utterance,
    receiver,
  });
  const windowed = { ...model, corroboration: { weak: 0.35, window: 12, isolated: 0.4 } };

  it('counts weak evidence fully only with stronger evidence near it', () => {
    const scattered = [at('pressure', 0.3, 10), at('payment', 0.3, 200), at('hook', 0.3, 400)];
    const together = [at('pressure', 0.3, 10), at('payment', 0.3, 14), at('hook', 0.6, 18)];
    expect(corroborate(scattered, windowed).map((e) => e.effective)).toEqual([0.3 * 0.4, 0.3 * 0.4, 0.3 * 0.4]);
    expect(corroborate(together, windowed).map((e) => e.effective)).toEqual([0.3, 0.3, 0.6]);
    expect(score(scattered, windowed).score).toBeLessThan(score(scattered, model).score);
    // A strong move counts wherever it is in the call, and without a model setting nothing changes.
    expect(corroborate([at('payment', 0.8, 500)], windowed)[0]!.effective).toBe(0.8);
    expect(corroborate(scattered, model)).toBe(scattered);
  });

  it("takes no counter-signal from the receiver: their 'I'll call my bank' is a refusal", () => {
    const base = [at('remote_access', 0.6, 1), at('hook', 0.6, 2)];
    expect(score([...base, at('counter', 0.7, 3, true)], model).score).toBe(score(base, model).score);
    expect(score([...base, at('counter', 0.7, 3)], model).score).toBeLessThan(score(base, model).score);
  });

  it('guards a decisive move of any stage against counter-signals, when the model says so', () => {
    const code = [at('credentials', 0.9, 1), at('counter', 0.8, 2)];
    const guarded = score(code, { ...model, guardDecisive: 0.85 });
    const unguarded = score([at('hook', 0.9, 1), at('counter', 0.8, 2)], model);
    const hookGuarded = score([at('hook', 0.9, 1), at('counter', 0.8, 2)], { ...model, guardDecisive: 0.85 });
    expect(hookGuarded.score).toBeGreaterThan(unguarded.score);
    expect(guarded.inputs.counter).toBeCloseTo(0.8 * model.counterGuard, 5);
  });
});
