import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capUtterances, cutPoints, MAX_UTTERANCE } from '../src/core/transcript/cap.js';
import { parseTranscript } from '../src/core/transcript/index.js';
import { capFindings, FINDINGS_CAP } from '../src/core/call/findingsCap.js';
import { classifyText, loadLexicons, ScamscanError } from '../src/index.js';
import { Watcher } from '../src/live/watcher.js';
import { formatJson } from '../src/report/json.js';
import type { Finding } from '../src/types.js';

/**
 * Every reader is linear in its input. Nothing here is timed: each shape is read at a size (1 MB)
 * that took from minutes to hours while a reader was quadratic in it (80 KB of `!?` took 22 s,
 * 20,000 `>>` cues 3 s, a 400 KB `watch` line 15 s), so vitest's per-test timeout is the bound (a
 * regression shows as a timeout, or as this file never ending: a timeout cannot stop running code).
 */

const SIZE = 1024 * 1024;
const rep = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));
const enc = (s: string) => new TextEncoder().encode(s);
const SRT = (body: string) => `1\n00:00:01,000 --> 00:00:02,000\n${body}\n`;
const VTT = (body: string) => `WEBVTT\n\n00:00.000 --> 00:01.000\n${body}\n`;

/** Reads as classify does (decode, detect, read, cut long utterances); a clean error counts as read. */
function read(text: string, inputFormat?: string): number {
  try {
    const { transcript } = parseTranscript(enc(text), 'x', inputFormat ? { inputFormat } : {});
    const capped = capUtterances(transcript);
    for (const u of capped.utterances) expect(u.text.length).toBeLessThanOrEqual(MAX_UTTERANCE);
    return capped.utterances.length;
  } catch (e) {
    expect(e).toBeInstanceOf(ScamscanError);
    return 0;
  }
}

const SHAPES: Record<string, (size: number) => string> = {
  'a run of sentence-end marks not followed by a space': (n) => rep('!?', n) + 'x',
  'a run of ellipses': (n) => rep('…', n) + 'a',
  'a run of dots': (n) => rep('.', n),
  'a run of `>>` cues': (n) => rep('>>', n),
  'time stamps one after another': (n) => rep('[00:01:23] ', n),
  'one line without a space': (n) => rep('a', n),
  'one line of words': (n) => rep('hello there ', n),
  'a WebVTT cue of `<`': (n) => VTT(rep('<', n)),
  'a WebVTT cue of open tags': (n) => VTT(rep('<a', n)),
  'a WebVTT cue of nested tags': (n) => VTT(rep('<b>', n / 2) + rep('</b>', n / 2)),
  // 4 MB: at 1 MB the quadratic reading took only 13 s.
  'an SRT cue of `{\\`': (n) => SRT(rep('{\\', 4 * n)),
  'one huge SRT cue': (n) => SRT(rep('hello world\n', n)),
  'a timing line of digits': (n) => `1\n${rep('0', n)} --> \nhi\n`,
  'JSON nested deeper than allowed': (n) => rep('[', n),
  'distinct speaker labels, each used twice': (n) => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < n; i++, size += 40) lines.push(`Speaker${i}: hello\nSpeaker${i}: okay then\n`);
    return lines.join('');
  },
  'distinct speaker labels inline': (n) => {
    const parts: string[] = [];
    for (let i = 0, size = 0; size < n; i++, size += 30) parts.push(`Speaker${i}: hi. Speaker${i + 1}: ok. `);
    return parts.join('');
  },
};

