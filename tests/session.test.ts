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

  it('scores a call matched again after a language change as if it were read in that language from the start', () => {
    // English first, then a French technician's terse instructions, then a long French line that
    // switches the detected language: the roles noted while matching again must survive.
    const text = [
      'Client: Hello, yes, I am here, what is it about, is it about my computer?',
      'Technicien: Téléchargez AnyDesk.',
      'Client: Ok.',
      'Technicien: Cliquez accepter.',
      'Client: Ok.',
      'Technicien: Donnez code.',
      "Client: Alors le message dit que mon ordinateur est bloqué et qu'il faut appeler le support de Microsoft, et je vois aussi que mes données sont en danger, donc je vous donne le code qui est à l'écran, c'est le un deux trois.",
    ].join('\n');
    const switched = classifyTranscript(readPlain(text), lexicons);
    const french = classifyTranscript(readPlain(text), lexicons, { language: 'fr' });
    expect(switched.language).toBe('fr');
    expect(switched.driver).toBe('Technicien');
    expect(switched.findings.map((f) => f.modifiers)).toEqual(french.findings.map((f) => f.modifiers));
    expect(switched.score).toBe(french.score);
  });
});
