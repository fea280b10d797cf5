import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLine } from '../src/core/transcript/line.js';
import { readPlain } from '../src/core/transcript/plain.js';
import { needsSegmenting, segment } from '../src/core/transcript/segment.js';
import { readSrt } from '../src/core/transcript/srt.js';
import { readTurns } from '../src/core/transcript/turns.js';
import { readVtt } from '../src/core/transcript/vtt.js';
import { readWhisper } from '../src/core/transcript/whisper.js';
import type { Transcript } from '../src/types.js';

/** Issue 14: turns, clauses and speakers in raw speech-to-text. */

const turns = (t: Transcript) => t.utterances.map((u) => [u.speaker, u.turn ?? null, u.text]);

/** Every utterance's text is where it says it is in the source (through `map` when it has one). */
function expectExact(t: Transcript): void {
  for (const u of t.utterances) {
    if (u.map) {
      expect(u.map).toHaveLength(u.text.length + 1);
      for (let i = 0; i < u.text.length; i++) if (/\S/.test(u.text[i]!)) expect(t.source[u.map[i]!]).toBe(u.text[i]);
    } else expect(t.source.slice(u.offset, u.offset + u.text.length)).toBe(u.text);
  }
}

describe('segment: turns and clauses from the shape of raw speech-to-text', () => {
  const cut = (text: string) => segment(text).map((s) => [s.turn ?? null, text.slice(s.start, s.end)]);

  it('opens a turn at a discourse marker and at an answer after a question', () => {
    expect(cut('can you see the screen now yes i can see it okay so now download the program')).toEqual([
      [null, 'can you see the screen now'],
      ['recovered', 'yes i can see it'],
      ['recovered', 'okay so now download the program'],
    ]);
    expect(cut("est-ce que vous êtes devant votre ordinateur oui madame d'accord alors vous allez ouvrir le navigateur")).toEqual([
      [null, 'est-ce que vous êtes devant votre ordinateur'],
      ['recovered', "oui madame d'accord"],
      ['recovered', 'alors vous allez ouvrir le navigateur'],
    ]);
  });

  it('keeps a negation with its own clause: the victim’s "no" does not reach the agent’s next instruction', () => {
    const segs = cut("no i don't have that program on my computer okay then go to the website and download anydesk");
    expect(segs[0]).toEqual([null, "no i don't have that program on my computer"]);
    expect(segs[1]![0]).toBe('recovered');
    expect(segs[1]![1]).toContain('download anydesk');
  });

  it('does not cut inside a sentence at a word that only looks like a marker', () => {
    for (const text of [
      'i said no to him and he kept calling me every day this week',
      'hey mom it is me how are you doing today with the weather',
      "you'll never call to ask for the code from the bank at all",
      'she was okay with it and then we went to the store together',
    ])
      expect(segment(text), text).toHaveLength(1);
  });

  it('cuts at >> and at a time stamp, which are not part of what is said', () => {
    expect(cut('hello this is support >> hi who is this [00:01:02] we detected a virus')).toEqual([
      [null, 'hello this is support'],
      ['recovered', 'hi who is this'],
      ['recovered', 'we detected a virus'],
    ]);
  });

  it('cuts a long clause at a conjunction (same turn)', () => {
    const text =
      'we have detected that your computer has been sending error messages to our servers for the last three weeks or maybe even longer than that now and the hackers have been getting into your files';
    expect(cut(text).map((s) => s[0])).toEqual([null, 'continued']);
  });

  it('leaves punctuated text and short lines alone', () => {
    expect(needsSegmenting('Hello. This is Microsoft. Your computer is infected. Please stay on the line.')).toBe(false);
    expect(needsSegmenting('okay yes no')).toBe(false);
    expect(needsSegmenting('okay so can you open the browser now yes it is open okay type this address')).toBe(true);
  });

  it('gives trimmed, ordered, non-empty segments inside the text, on any text', () => {
    const word = fc.constantFrom(
      'okay',
      'yes',
      'no',
      'so',
      'can',
      'you',
      'do',
      'download',
      'anydesk',
      'the',
      'and',
      'because',
      '>>',
      '[00:01]',
      'oui',
      "d'accord",
      'est-ce',
      'que',
      'a',
      'n',
      'y',
      'i',
      "don't",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 80 }), fc.constantFrom(' ', '  ', '\n', ' \t'), (words, sep) => {
        const text = words.join(sep);
        let last = 0;
        for (const s of segment(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is linear: a long unpunctuated call is segmented quickly', () => {
    const line = "okay so can you see the screen yes i can see it alright now type any desk dot com no i don't have that okay just do it ";
    const text = line.repeat(5000); // about 600 kB
    const t0 = performance.now();
    const segs = segment(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(segs.length).toBeGreaterThan(10_000);
  });
});

describe('plain reader on raw speech-to-text', () => {
  it('splits an unpunctuated unlabelled line into recovered turns with speaker null and exact offsets', () => {
    const src = 'hi this is kevin from microsoft can you see the screen yes i see it okay now press the windows key and r\n';
    const t = readPlain(src);
    expect(turns(t)).toEqual([
      [null, 'recovered', 'hi this is kevin from microsoft'],
      [null, 'continued', 'can you see the screen'],
      [null, 'recovered', 'yes i see it'],
      [null, 'recovered', 'okay now press the windows key and r'],
    ]);
    expectExact(t);
  });

  it('marks each unlabelled line a recovered turn and its further sentences continued', () => {
    expect(turns(readPlain('Hello there. How are you?\nFine thanks.'))).toEqual([
      [null, 'recovered', 'Hello there.'],
      [null, 'continued', 'How are you?'],
      [null, 'recovered', 'Fine thanks.'],
    ]);
  });

  it('joins a hard-wrapped paragraph, so a phrase split over two lines is one text', () => {
    const src = [
      'okay ma am so what you need to do now is go to the store and buy the google',
      'play cards three of them for one hundred dollars each and then you scratch',
      'the back and read me the numbers and do not tell the cashier what it is for',
    ].join('\n');
    const t = readPlain(src);
    expect(t.utterances.some((u) => /google play cards/.test(u.text))).toBe(true);
    expect(t.utterances.every((u) => !u.text.includes('\n'))).toBe(true);
    expectExact(t);
  });

  it('joins a line that stops on a word no sentence ends on, among lines that are turns', () => {
    // One turn a line, except where speech-to-text cut the line mid-sentence ("…and fill the" / "refund form…").
    const lines = [
      'okay',
      'so for that i need to connect to your computer and fill the',
      'refund form with you',
      'can you just mail me a check',
      'no sir checks take ninety days',
      'alright i guess',
      'okay so go to your computer now',
      'i am there',
    ];
    const t = readPlain(lines.join('\n'));
    expect(t.utterances.map((u) => u.text)).toEqual([
      'okay',
      'so for that i need to connect to your computer and fill the refund form with you',
      'can you just mail me a check',
      'no sir checks take ninety days',
      'alright i guess',
      'okay so go to your computer now',
      'i am there',
    ]);
    expectExact(t);
  });

  it('reads lines that often stop mid-clause as one paragraph wrapped anywhere', () => {
    // Wrapped at uneven widths: "…qui lui disait que son ordinateur" / "était piraté…". The reported
    // speech then reaches the findings on the next lines.
    const lines = [
      'non quoi bah elle a reçu un appel d un soi-disant',
      'technicien de microsoft qui lui disait que son ordinateur',
      'était piraté et qu il fallait installer any desk pour qu il prenne la',
      'main à distance oh non et elle l a fait bah elle a commencé euh elle',
      'a même ouvert le site',
    ];
    const t = readPlain(lines.join('\n'));
    expect(t.utterances.some((u) => /soi-disant technicien de microsoft qui lui disait que son ordinateur était piraté/.test(u.text))).toBe(true);
    expectExact(t);
  });

  it('keeps one turn a line when the lines are turns, not a wrapped paragraph', () => {
    const src = 'hello who is this\nthis is the windows technical department your computer is infected\nreally\nyes ma am';
    expect(readPlain(src).utterances.map((u) => u.text)).toEqual([
      'hello who is this',
      'this is the windows technical department your computer is infected',
      'really',
      'yes ma am',
    ]);
  });

  it('reads >> as a change of speaker, unknown unless labelled', () => {
    const t = readPlain('>> hello this is support\n>> hi\n>> AGENT: press the windows key\nAGENT: ok');
    expect(turns(t)).toEqual([
      [null, 'recovered', 'hello this is support'],
      [null, 'recovered', 'hi'],
      ['AGENT', null, 'press the windows key'],
      ['AGENT', null, 'ok'],
    ]);
    expectExact(t);
  });

  it('starts a new utterance at an inline label after a short sentence', () => {
    expect(turns(readPlain('Agent: Hello. Innocent: Hi.\nAgent: ok'))).toEqual([
      ['Agent', null, 'Hello.'],
      ['Innocent', null, 'Hi.'],
      ['Agent', null, 'ok'],
    ]);
    expect(turns(readPlain('Suspect: Hi. Innocent: Hello.'))).toEqual([
      ['Suspect', null, 'Hi.'],
      ['Innocent', null, 'Hello.'],
    ]);
  });

  it('splits a long unpunctuated labelled turn into clauses of the same speaker', () => {
    const t = readPlain('Agent: okay so can you see the screen now and then we will go to the website okay type any desk\nCaller: ok');
    const agent = t.utterances.filter((u) => u.speaker === 'Agent');
    expect(agent.length).toBeGreaterThan(1);
    expect(agent.slice(1).every((u) => u.turn === 'continued')).toBe(true);
    expect(agent[0]!.turn).toBeUndefined();
  });

  it('does not break a letter-by-letter spelling', () => {
    const t = readPlain('okay so you go to the website and you type a n y d e s k okay yes i typed it now what do i do');
    expect(t.utterances.some((u) => u.text.includes('a n y d e s k'))).toBe(true);
  });

  it('keeps offsets exact on any mix of raw words, labels, cues and line breaks', () => {
    const piece = fc.constantFrom(
      'okay',
      'yes',
      'so',
      'can you',
      'download',
      'anydesk',
      'no',
      '>>',
      'Agent:',
      'Caller:',
      '.',
      '\n',
      '\r\n',
      'oui madame',
      'i don’t',
      '[00:01:02]',
      'éé',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const src = pieces.join(' ');
        if (!src.trim()) return;
        expectExact(readPlain(src));
      }),
      { numRuns: 500 },
    );
  });
});

describe('one speaker-label rule for the plain reader and watch', () => {
  it('reads the same labels', () => {
    for (const line of ['Agent: hi', '[00:01:23] Caller: hello', '<Tech> ok', 'Technicien : bonjour', 'Speaker 1: yes', 'Dr.Smith: ok']) {
      const live = readLine(line)!;
      const plain = readPlain(`${line}\n${line}`).utterances[0]!;
      expect(live.speaker, line).toBe(plain.speaker);
      expect(live.text, line).toBe(plain.text);
    }
  });

  it('watch reads >> as a speaker change', () => {
    expect(readLine('>> hello there')).toEqual({ speaker: null, text: 'hello there', at: 3 });
    expect(readLine('>> Agent: press enter')).toMatchObject({ speaker: 'Agent', text: 'press enter' });
  });
});

describe('>> and dialogue dashes in subtitles', () => {
  it('SRT: >> at a line start or inside a line opens a recovered turn', () => {
    const t = readSrt(
      '1\n00:00:01,000 --> 00:00:03,000\n>> hello this is windows support\n>> oh hi\n\n2\n00:00:03,000 --> 00:00:05,000\nyou need anydesk >> what is that\n',
    );
    expect(turns(t)).toEqual([
      [null, 'recovered', 'hello this is windows support'],
      // The next cue goes on with the same unknown speaker, and nothing ends the sentence: one text.
      [null, 'recovered', 'oh hi you need anydesk'],
      [null, 'recovered', 'what is that'],
    ]);
    expectExact(t);
  });

  it('SRT of raw speech-to-text: cues that cut sentences are one text, its turns recovered, each with the start of its cue', () => {
    const cues = [
      'what we need to do is move your',
      'funds somewhere safe while we issue new details',
      'i have set up a protected holding account in your name',
      'you transfer your balances into it through your banking app',
      'okay how much do i move',
      'everything in the current account and your savings',
    ];
    const src = cues
      .map((c, i) => `${i + 1}\n00:00:${String(i * 3).padStart(2, '0')},000 --> 00:00:${String(i * 3 + 2).padStart(2, '0')},500\n${c}\n`)
      .join('\n');
    const t = readSrt(src);
    expect(t.utterances.some((u) => /move your funds somewhere safe/.test(u.text))).toBe(true);
    expect(t.utterances.some((u) => /in your name you transfer your balances/.test(u.text))).toBe(true);
    // "okay" opens a recovered turn, which starts in the fifth cue.
    const okay = t.utterances.find((u) => u.text.startsWith('okay'))!;
    expect(okay.turn).toBe('recovered');
    expect(okay.start).toBe(12);
    for (const u of t.utterances) expect(cues.map((_, i) => i * 3)).toContain(u.start);
    expectExact(t);
  });

  it('JSON turns without speakers: each item is a turn of its own, unknown whose', () => {
    const t = readTurns('[{"text": "voilà ça me demande si j\'autorise le support"}, {"text": "vous pouvez accepter"}, {"speaker": "A", "text": "merci"}]');
    expect(t.utterances.map((u) => [u.speaker, u.turn ?? null])).toEqual([
      [null, 'recovered'],
      [null, 'recovered'],
      ['A', null],
    ]);
  });

  it('WebVTT: &gt;&gt; is a speaker change too, and an en dash opens a line of dialogue', () => {
    const t = readVtt('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n&gt;&gt; hello there &gt;&gt; hi\n\n00:00:03.000 --> 00:00:04.000\n– Bonjour\n– Oui\n');
    expect(turns(t)).toEqual([
      [null, 'recovered', 'hello there'],
      [null, 'recovered', 'hi'],
      [null, 'recovered', 'Bonjour'],
      [null, 'recovered', 'Oui'],
    ]);
  });

  it('Whisper text without segments is segmented like plain text', () => {
    const src = JSON.stringify({ segments: [], text: ' okay so can you open the browser now yes it is open okay type any desk dot com' });
    const t = readWhisper(src);
    expect(t.utterances.length).toBeGreaterThan(2);
    expect(t.utterances.slice(1).every((u) => u.turn !== undefined && u.speaker === null)).toBe(true);
  });
});
