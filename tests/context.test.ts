import { describe, expect, it } from 'vitest';
import { some } from './helpers.js';
import { classifyTranscript, loadLexicons } from '../src/index.js';
import { classifyTranscriptText } from '../src/core/call/classify.js';
import type { Result, Transcript, Utterance } from '../src/types.js';

// Issue 14: scopes (negation, reported speech) and roles read from real speech. Built-in lexicons:
// the markers under test are language data.
const lex = loadLexicons();

type Turn = [speaker: string | null, text: string, turn?: Utterance['turn']];

function transcript(turns: Turn[]): Transcript {
  let source = '';
  const utterances: Utterance[] = turns.map(([speaker, text, turn], i) => {
    const u: Utterance = { index: i + 1, speaker, text, offset: source.length };
    if (turn) u.turn = turn;
    source += text + '\n';
    return u;
  });
  return { source, format: 'test', utterances, warnings: [] };
}

const run = (turns: Turn[], language?: 'en' | 'fr'): Result => classifyTranscript(transcript(turns), lex, language ? { language } : {});
const finding = (r: Result, words: RegExp) => r.findings.find((f) => words.test(f.text.toLowerCase()));

describe('unknown speakers are unknown', () => {
  // A subtitle cut mid-sentence by someone else: "my husband told me to call" runs on, unpunctuated.
  const turns: Turn[] = [
    [null, 'my husband told me to call you about the'],
    [null, 'okay sir download anydesk from anydesk dot com'],
  ];

  it('carries reported speech into the next utterance of the same turn only', () => {
    // A subtitle cue or clause of the same turn continues it; a recovered turn or another speaker does not.
    for (const same of [turns, turns.map(([, t], i) => [null, t, i ? 'continued' : undefined] as Turn)]) {
      expect(finding(run(same), /anydesk/)!.modifiers).toContain('reported');
    }
    const cuts: Turn[][] = [
      turns.map(([, t], i) => [null, t, i ? 'recovered' : undefined] as Turn),
      turns.map(([, t], i) => [i ? 'B' : 'A', t] as Turn),
      turns.map(([, t], i) => [i ? null : 'A', t] as Turn),
    ];
    for (const cut of cuts) expect(finding(run(cut), /anydesk/)!.modifiers).not.toContain('reported');
  });

  it('makes no narrator of several unknown speakers taken together', () => {
    // Two reported hits in one turn of the victim, live instructions in other (unlabelled) turns.
    const call: Turn[] = [
      [null, 'hello this is microsoft technical support your computer has a virus', 'recovered'],
      [null, 'my son told me never to give remote access and he said never buy gift cards', 'recovered'],
      [null, 'download anydesk now and give me the nine digit code', 'recovered'],
      [null, 'go to the store and buy google play gift cards and read me the numbers', 'recovered'],
    ];
    const r = run(call);
    expect(r.findings.some((f) => f.utterance === 2 && f.modifiers.includes('reported'))).toBe(true);
    expect(r.findings.filter((f) => f.utterance > 2 && f.category !== 'counter').every((f) => !f.modifiers.includes('retold'))).toBe(true);
    expect(r.verdict).toBe('scam');
  });

  it('still finds a narrator within one unlabelled turn', () => {
    const r = run([
      [null, 'a man called me yesterday and he said he was from microsoft'],
      [null, 'he told me to download anydesk and he asked me to buy gift cards', 'continued'],
      [null, 'so i went and bought two google play cards', 'continued'],
    ]);
    // The narrator's own words in the same turn are discounted too (this used to look for a finding
    // in "so i read him the numbers on the cards", which nothing matches: it could not fail).
    const own = finding(r, /google play/)!.modifiers;
    expect(own.includes('retold') || own.includes('reported')).toBe(true);
    expect(r.verdict).not.toBe('scam');
  });
});