describe('readers are linear in their input', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`reads 1 MB of ${name}`, () => {
      read(shape(SIZE));
    });
  }

  it('reads 256 KB of two shapes forced into each format that takes plain lines', () => {
    for (const shape of [SHAPES['a run of sentence-end marks not followed by a space']!, SHAPES['a run of `>>` cues']!]) {
      for (const format of ['text', 'srt', 'vtt']) read(shape(SIZE / 4), format);
    }
  });

  it('never makes a piece one character too long when a space falls just past the limit', () => {
    const text = 'a'.repeat(MAX_UTTERANCE) + ' ' + 'b'.repeat(MAX_UTTERANCE);
    const cuts = cutPoints(text);
    for (let i = 0; i + 1 < cuts.length; i++) expect(cuts[i + 1]! - cuts[i]!).toBeLessThanOrEqual(MAX_UTTERANCE);
  });

  it('cuts a long line into pieces of at most MAX_UTTERANCE, at spaces where it can', () => {
    expect(cutPoints('a'.repeat(5_000))).toEqual([0, 2_000, 4_000, 5_000]);
    // Searched back to the start of the text for a space at every cut, 20 MB took hours.
    expect(cutPoints('a'.repeat(20 * SIZE))).toHaveLength(Math.ceil((20 * SIZE) / MAX_UTTERANCE) + 1);
    const words = rep('ab ', 5_000);
    const cuts = cutPoints(words);
    for (let i = 1; i < cuts.length - 1; i++) expect(words[cuts[i]! - 1]).toBe(' ');
    expect(read(rep('a', SIZE))).toBe(Math.ceil(rep('a', SIZE).length / MAX_UTTERANCE));
  });

  it('any short unit of awkward characters, repeated to two sizes, reads in every wrapper', () => {
    const awkward = fc.constantFrom(...'.!?…>[](){}\\<:-–—"”»\' \n\r\t&;a0Aé:'.split(''));
    fc.assert(
      fc.property(fc.array(awkward, { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 1, 2), (chars, wrap) => {
        const unit = chars.join('');
        for (const size of [64 * 1024, 128 * 1024]) {
          const body = rep(unit, size);
          read(wrap === 0 ? body : wrap === 1 ? SRT(body) : VTT(body));
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('watch is linear in the length of a line', () => {
  it('reads a 1 MB line as pieces, as classify cuts it, and ends with capped findings', () => {
    const watcher = new Watcher(loadLexicons(), { alertOn: 'suspicious' });
    const line = rep('please download anydesk and buy google play gift cards now. ', 1024 * 1024);
    const events = watcher.line(line);
    const pieces = cutPoints(line).length - 1;
    expect(events.filter((e) => e.type === 'utterance')).toHaveLength(pieces);
    expect(events.some((e) => e.type === 'alert')).toBe(true);
    const end = watcher.result();
    expect(end.utterances).toBe(pieces);
    expect(end.findings).toHaveLength(FINDINGS_CAP);
    expect(end.findingsOmitted).toBeGreaterThan(0);
    // Findings located on the one line, in order.
    const columns = end.findings.map((f) => f.column);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
    expect(end.findings.every((f) => f.line === 1)).toBe(true);
  });
});

describe('findings per result are capped', () => {
  it('keeps the strongest, in source order, and counts those left out', () => {
    const f = (contribution: number, i: number) => ({ contribution, id: `f${i}` }) as unknown as Finding;
    const all = [0.1, -0.9, 0.5, 0.2, 0.5].map(f);
    const { findings, omitted } = capFindings(all, 3);
    expect(findings.map((x) => x.id)).toEqual(['f1', 'f2', 'f4']);
    expect(omitted).toBe(2);
    expect(capFindings(all, 5)).toEqual({ findings: all, omitted: 0 });
  });

  it('a call of one repeated phrase lists 500 findings, says how many more, and scores them all', () => {
    const text = rep('Agent: buy google play gift cards and read me the code.\n', 700 * 56);
    const result = classifyText(text, {}, loadLexicons());
    expect(result.findings).toHaveLength(FINDINGS_CAP);
    expect(result.findingsOmitted).toBeGreaterThan(500);
    expect(result.verdict).toBe('scam');
    expect(result.warnings.at(-1)).toMatch(/^\d+ more findings not listed/);
    const json = formatJson(result);
    expect(json.length).toBeLessThan(500_000);
    expect(JSON.parse(json).findingsOmitted).toBe(result.findingsOmitted);
    const few = classifyText('Agent: buy google play gift cards and read me the code.\n', {}, loadLexicons());
    expect(few.findingsOmitted).toBeUndefined();
    expect(few.warnings).toEqual([]);
    expect('findingsOmitted' in JSON.parse(formatJson(few))).toBe(false);
  });
});
