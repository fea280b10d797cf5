import { describe, expect, it } from 'vitest';
import { parsePhrase } from '../src/core/lexicon/pattern.js';
import { matchAt } from '../src/core/match/match.js';
import { tokenize } from '../src/core/text/tokenize.js';
import { stemmerFor } from '../src/core/text/stem.js';

const matches = (phrase: string, text: string) => {
  const steps = parsePhrase(phrase, 'en');
  const tokens = tokenize(text, stemmerFor('en'));
  return tokens.some((_, i) => matchAt(steps, tokens, i) >= 0);
};

describe('phrase syntax', () => {
  it('matches words in order by stem', () => {
    expect(matches('gift card', 'buy two gift cards')).toBe(true);
    expect(matches('gift card', 'card gift')).toBe(false);
  });

  it('allows bounded gaps', () => {
    expect(matches('install ~3 anydesk', 'install the anydesk app')).toBe(true);
    expect(matches('install ~1 anydesk', 'install the new anydesk app')).toBe(false);
  });

  it('supports alternatives, exact forms, prefixes and shapes', () => {
    expect(matches('buy|purchase ~2 card', 'purchase the card')).toBe(true);
    expect(matches('=cards', 'one card')).toBe(false);
    expect(matches('infect*', 'infection found')).toBe(true);
    expect(matches('error #hexcode', 'error 0x8007042c')).toBe(true);
    expect(matches('error #hexcode', 'error please')).toBe(false);
  });

  it('rejects malformed phrases with a reason', () => {
    expect(() => parsePhrase('~2 card', 'en')).toThrow(/start with a gap/);
    expect(() => parsePhrase('card ~2', 'en')).toThrow(/end with a gap/);
    expect(() => parsePhrase('card ~9 x', 'en')).toThrow(/~1 to ~8/);
    expect(() => parsePhrase('ab*', 'en')).toThrow(/at least 3/);
    expect(() => parsePhrase('#nope', 'en')).toThrow(/unknown shape/);
    expect(() => parsePhrase('a||b', 'en')).toThrow(/empty alternative/);
  });

  it('stays linear on adversarial gaps', () => {
    const steps = parsePhrase('a ~8 a ~8 a ~8 a ~8 a ~8 a ~8 b', 'en');
    const tokens = tokenize('a '.repeat(2000), stemmerFor('en'));
    let found = false;
    for (let i = 0; i < tokens.length; i++) found ||= matchAt(steps, tokens, i) >= 0;
    expect(found).toBe(false);
  });
});

describe('sentence bounds', () => {
  it('never matches a phrase across a sentence end, but does across a comma or a dotted name', () => {
    expect(matches('approve ~8 phone', 'Approve it in the app. The prompt comes on your phone')).toBe(false);
    expect(matches('scratch ~4 read', 'scratch the back, read me the numbers')).toBe(true);
    expect(matches('go ~3 support me', 'go to support.me now')).toBe(true);
  });
});
