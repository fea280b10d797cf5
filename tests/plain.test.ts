import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { INLINE_LABEL, inlineLabels, readPlain } from '../src/core/transcript/plain.js';
import { ROOT } from './helpers.js';

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

describe('inline labels', () => {
  // What the reader used: every match of the regex but one at the first character.
  const expected = (text: string) => [...text.matchAll(INLINE_LABEL)].filter((m) => m.index > 0).map((m) => [m.index, m[0], m[1]]);
  const found = (text: string) => inlineLabels(text).map((m) => [m.index, m[0], m[1]]);

  it('are found where the regex finds them, on every line of the samples and devset', () => {
    let labels = 0;
    for (const dir of ['samples', 'devset']) {
      for (const f of readdirSync(join(ROOT, dir))) {
        for (const line of readFileSync(join(ROOT, dir, f), 'utf8').split('\n')) {
          const want = expected(line);
          labels += want.length;
          expect(found(line), line).toEqual(want);
        }
      }
    }
    expect(labels).toBeGreaterThan(100);
  });

  it('are found where the regex finds them, after one to four spaces and not five', () => {
    for (const gap of [' ', '  ', '   ', '    ', '     ', ' \t ', '\u00A0 \u00A0 ']) {
      const text = `Hello.${gap}Agent: hi. Caller${gap}: yes?${gap}Agent: ok`;
      expect(found(text), JSON.stringify(gap)).toEqual(expected(text));
    }
  });

  it('are found where the regex finds them, in arbitrary text', () => {
    const piece = fc.constantFrom(
      'Agent',
      'Innocent',
      'Jean Luc',
      'a',
      'B2',
      ':',
      ': ',
      ' :',
      '.',
      '. ',
      '!  ',
      '?\t',
      '…',
      '"',
      '” ',
      '» ',
      ') ',
      '     ',
      '    ',
      '   ',
      '  ',
      ' ',
      '\u00A0',
      'é',
      'x-y',
      "l'",
      '12',
      '\u200B',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          expect(found(text)).toEqual(expected(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
