import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBytes, loadLexicons } from '../src/index.js';
import { classifyTranscript } from '../src/core/call/classify.js';
import { INPUT_FORMATS, parseTranscript } from '../src/core/transcript/index.js';
import { detectReader, READERS } from '../src/core/transcript/formats.js';
import { readSrt } from '../src/core/transcript/srt.js';
import { readVtt } from '../src/core/transcript/vtt.js';
import { readWhisper } from '../src/core/transcript/whisper.js';
import { readAws } from '../src/core/transcript/aws.js';
import { readTurns } from '../src/core/transcript/turns.js';
import type { Transcript, Utterance } from '../src/types.js';
import { fixtureLexicons, ROOT } from './helpers.js';

// The fixtures are one tech-support scam call written the way real tools write it:
// - call.whisper.json: openai-whisper `--output_format json` (json.dump of {text, segments, language} on one
//   line, segments with id/seek/tokens/avg_logprob…, text with a leading space), plus the `speaker` field
//   WhisperX-style diarization adds to segments;
// - call.aws.json: Amazon Transcribe job output with speaker partitioning (compact JSON, times as strings,
//   `pronunciation`/`punctuation` items, results.speaker_labels.segments[].items[]);
// - call.srt: ffmpeg/YouTube-style SubRip (numbered cues, `00:00:01,200` times, two-line cues) with SDH
//   `[Speaker]` labels and an `<i>` tag; fr*.srt: the same layout from Windows (CRLF, curly apostrophes, €);
// - call.vtt: after the WebVTT spec examples (header text and `Kind:`/`Language:` lines, NOTE and STYLE
//   blocks, cue identifiers and settings, `<v>` voices with classes, `<b>`/`<i>`/`<c>`, inline timestamps,
//   `&nbsp;`);
// - call.turns.json: a turns array as Python's json.dump(indent=2) writes it (non-ASCII as \u escapes);
// - wrongshape.json: a Deepgram pre-recorded response (a JSON transcript shape we do not read).
const DIR = join(ROOT, 'tests', 'fixtures', 'formats');
const bytes = (name: string) => readFileSync(join(DIR, name));
const parse = (name: string, inputFormat?: string) => parseTranscript(bytes(name), name, { inputFormat }).transcript;
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error thrown');
};

/** The call as timed segments (SRT cues, VTT cues, Whisper segments). */
const SEGMENTS: Array<[string, number, string]> = [
  ['Agent', 0.84, 'Hello, this is David from the Microsoft technical support department.'],
  ['Agent', 5.1, 'Am I speaking with the owner of the computer?'],
  ['Caller', 8.02, 'Yes, this is Margaret. What is this about?'],
  ['Agent', 11.2, 'Our servers detected that your computer is infected with a dangerous virus.'],
  ['Agent', 16.3, 'Hackers can see your bank details.'],
  ['Caller', 19.42, 'Oh no. What should I do?'],
  ['Agent', 21.8, 'Please download AnyDesk so I can connect to your computer and remove the virus.'],
  ['Caller', 27.9, 'Okay, it is installed. It shows a nine digit number.'],
  ['Agent', 32.01, 'To renew your security license you must buy $500 in Google Play gift cards and read me the codes.'],
  ['Caller', 38.5, 'Gift cards? Can I call my son first?'],
  ['Agent', 41.7, 'No. Do not hang up the phone and do not tell anyone, or your computer will be locked.'],
];
/** The call as speaker turns (text, AWS speaker segments, turns JSON): consecutive segments of a speaker joined. */
const TURNS = SEGMENTS.reduce<Array<[string, number, string]>>((out, [s, start, text]) => {
  const last = out[out.length - 1];
  if (last && last[0] === s) last[2] += ' ' + text;
  else out.push([s, start, text]);
  return out;
}, []);

const rows = (t: Transcript) => t.utterances.map((u) => [u.speaker, u.start, u.text]);

/** Source offset of text[k] of an utterance. */
const at = (u: Utterance, k: number) => (u.map ? u.map[k]! : u.offset + k);

/**
 * Every character of every utterance points at itself in the source, or at the escape or entity it
 * was decoded from; separators (a space for a line break, between AWS words) are whitespace.
 */
