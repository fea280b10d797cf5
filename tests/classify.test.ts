import { describe, expect, it } from 'vitest';
import { classifyTranscriptText } from '../src/core/call/classify.js';
import { fixtureLexicons } from './helpers.js';

const lex = fixtureLexicons();
const SCAM = `Agent: Hello, your computer is infected, I see error 0x8007042c.
Caller: Oh no!
Agent: Please download, uh, the AnyDesk app.
Agent: Then buy gift cards, scratch the back and read me the numbers.`;

describe('classify (fixture lexicons)', () => {
  it('quotes each finding as said with utterance, speaker, line and column', () => {
    const r = classifyTranscriptText(SCAM, lex, { file: 'call.txt' });
    const f = r.findings.find((x) => x.id === 'en.remote_access.install')!;
    expect(f).toMatchObject({ text: 'download, uh, the AnyDesk', utterance: 3, speaker: 'Agent', line: 3, column: 15, category: 'remote_access' });
    expect(SCAM.slice(f.offset, f.offset + f.length)).toBe(f.text);
    expect(r.findings.some((x) => x.id === 'any.remote_access.anydesk')).toBe(false); // inside the stronger phrase
  });

  it('flags the script of access + proof + payment as scam and says when it became one', () => {
    const r = classifyTranscriptText(SCAM, lex);
    expect(r.verdict).toBe('scam');
    expect(r.stagesSeen).toEqual(['access', 'proof', 'payment']);
    expect(r.alert).toBe(4);
    expect(r.driver).toBe('Agent');
    const sum = r.findings.reduce((t, f) => t + f.contribution, 0);
    expect(sum).toBeGreaterThan(0);
  });

  it('does not count negated or prohibited evidence', () => {
    const r = classifyTranscriptText('Bank: We will never ask you to buy gift cards. Do not install AnyDesk for anyone.', lex);
    const gift = r.findings.find((f) => f.id === 'en.payment.gift-card')!;
    expect(gift.modifiers).toContain('negated');
    expect(gift.effective).toBe(0);
    expect(r.verdict).toBe('clean');
  });

  it('weighs retold evidence less than live instructions', () => {
    const live = classifyTranscriptText('Please download the AnyDesk app now.', lex).findings[0]!;
    const told = classifyTranscriptText('He told me to download the AnyDesk app, so I hung up.', lex).findings[0]!;
    expect(told.modifiers).toContain('reported');
    expect(told.effective).toBeLessThan(live.effective);
  });

  it('weighs the receiver less than the driver', () => {
    const r = classifyTranscriptText('Agent: download the AnyDesk app and buy gift cards\nCaller: gift cards?', lex);
    const [byAgent, byCaller] = r.findings.filter((f) => f.id === 'en.payment.gift-card');
    expect(byCaller!.modifiers).toContain('receiver');
    expect(byCaller!.effective).toBeLessThan(byAgent!.effective);
  });

  it('detects French and matches French stems without accents', () => {
    const r = classifyTranscriptText("Technicien : votre ordinateur est infecte, je vais prendre la main à distance.\nClient : d'accord", lex);
    expect(r.language).toBe('fr');
    expect(r.findings.map((f) => f.id)).toEqual(['fr.remote_access.infecte', 'fr.remote_access.main']);
  });

  it('honours a forced language', () => {
    expect(classifyTranscriptText('the end', lex, { language: 'fr' }).language).toBe('fr');
  });
});
