import { describe, expect, it } from 'vitest';
import { CallSession } from '../src/core/call/session.js';
import { classifyText, loadLexicons } from '../src/index.js';
import type { Finding } from '../src/types.js';

const lexicons = loadLexicons();
const ID = 'en.credentials.move-code-pronoun';
const NAMED = "okay don't worry we are going to cancel it for you you will receive a text message with a code in a moment";
const ASKED = "can you read it to me so i can verify that it's you";

/** The findings of a call read utterance by utterance (unlabelled, one offset per utterance as in one text). */
function findingsOf(texts: string[], language: 'en' | 'fr' = 'en'): { findings: Finding[]; source: string } {
  const session = new CallSession(lexicons, language);
  let offset = 0;
  for (const text of texts) {
    session.add({ speaker: null, text, offset, turn: 'recovered' });
    offset += text.length + 1;
  }
  const source = texts.join('\n');
  const lineStarts = [0, ...[...source.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const locate = (o: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= o) line++;
    return { line: line + 1, column: o - lineStarts[line]! + 1 };
  };
  return { findings: session.findings(locate), source };
}

describe('frames across adjacent utterances', () => {
  it('completes a move named in one utterance and asked for in the next, reported where it completes', () => {
    const { findings, source } = findingsOf([NAMED, ASKED]);
    const f = findings.filter((x) => x.id === ID);
    expect(f).toHaveLength(1);
    expect(f[0]!.utterance).toBe(2);
    expect(f[0]!.text).toBe('read it to me');
    // Positions lie in the completing utterance and quote its words.
    expect(source.slice(f[0]!.offset, f[0]!.offset + f[0]!.length)).toBe(f[0]!.text);
    expect([f[0]!.line, f[0]!.column]).toEqual([2, ASKED.indexOf('read') + 1]);
    expect(f[0]!.modifiers).toEqual([]);
  });

  it('completes it in the raw speech-to-text of the issue (one paragraph split into turns)', () => {
    const text = `${NAMED} ${ASKED}\n`;
    const result = classifyText(text, { language: 'en' });
    const f = result.findings.filter((x) => x.id === ID);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.offset, f[0]!.offset + f[0]!.length)).toBe(f[0]!.text);
  });

  it("completes over one short turn between (a recovered 'okay'), not beyond the frame's three sentences", () => {
    expect(findingsOf([NAMED, 'alright', ASKED]).findings.filter((x) => x.id === ID)).toHaveLength(1);
    const { findings } = findingsOf([NAMED, 'alright thank you for waiting', 'i see', ASKED]);
    expect(findings.filter((x) => x.id === ID)).toHaveLength(0);
  });

  it('does not complete with a part negated in its own utterance', () => {
    // The same words, not negated, complete it.
    expect(findingsOf([NAMED, 'now read it to me or anyone else']).findings.filter((x) => x.id === ID)).toHaveLength(1);
    expect(findingsOf(['you will receive a text message and then the code', ASKED]).findings.filter((x) => x.id === ID)).toHaveLength(1);
    expect(findingsOf([NAMED, 'never read it to me or anyone else']).findings.filter((x) => x.id === ID)).toHaveLength(0);
    expect(findingsOf(['you will receive a text message and never the code', ASKED]).findings.filter((x) => x.id === ID)).toHaveLength(0);
  });

  it('completes the French move the same way', () => {
    const { findings } = findingsOf(
      ['bon on va annuler la commande vous allez recevoir un sms avec un code', 'vous pouvez me le lire pour que je vérifie'],
      'fr',
    );
    const f = findings.filter((x) => x.id === 'fr.credentials.geste-code-pronom');
    expect(f.map((x) => [x.utterance, x.text])).toEqual([[2, 'me le lire']]);
  });

  it('does not find again a move already found within one utterance', () => {
    const { findings } = findingsOf([`${NAMED} read it to me`, ASKED]);
    expect(findings.filter((x) => x.id === ID)).toHaveLength(1);
    expect(findings.find((x) => x.id === ID)!.utterance).toBe(1);
  });
});