function expectMapped(t: Transcript) {
  for (const u of t.utterances) {
    if (u.map) expect(u.map).toHaveLength(u.text.length + 1);
    else expect(t.source.slice(u.offset, u.offset + u.text.length)).toBe(u.text);
    for (let k = 0; k < u.text.length; k++) {
      const c = u.text[k]!;
      const s = t.source[at(u, k)];
      if (k > 0) expect(at(u, k)).toBeGreaterThanOrEqual(at(u, k - 1));
      if (/\s/.test(c)) continue;
      if (s !== c) expect(`${s} for ${JSON.stringify(c)}`).toMatch(/^[\\&] /);
    }
  }
}

/** Where a word of an utterance is in the source. */
function sourceOf(t: Transcript, utterance: number, word: string): string {
  const u = t.utterances[utterance - 1]!;
  const k = u.text.indexOf(word);
  expect(k).toBeGreaterThanOrEqual(0);
  return t.source.slice(at(u, k), at(u, k) + word.length);
}

describe('readers on the fixtures', () => {
  it('srt: cues with [Speaker] labels carried to unlabelled cues, start times, lines joined, <i> dropped', () => {
    const t = parse('call.srt');
    expect(t.format).toBe('srt');
    expect(rows(t)).toEqual(SEGMENTS.map(([s, start, text]) => [s, start, text]));
    expectMapped(t);
    expect(sourceOf(t, 7, 'download AnyDesk')).toBe('download AnyDesk');
    // A cue's second line is found where it is, after the line break the text shows as a space.
    const u = t.utterances[0]!;
    expect(t.source.slice(at(u, u.text.indexOf('technical')), at(u, u.text.indexOf('technical')) + 9)).toBe('technical');
    expect(t.source.slice(at(u, u.text.indexOf(' technical')), at(u, u.text.indexOf(' technical')) + 1)).toBe('\n');
  });

  it('vtt: header, NOTE and STYLE skipped, <v> voices, tags and &nbsp; removed with positions kept', () => {
    const t = parse('call.vtt');
    expect(t.format).toBe('vtt');
    expect(rows(t)).toEqual(SEGMENTS.map(([s, start, text]) => [s, start, text.replace('Oh no. What', 'Oh no.\u00a0What')]));
    expectMapped(t);
    expect(sourceOf(t, 1, 'Microsoft')).toBe('Microsoft'); // inside <b>…</b>
    expect(sourceOf(t, 7, 'AnyDesk')).toBe('AnyDesk'); // after <00:00:23.100><c>
    const u = t.utterances[5]!;
    expect(t.source.slice(at(u, 6), at(u, 6) + 6)).toBe('&nbsp;');
    expect(t.source.includes('color: yellow') && !t.utterances.some((x) => /yellow|consent/.test(x.text))).toBe(true);
  });

  it('whisper: one utterance per segment, speaker from diarization, leading space trimmed', () => {
    const t = parse('call.whisper.json');
    expect(t.format).toBe('whisper');
    const speaker = { Agent: 'SPEAKER_00', Caller: 'SPEAKER_01' } as Record<string, string>;
    expect(rows(t)).toEqual(SEGMENTS.map(([s, start, text]) => [speaker[s], start, text]));
    expectMapped(t);
    expect(sourceOf(t, 9, 'Google Play gift cards')).toBe('Google Play gift cards');
  });

  it('aws: one utterance per speaker segment, words joined with punctuation attached, each word in its content string', () => {
    const t = parse('call.aws.json');
    expect(t.format).toBe('aws');
    const speaker = { Agent: 'spk_0', Caller: 'spk_1' } as Record<string, string>;
    expect(rows(t)).toEqual(TURNS.map(([s, start, text]) => [speaker[s], start, text]));
    expectMapped(t);
    expect(sourceOf(t, 5, 'AnyDesk')).toBe('AnyDesk');
    const u = t.utterances[4]!;
    const k = u.text.indexOf('AnyDesk');
    expect(t.source.slice(at(u, k) - 11, at(u, k))).toBe('"content":"');
    // The period is its own punctuation item, attached to the word before it.
    expect(t.source.slice(at(u, u.text.length - 1) - 11, at(u, u.text.length - 1) + 1)).toBe('"content":".');
  });

  it('turns: speaker, start and text; a \\u escape maps to its backslash', () => {
    const t = parse('call.turns.json');
    expect(t.format).toBe('turns');
    expect(rows(t)).toEqual(TURNS.map(([s, start, text]) => [s, start, text.replace('Oh no. What', 'Oh no\u2026 What')]));
    expectMapped(t);
    const u = t.utterances[3]!;
    expect(t.source.slice(at(u, 5), at(u, 6))).toBe('\\u2026');
    expect(sourceOf(t, 4, 'What should I do?')).toBe('What should I do?');
  });

  it('text: the plain reader, unchanged', () => {
    const t = parse('call.txt');
    expect(t.format).toBe('text');
    expect(rows(t)).toEqual(TURNS.map(([s, , text]) => [s, undefined, text]));
    expectMapped(t);
  });

  it('srt in UTF-8, Windows-1252 and UTF-16LE with BOM reads the same', () => {
    const [utf8, latin1, utf16] = ['fr.srt', 'fr-latin1.srt', 'fr-utf16.srt'].map((f) => parseTranscript(bytes(f), f));
    expect([utf8!.encoding, latin1!.encoding, utf16!.encoding]).toEqual(['utf-8', 'windows-1252', 'utf-16le']);
    for (const p of [utf8!, latin1!, utf16!]) {
      expect(p.transcript.format).toBe('srt');
      expect(rows(p.transcript)).toEqual(rows(utf8!.transcript));
      expectMapped(p.transcript);
    }
    expect(rows(utf8!.transcript)[0]).toEqual(['Conseillère', 1.2, 'Bonjour madame, ici le service client de votre fournisseur d’accès internet.']);
    expect(rows(utf8!.transcript)[4]).toEqual(['Cliente', 19.5, 'Et la facture de décembre, les 12 € en trop ?']);
  });
});

