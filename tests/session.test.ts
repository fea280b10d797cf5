import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyTranscript } from '../src/core/call/classify.js';
import { loadLexicons } from '../src/index.js';
import { CallSession } from '../src/core/call/session.js';
import { readPlain } from '../src/core/transcript/plain.js';
import { ROOT } from './helpers.js';

const lexicons = loadLexicons();

describe('CallSession', () => {
  it.each(['en-scam-popup-defender-anydesk-googleplay.txt', 'fr-legit-helpdesk-teamviewer-ticket.txt', 'en-legit-retelling-giftcards-hungup.txt'])(
    'agrees with classify of the call so far at every utterance (%s)',
    (name) => {
      const transcript = readPlain(readFileSync(join(ROOT, 'samples', name), 'utf8'));
      const session = new CallSession(lexicons);
      transcript.utterances.forEach(({ index: _i, ...u }, k) => {
        const state = session.add(u);
        const prefix = classifyTranscript({ ...transcript, utterances: transcript.utterances.slice(0, k + 1) }, lexicons);
        expect([state.score, state.verdict, state.alert, state.language]).toEqual([prefix.score, prefix.verdict, prefix.alert, prefix.language]);
      });
    },
  );

  it('raises the alert once, at the utterance where the call first reads as a scam', () => {
    const session = new CallSession(lexicons);
    session.add({ speaker: 'Agent', text: 'Hello, this is the Windows technical department.', offset: 0 });
    expect(session.state().alert).toBeNull();
    session.add({ speaker: 'Agent', text: 'Your computer is sending us error messages. Download AnyDesk now.', offset: 0 });
    session.add({ speaker: 'Agent', text: 'Buy Google Play gift cards, scratch the back and read me the numbers. Do not tell the bank.', offset: 0 });
    const alert = session.state().alert;
    expect(alert).not.toBeNull();
    session.add({ speaker: 'Caller', text: 'Okay.', offset: 0 });
    expect(session.state().alert).toBe(alert);
  });
});
