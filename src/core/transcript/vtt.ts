import type { Transcript } from '../../types.js';
import { ScamscanError } from '../../errors.js';
import { cueUtterances, isBlank, parseTiming, quote, splitLines, type Cue, type Line } from './cues.js';

const HEADER = /^\uFEFF?WEBVTT(?=[ \t\r\n]|$)/;
/** Blocks that hold no spoken text. */
const SKIPPED = /^(NOTE|STYLE|REGION)(?=[ \t]|$)/;

/** An inline timestamp `<00:00:01.000>`: karaoke-style captions, such as YouTube's automatic ones. */
const INLINE_TIME = /<(?:\d+:)?\d{2}:\d{2}\.\d{3}>/;
const plainLine = (line: Line) => line.text.replace(/<[^>]*>/g, '').trim();

/**
 * Automatic captions roll: each cue repeats the previous cue's line above the new one. Said once,
 * a phrase would otherwise be counted two or three times, so a line already shown by the previous
 * cue is dropped.
 */
function dropRollingRepeats(cues: Cue[]): void {
  let previous = new Set<string>();
  for (const cue of cues) {
    const shown = new Set(cue.lines.map(plainLine));
    cue.lines = cue.lines.filter((l) => !previous.has(plainLine(l)) || plainLine(l) === '');
    previous = shown;
  }
}

export function isVtt(text: string): boolean {
  return HEADER.test(text);
}

/**
 * WebVTT: the `WEBVTT` header block, then cues (optional identifier, `start --> end` with optional
 * settings, text up to a blank line); NOTE, STYLE and REGION blocks are skipped. Voice tags
 * `<v Name>` give the speaker; other tags are dropped and entities decoded (see cueUtterances).
 */
export function readVtt(source: string, file = '-'): Transcript {
  const lines = splitLines(source);
  const fail = (cue: string, line: Line, problem: string): never => {
    throw new ScamscanError(`WebVTT: ${cue ? `${cue} (line ${line.number})` : `line ${line.number}`}: ${problem}`, file);
  };
  if (!isVtt(source)) fail('', lines[0]!, `missing "WEBVTT" header, found ${quote(lines[0]!.text)}`);
  const cues: Cue[] = [];
  let i = 1;
  while (i < lines.length && !isBlank(lines[i])) i++; // header lines (`Kind: captions`, `Language: en`)
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const first = lines[i]!;
    if (SKIPPED.test(first.text)) {
      while (i < lines.length && !isBlank(lines[i])) i++;
      continue;
    }
    let id = '';
    if (!first.text.includes('-->') && lines[i + 1]?.text.includes('-->')) {
      id = ` ${quote(first.text.trim())}`;
      i++;
    }
    const timingLine = lines[i]!;
    const where = `cue ${cues.length + 1}${id}`;
    if (timingLine.text.includes('-->')) {
      const timing = parseTiming(timingLine.text);
      if (!timing) fail(where, timingLine, `bad timing ${quote(timingLine.text.trim())}, expected "00:01:23.456 --> 00:01:25.000"`);
      const cue: Cue = { start: timing!.start, lines: [] };
      for (i++; i < lines.length && !isBlank(lines[i]); i++) cue.lines.push(lines[i]!);
      cues.push(cue);
    } else if (cues.length === 0) {
      fail('', first, `expected a cue timing "00:01:23.456 --> 00:01:25.000", found ${quote(first.text)}`);
    } else {
      // Text after a blank line inside a cue: keep it with that cue rather than lose words.
      const cue = cues[cues.length - 1]!;
      for (; i < lines.length && !isBlank(lines[i]); i++) cue.lines.push(lines[i]!);
    }
  }
  if (INLINE_TIME.test(source)) dropRollingRepeats(cues);
  return { source, format: 'vtt', utterances: cueUtterances(source, cues, { tags: true, entities: true, assCodes: false }), warnings: [] };
}