describe('findings point into the file', () => {
  const lex = fixtureLexicons();
  it.each(['call.txt', 'call.srt', 'call.vtt', 'call.whisper.json', 'call.aws.json', 'call.turns.json'])('%s', (name) => {
    const t = parse(name);
    const r = classifyTranscript(t, lex);
    expect(r.findings.map((f) => f.text)).toEqual(['computer is infected', 'download AnyDesk', 'gift cards', 'Gift cards']);
    const lines = t.source.split(/\r\n|\r|\n/);
    for (const f of r.findings) {
      const words = f.text.split(' ');
      const span = t.source.slice(f.offset, f.offset + f.length);
      expect(span.startsWith(words[0]!)).toBe(true);
      // The span ends where the utterance's next character is: right after the last word, or a little
      // further before a tag or a closing quote; AWS words each sit in their own item object.
      expect(span).toContain(words[words.length - 1]!);
      if (t.format !== 'aws') expect(span.length).toBeLessThan(f.text.length + 30);
      expect(
        [...lines[f.line - 1]!]
          .slice(f.column - 1)
          .join('')
          .startsWith(words[0]!),
      ).toBe(true);
    }
  });
});

describe('format detection', () => {
  it('detects from content whatever the extension says', () => {
    const cases: Array<[string, string]> = [
      ['call.srt', 'srt'],
      ['call.vtt', 'vtt'],
      ['call.whisper.json', 'whisper'],
      ['call.aws.json', 'aws'],
      ['call.turns.json', 'turns'],
      ['call.txt', 'text'],
    ];
    for (const [fixture, format] of cases) {
      for (const misleading of ['transcript.txt', 'transcript.json', 'transcript.srt', '-'])
        expect(parseTranscript(bytes(fixture), misleading).transcript.format).toBe(format);
    }
  });

  it('reads `[Agent] hi` and `[00:01:23] Agent:` as text, not as broken JSON', () => {
    expect(detectReader('[Agent] Hello.\n[Caller] Hi.').name).toBe('text');
    expect(detectReader('[00:01:23] Agent: hi').name).toBe('text');
    expect(detectReader('  [\n  {"speaker": "A", "text": "hi"}\n]').name).toBe('turns');
    expect(detectReader('1\n00:00:01,000 --> 00:00:02,000\nhi\n').name).toBe('srt');
    expect(detectReader('00:00:01,000 --> 00:00:02,000\nhi\n').name).toBe('srt');
    expect(detectReader('WEBVTT\n\n00:01.000 --> 00:02.000\nhi').name).toBe('vtt');
    expect(detectReader('WEBVTTX is not a header').name).toBe('text');
    expect(detectReader('1. Call the bank.\n2. Hang up.').name).toBe('text');
  });

  it('lists its formats and takes a forced --input-format', () => {
    expect(INPUT_FORMATS).toEqual(['text', 'srt', 'vtt', 'whisper', 'aws', 'turns']);
    expect(READERS.map((r) => r.name)).toEqual(INPUT_FORMATS);
    expect(parse('call.srt', 'text').format).toBe('text');
    expect(parse('call.srt', 'auto').format).toBe('srt');
    expect(parse('call.turns.json', 'turns').utterances).toHaveLength(9);
    expect(errorOf(() => parse('call.aws.json', 'whisper'))).toBe('call.aws.json: whisper JSON: segments is missing at line 1 column 1');
    expect(errorOf(() => parse('call.txt', 'srt'))).toBe(
      'call.txt: SRT: cue 1 (line 1): expected a cue number, found "Agent: Hello, this is David from the Microsoft technical sup…"',
    );
    expect(errorOf(() => parse('call.txt', 'docx'))).toBe('call.txt: unknown input format "docx" (known: text, srt, vtt, whisper, aws, turns, or auto)');
  });

  it('keeps the plain-text checks: empty input, BOM', () => {
    expect(errorOf(() => parseTranscript(Buffer.from(' \n'), 'e.srt'))).toBe('e.srt: empty input');
    expect(parseTranscript(Buffer.from('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nhi'), 'b.vtt').transcript.format).toBe('vtt');
    expect(errorOf(() => parseTranscript(Buffer.from('WEBVTT\n\nNOTE nothing said\n'), 'n.vtt'))).toBe('n.vtt: vtt: no text found');
  });
});

