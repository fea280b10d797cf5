import { describe, expect, it } from 'vitest';
import { some } from './helpers.js';
import { loadLexicons } from '../src/index.js';
import { classifyTranscriptText } from '../src/core/call/classify.js';

// Issue 14: the driver is who gives instructions, claims authority and makes requests, not who
// has the most matched evidence.
const lex = loadLexicons();

describe('roles by function', () => {
  it('keeps the scammer the driver when the victim reads out and repeats every instruction', () => {
    const call = `Tech: Hello, I am calling from the Windows technical department.
Victim: Oh, okay. What do I do?
Tech: Press the Windows key and R, then type anydesk dot com.
Victim: I typed anydesk dot com. It says download AnyDesk. Download AnyDesk for free. Your computer is infected with a virus. Call Microsoft support.
Tech: Click on download and open it.
Victim: I clicked download AnyDesk and opened AnyDesk. It says remote access, allow remote access to your computer. It shows a nine digit code.
Tech: Read me the nine digit code please.
Victim: The code is 123 456 789. What do I do now?`;
    const r = classifyTranscriptText(call, lex);
    expect(r.driver).toBe('Tech');
    for (const f of some(r.findings.filter((x) => x.speaker === 'Tech'))) expect(f.modifiers).not.toContain('receiver');
  });

  it('lets several speakers drive one call (a hand-off to a supervisor)', () => {
    const call = `Agent: This is Amazon customer support. Your account was charged 499 dollars for an iPhone.
Customer: I did not order that.
Agent: Please download AnyDesk so I can cancel the order. Type the nine digit code to me.
Customer: Okay, I see the code.
Agent: I will transfer you to my supervisor now.
Supervisor: This is the supervisor of the refund department. You need to buy Google Play gift cards to reverse the refund.
Customer: Where do I buy them?
Supervisor: Go to Walmart and read me the numbers on the back. Do not tell the cashier.`;
    const r = classifyTranscriptText(call, lex);
    for (const f of some(r.findings.filter((x) => x.speaker === 'Agent' || x.speaker === 'Supervisor'))) expect(f.modifiers, f.text).not.toContain('receiver');
    expect(
      r.findings
        .filter((x) => x.speaker === 'Customer' && x.category !== 'counter')
        .every((f) => f.modifiers.includes('receiver') || f.modifiers.includes('negated') || f.modifiers.includes('reported')),
    ).toBe(true);
  });

  it('keeps the receiver discount for a receiver who only repeats', () => {
    const r = classifyTranscriptText(
      'Agent: Please download the AnyDesk app and buy gift cards.\nAgent: You need to go to the store now.\nCaller: gift cards?',
      lex,
    );
    const byCaller = r.findings.filter((f) => f.speaker === 'Caller' && f.category !== 'counter');
    expect(byCaller.length).toBeGreaterThan(0);
    for (const f of some(byCaller)) expect(f.modifiers).toContain('receiver');
  });

  it('gives no receiver discount to unlabelled speech', () => {
    const r = classifyTranscriptText('download anydesk now\nokay what do i do\nbuy google play gift cards and read me the numbers', lex);
    for (const f of some(r.findings)) expect(f.modifiers).not.toContain('receiver');
  });
});
