import { describe, expect, it } from 'vitest';
import { readPlain } from '../src/transcript/plain.js';

const turns = (text: string) => readPlain(text).utterances.map((u) => [u.speaker, u.text]);

describe('plain text reader', () => {
  it('reads labelled lines, French "Label :" and numbered speakers', () => {
    expect(turns('Agent: Hello.\nCALLER: Hi\nTechnicien : Bonjour\nSpeaker 1: ok\nSpeaker 1: ok again')).toEqual([
      ['Agent', 'Hello.'],
      ['CALLER', 'Hi'],
      ['Technicien', 'Bonjour'],
      ['Speaker 1', 'ok'],
      ['Speaker 1', 'ok again'],
    ]);
  });

  it('accepts a first name used as a label more than once, not a one-off "Word:"', () => {
    expect(turns('John: hi\nMary: hello\nJohn: bye\nMary: ciao')[0]).toEqual(['John', 'hi']);
    expect(turns('Note: this call was recorded. Please hold.')).toEqual([
      [null, 'Note: this call was recorded.'],
      [null, 'Please hold.'],
    ]);
  });

  it('splits several labelled turns on one line', () => {
    expect(turns('Suspect: Hi, this is Microsoft. Innocent: Really? Suspect: Yes.')).toEqual([
      ['Suspect', 'Hi, this is Microsoft.'],
      ['Innocent', 'Really?'],
      ['Suspect', 'Yes.'],
    ]);
  });

  it('splits unlabelled prose into sentences with offsets into the source', () => {
    const src = 'First one. Second one!  Third';
    const t = readPlain(src);
    expect(t.utterances.map((u) => u.text)).toEqual(['First one.', 'Second one!', 'Third']);
    for (const u of t.utterances) expect(src.slice(u.offset, u.offset + u.text.length)).toBe(u.text);
  });

  it('reads timestamps and bracketed labels, with CRLF and lone CR line ends', () => {
    const t = readPlain('[00:01:23] Agent: hi\r\n<Caller> hello\r[Agent] ok');
    expect(t.utterances.map((u) => [u.speaker, u.text, u.start])).toEqual([
      ['Agent', 'hi', 83],
      ['Caller', 'hello', undefined],
      ['Agent', 'ok', undefined],
    ]);
    for (const u of t.utterances) expect(t.source.slice(u.offset, u.offset + u.text.length)).toBe(u.text);
  });

  it('keeps an unlabelled line in a labelled call with the last speaker', () => {
    expect(turns('Agent: one\ncontinued\nCaller: two')).toEqual([
      ['Agent', 'one'],
      ['Agent', 'continued'],
      ['Caller', 'two'],
    ]);
  });
});