describe('negation', () => {
  it('covers a coordinated list', () => {
    const r = run([['Bank', 'we will never ask for your pin or your password or gift cards']]);
    for (const f of some(r.findings.filter((x) => x.category !== 'counter'))) expect(f.modifiers).toContain('negated');
    const fr = run([['Banque', 'nous ne vous demanderons jamais votre code ni votre mot de passe ni des cartes cadeaux']], 'fr');
    for (const f of some(fr.findings.filter((x) => x.category !== 'counter'))) expect(f.modifiers).toContain('negated');
  });

  it('does not reach from one turn into the next', () => {
    const r = run([
      ['Caller', "no i don't have it"],
      ['Agent', 'download anydesk'],
    ]);
    expect(finding(r, /anydesk/)!.modifiers).not.toContain('negated');
    // Nor within one unpunctuated utterance past an "okay".
    const one = run([[null, "no i don't have it okay download anydesk"]]);
    expect(finding(one, /anydesk/)!.modifiers).not.toContain('negated');
  });

  it('ends where a new clause starts in unpunctuated speech', () => {
    const en = run([[null, "i can't do that you have to buy the gift cards today"]]);
    expect(finding(en, /gift cards/)!.modifiers).not.toContain('negated');
    const fr = run([[null, 'le site ne prend pas les cartes bancaires vous allez acheter des coupons pcs']], 'fr');
    expect(finding(fr, /coupons/)!.modifiers).not.toContain('negated');
    // A warning that names the moves is still a warning.
    const warn = run([[null, 'we will never ask you to buy gift cards or for your pin']]);
    for (const f of some(warn.findings.filter((x) => x.category !== 'counter'))) expect(f.modifiers).toContain('negated');
  });

  it('reaches into a phrase from inside it, except a condition or a prohibition', () => {
    // A denial inside the matched words: "social security numbers don't get suspended".
    const denial = run([[null, "no sir social security numbers don't get suspended that's a scam"]]);
    expect(finding(denial, /suspended/)!.modifiers).toContain('negated');
    // A condition is no denial: "…using your amazon account if you do not authorize this purchase press one".
    const condition = run([[null, 'a purchase of an iphone using your amazon account if you do not authorize this purchase press one']]);
    const order = condition.findings.filter((f) => f.category === 'hook');
    expect(order.length).toBeGreaterThan(0);
    for (const f of some(order)) expect(f.modifiers).not.toContain('negated');
    // Pressure is a prohibition: "what do i say don't tell the cashier it's for us".
    const coached = run([[null, "okay what do i say don't tell the cashier it's for us just say it's a gift"]]);
    const pressure = coached.findings.filter((x) => x.category === 'pressure');
    expect(pressure.length).toBeGreaterThan(0);
    for (const f of some(pressure)) expect(f.modifiers).not.toContain('negated');
  });

  it('is not read into idioms that only contain a negator word', () => {
    // "pas à pas" is step by step, "une personne" a person, "no sir, you…" an interjection.
    const steps = run([[null, 'je vais vous guider pas à pas pour télécharger anydesk']], 'fr');
    expect(finding(steps, /anydesk/)!.modifiers).not.toContain('negated');
    const person = run([[null, 'une personne de notre service va prendre le contrôle de votre ordinateur']], 'fr');
    expect(finding(person, /contrôle/)!.modifiers).not.toContain('negated');
    const sir = run([[null, 'no sir you need to download anydesk now']]);
    expect(finding(sir, /anydesk/)!.modifiers).not.toContain('negated');
    // A complete negated expression ("don't worry", "ne vous inquiétez pas") negates nothing after it.
    const worry = run([[null, "don't worry sir you need to buy google play cards"]]);
    expect(finding(worry, /google play/)!.modifiers).not.toContain('negated');
    const inquiet = run([[null, 'ne vous inquiétez pas madame achetez des coupons pcs au tabac']], 'fr');
    expect(finding(inquiet, /coupons/)!.modifiers).not.toContain('negated');
    // The words themselves still negate.
    const nobody = run([[null, 'personne ne va prendre le contrôle de votre ordinateur']], 'fr');
    expect(finding(nobody, /contrôle/)!.modifiers).toContain('negated');
    const no = run([[null, 'there is no need to download anydesk']]);
    expect(finding(no, /anydesk/)!.modifiers).toContain('negated');
  });
});