describe('broken files are one-line errors naming the format and the place', () => {
  it.each([
    ['broken.json', 'broken.json: JSON: unexpected "}", expected a member name in double quotes (trailing comma?) at line 10 column 5'],
    ['broken.srt', 'broken.srt: SRT: cue 4 (line 16): bad timing "00:00:11,200 --> 00:00:1x,030", expected "00:01:23,456 --> 00:01:25,000"'],
  ])('%s', (name, message) => {
    expect(errorOf(() => parse(name))).toBe(message);
  });

  it('wrongshape.json: JSON of no known shape lists the shapes expected', () => {
    const m = errorOf(() => parse('wrongshape.json'));
    expect(m).toMatch(
      /^wrongshape\.json: JSON: no known transcript shape \(found an object with keys metadata, results\); expected Whisper .*AWS Transcribe .* or turns /,
    );
    expect(m).not.toContain('\n');
  });

  it('JSON syntax errors say what and where', () => {
    const e = (json: string) => errorOf(() => parseTranscript(Buffer.from(json), 'x.json'));
    expect(e('{"segments": [')).toBe('x.json: JSON: unexpected end of input, expected a value at line 1 column 15');
    expect(e('{"text": "abc')).toBe('x.json: JSON: unterminated string at line 1 column 10');
    expect(e('[{"text": "a"},]')).toBe('x.json: JSON: unexpected "]", expected a value (trailing comma?) at line 1 column 16');
    expect(e('{"text": "a\\qb"}')).toBe('x.json: JSON: bad escape "\\q" at line 1 column 12');
    expect(e("{'text': 'hi'}")).toBe(`x.json: JSON: unexpected "'", expected a member name in double quotes at line 1 column 2`);
    expect(e('{"segments": []} x')).toBe('x.json: JSON: unexpected "x" after the end of the JSON value at line 1 column 18');
    expect(e('{\n  "a": 1\n  "b": 2\n}')).toBe('x.json: JSON: unexpected "\\"", expected "," or "}" after member "a" at line 3 column 3');
    expect(e('[' + '['.repeat(600))).toMatch(/nesting deeper than 512 levels/);
  });

  it('JSON of a known shape with a wrong field names its path', () => {
    const seg = (text: string) => `{"start": 1.5, "end": 2, "text": ${text}}`;
    const whisper = `{"text": "", "segments": [${[seg('" a"'), seg('" b"'), seg('" c"'), seg('42')].join(',\n')}]}`;
    expect(errorOf(() => readWhisper(whisper, 'w.json'))).toBe('w.json: whisper JSON: segments[3].text is not a string (found 42) at line 4 column 34');
    expect(errorOf(() => readWhisper('{"segments": [{"start": "soon", "text": "hi"}]}', 'w.json'))).toMatch(
      /^w\.json: whisper JSON: segments\[0\]\.start is not a time in seconds \(found "soon"\) at line 1 column 25$/,
    );
    expect(errorOf(() => readTurns('[{"speaker": "A"}]', 't.json'))).toBe('t.json: turns JSON: [0].text is missing at line 1 column 2');
    expect(errorOf(() => readTurns('[{"speaker": ["A"], "text": "hi"}]', 't.json'))).toBe(
      't.json: turns JSON: [0].speaker is not a speaker name (found an array) at line 1 column 14',
    );
    const aws = (item: string) => `{"results": {"transcripts": [{"transcript": "hi"}], "items": [${item}]}}`;
    expect(errorOf(() => readAws(aws('{"type": "word", "alternatives": [{"content": "hi"}]}'), 'a.json'))).toBe(
      'a.json: AWS Transcribe JSON: results.items[0].type is "word", expected "pronunciation" or "punctuation" at line 1 column 72',
    );
    expect(errorOf(() => readAws(aws('{"type": "pronunciation", "alternatives": []}'), 'a.json'))).toMatch(/results\.items\[0\]\.alternatives\[0\] is missing/);
  });

  it('SRT and WebVTT errors name the cue and line', () => {
    expect(errorOf(() => readSrt('1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\nno timing here\n', 's.srt'))).toBe(
      's.srt: SRT: cue 2 (line 6): expected a timing line "00:01:23,456 --> 00:01:25,000" after the cue number, found "no timing here"',
    );
    expect(errorOf(() => readSrt('1\n00:00:01,000 --> 00:00:62,000\nhi\n', 's.srt'))).toMatch(
      /^s\.srt: SRT: cue 1 \(line 2\): bad timing "00:00:01,000 --> 00:00:62,000"/,
    );
    expect(errorOf(() => readVtt('WEBVTT\n\nintro\n00:01.000 -> 00:02.000\nhi\n\n00:xx.000 --> 00:03.000\nho', 'v.vtt'))).toBe(
      'v.vtt: WebVTT: line 3: expected a cue timing "00:01:23.456 --> 00:01:25.000", found "intro"',
    );
    expect(errorOf(() => readVtt('WEBVTT\n\n1\n00:01.000 --> 00:02.000\nhi\n\nsecond\n00:xx.000 --> 00:03.000\nho', 'v.vtt'))).toBe(
      'v.vtt: WebVTT: cue 2 "second" (line 8): bad timing "00:xx.000 --> 00:03.000", expected "00:01:23.456 --> 00:01:25.000"',
    );
    expect(errorOf(() => readVtt('Hello\n', 'v.vtt'))).toBe('v.vtt: WebVTT: line 1: missing "WEBVTT" header, found "Hello"');
  });
});