describe('quote marks', () => {
  it('do not make a button, a URL or a search term reported speech', () => {
    const r = run([['Agent', 'Open your browser, type "anydesk.com" and click on "allow". Now download "AnyDesk".']]);
    for (const f of some(r.findings)) expect(f.modifiers).not.toContain('reported');
    const inside = run([['Agent', 'Now in the search box type "anydesk remote desktop download for windows" and press enter.']]);
    expect(inside.findings.length).toBeGreaterThan(0);
    for (const f of some(inside.findings)) expect(f.modifiers).not.toContain('reported');
  });

  it('do not make a whole call written in quotes a retelling', () => {
    const plain = `Agent: This is Microsoft technical support, your computer is infected.
Agent: Download AnyDesk and give me the nine digit code.
Caller: Okay.
Agent: Now buy Google Play gift cards and read me the numbers on the back.`;
    const quoted = plain.replace(/^(\w+): (.*)$/gmu, '$1: "$2"');
    const a = classifyTranscriptText(plain, lex);
    const b = classifyTranscriptText(quoted, lex);
    expect(b.verdict).toBe('scam');
    expect(b.score).toBeCloseTo(a.score, 2);
  });

  it("are reported speech when a sentence is quoted inside one's own words", () => {
    const r = run([['Officer', 'Here is what you will hear. "This is the Windows technical department, download AnyDesk now." Then they hang up.']]);
    expect(finding(r, /anydesk/)!.modifiers).toContain('reported');
  });

  it('are reported speech with a reporting frame, before or after', () => {
    const before = run([['Mary', 'He told me: "Download AnyDesk. Then buy gift cards."']]);
    for (const f of some(before.findings)) expect(f.modifiers).toContain('reported');
    const after = run([['Mary', '"Download AnyDesk," he said.']]);
    expect(finding(after, /anydesk/)!.modifiers).toContain('reported');
  });

  it('keep a pop-up read aloud by the victim during a live call as evidence', () => {
    const r = run([
      ['Agent', 'This is Windows support. Please read me what it says on your screen.'],
      ['Caller', 'It says "your computer has been blocked, call Microsoft support now, do not shut down".'],
      ['Agent', 'Okay. Now go to anydesk dot com and download AnyDesk.'],
      ['Caller', 'What do I do now?'],
      ['Agent', 'Click on install and read me the nine digit number.'],
    ]);
    const read = r.findings.filter((f) => f.utterance === 2 && f.category !== 'counter');
    expect(read.length).toBeGreaterThan(0);
    for (const f of some(read)) expect(f.modifiers).not.toContain('reported');
    for (const f of some(read)) expect(f.modifiers).not.toContain('receiver');
  });
});

describe('reported-speech markers', () => {
  it('are not "do you want me to", nor the agent\'s own "on va vous"', () => {
    const en = run([['Agent', 'Do you want me to connect to your computer? I will need you to download AnyDesk.']]);
    expect(finding(en, /anydesk/)!.modifiers).not.toContain('reported');
    const want = run([['Agent', 'Want me to stay on the line while you buy the gift cards?']]);
    for (const f of some(want.findings)) expect(f.modifiers).not.toContain('reported');
    // "On vous demande de…" stays a marker: in a prevention talk it is the scammers' generic "on",
    // and without it a talk acting the script out reads as a live call (devset, FR).
    const fr2 = run([['Conseiller', 'On va vous faire installer AnyDesk et on va vous demander le code reçu par SMS.']], 'fr');
    for (const f of some(fr2.findings)) expect(f.modifiers).not.toContain('reported');
  });

  it('are third-person retellings', () => {
    const en = ['she made her install anydesk on the laptop', 'he got him to buy gift cards at the store', 'they had her buy google play gift cards'];
    for (const text of en) {
      const r = run([['Anne', text]]);
      expect(r.findings.length, text).toBeGreaterThan(0);
      for (const f of some(r.findings)) expect(f.modifiers, text).toContain('reported');
    }
    const fr = [
      'il lui a dit de télécharger anydesk',
      'ils lui ont fait installer anydesk sur son ordinateur',
      'le message dit que votre compte est bloqué et de rappeler le support microsoft',
      'il paraît que le technicien prend la main à distance sur votre ordinateur',
      "elle m'a raconté qu'il fallait acheter des cartes cadeaux",
    ];
    for (const text of fr) {
      const r = run([['Anne', text]], 'fr');
      expect(r.findings.length, text).toBeGreaterThan(0);
      for (const f of some(r.findings)) expect(f.modifiers, text).toContain('reported');
    }
  });
});