describe('reader details', () => {
  it('srt: dialogue dashes, SDH capitals, one-off "Word:" kept as text, {\\an8}, numberless cues, stray blank line', () => {
    const t = readSrt(
      [
        '1',
        '00:00:01,000 --> 00:00:03,000',
        '- Hello?',
        '- Hi, this is Windows support.',
        '',
        '2',
        '00:00:04,000 --> 00:00:06,000',
        '{\\an8}AGENT: Your licence expired.',
        'CALLER: Really?',
        '',
        '3',
        '00:00:07,000 --> 00:00:08,000',
        'Note: this is recorded.',
        '',
        'It goes on here.',
        '',
      ].join('\r\n'),
    );
    expect(rows(t)).toEqual([
      [null, 1, 'Hello?'],
      [null, 1, 'Hi, this is Windows support.'],
      ['AGENT', 4, 'Your licence expired.'],
      ['CALLER', 4, 'Really?'],
      ['CALLER', 7, 'Note: this is recorded. It goes on here.'],
    ]);
    expectMapped(t);
    // Cues without a label that cut one unpunctuated sentence are read as one text (issue 14).
    expect(rows(readSrt('00:00:01,000 --> 00:00:02,500\nno numbers\n\n00:00:03,000 --> 00:00:04,000\nat all\n'))).toEqual([[null, 1, 'no numbers at all']]);
  });

  it('vtt: several voices in a cue, entities, short times, settings', () => {
    const src = 'WEBVTT\n\n00:01.500 --> 00:04.000 align:start\n<v Roger Bingham>We&apos;re from <i>Microsoft</i> &amp; Dell\n<v Bob>&lt;3 &#233;t&#xe9;</v>\n';
    const t = readVtt(src);
    expect(rows(t)).toEqual([
      ['Roger Bingham', 1.5, "We're from Microsoft & Dell"],
      ['Bob', 1.5, '<3 été'],
    ]);
    expectMapped(t);
    const u = t.utterances[0]!;
    expect(src.slice(at(u, 2), at(u, 3))).toBe('&apos;');
    expect(src.slice(at(u, u.text.indexOf('&')), at(u, u.text.indexOf('&')) + 5)).toBe('&amp;');
  });

  it('vtt: YouTube automatic captions say each line once, though every cue repeats the one before', () => {
    // As yt-dlp downloads them: a line of one space, words with inline timestamps, 10 ms "hold" cues.
    const src = [
      'WEBVTT',
      'Kind: captions',
      'Language: en',
      '',
      '00:00:00.000 --> 00:00:02.510 align:start position:0%',
      ' ',
      'your<00:00:00.480><c> computer</c><00:00:00.780><c> is</c><00:00:01.020><c> infected</c>',
      '',
      '00:00:02.510 --> 00:00:02.520 align:start position:0%',
      'your computer is infected',
      ' ',
      '',
      '00:00:02.520 --> 00:00:05.000 align:start position:0%',
      'your computer is infected',
      'download<00:00:02.800><c> anydesk</c><00:00:03.100><c> now</c>',
      '',
    ].join('\n');
    const t = readVtt(src);
    // Said once each, and read as one text: nothing ends the sentence between the cues.
    expect(rows(t)).toEqual([[null, 0, 'your computer is infected download anydesk now']]);
    expectMapped(t);
  });

  it('json: escapes map to their backslash, surrogate pairs to each half', () => {
    const src = '[{"speaker": "A", "text": "Say \\"yes\\"\\nnow \\u00e9\\ud83d\\ude00 ok"}]';
    const t = readTurns(src);
    const u = t.utterances[0]!;
    expect(u.text).toBe('Say "yes"\nnow é😀 ok');
    expectMapped(t);
    expect(src.slice(at(u, 4), at(u, 5))).toBe('\\"');
    expect(src.slice(at(u, 14), at(u, 15))).toBe('\\u00e9');
    expect(src.slice(at(u, 15), at(u, 16))).toBe('\\ud83d');
    expect(src.slice(at(u, 16), at(u, 17))).toBe('\\ude00');
    expect(src.slice(at(u, u.text.length))).toBe('"}]');
  });

  it('aws: without speaker labels one utterance per sentence; speaker_label on items; transcript only', () => {
    const item = (w: string, t: number, spk?: string) =>
      `{"start_time": "${t}", "end_time": "${t + 0.3}", "alternatives": [{"confidence": "0.99", "content": "${w}"}], "type": "pronunciation"${spk ? `, "speaker_label": "${spk}"` : ''}}`;
    const dot = '{"alternatives": [{"confidence": "0.0", "content": "."}], "type": "punctuation"}';
    const aws = (items: string[]) => `{"results": {"transcripts": [{"transcript": "x"}], "items": [${items.join(', ')}]}}`;
    expect(rows(readAws(aws([item('Hello', 0.5), item('there', 1), dot, item('Buy', 2), item('cards', 2.5), dot])))).toEqual([
      [null, 0.5, 'Hello there.'],
      [null, 2, 'Buy cards.'],
    ]);
    expect(rows(readAws(aws([item('Hi', 0.5, 'spk_0'), dot, item('Hello', 1, 'spk_1'), item('again', 1.5, 'spk_1')])))).toEqual([
      ['spk_0', 0.5, 'Hi.'],
      ['spk_1', 1, 'Hello again'],
    ]);
    expect(rows(readAws('{"results": {"transcripts": [{"transcript": "One. Two?"}], "items": []}}'))).toEqual([
      [null, undefined, 'One.'],
      [null, undefined, 'Two?'],
    ]);
  });
});

describe('the same call in every format', () => {
  const files = ['call.txt', 'call.srt', 'call.vtt', 'call.whisper.json', 'call.aws.json', 'call.turns.json'];

  it('gets one verdict: scam, quoting the same words', () => {
    const results = files.map((f) => classifyBytes(bytes(f), { file: f }, loadLexicons()));
    expect(results.map((r) => r.format)).toEqual(['text', 'srt', 'vtt', 'whisper', 'aws', 'turns']);
    expect(results.map((r) => r.verdict)).toEqual(files.map(() => 'scam'));
    const quoted = (i: number) => results[i]!.findings.map((f) => `${f.id} "${f.text}"`).sort();
    expect(quoted(0).length).toBeGreaterThan(0);
    for (let i = 1; i < files.length; i++) expect(quoted(i), files[i]).toEqual(quoted(0));
  });

  it('and the French support call is not a scam in any encoding', () => {
    for (const f of ['fr.srt', 'fr-latin1.srt', 'fr-utf16.srt']) {
      const r = classifyBytes(bytes(f), { file: f }, loadLexicons());
      expect([r.language, r.format, r.verdict === 'scam']).toEqual(['fr', 'srt', false]);
    }
  });
});
