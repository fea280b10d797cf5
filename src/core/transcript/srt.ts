import type { Transcript } from '../../types.js';
import { ScamscanError } from '../../errors.js';
import { cueUtterances, isBlank, parseTiming, quote, splitLines, type Cue, type Line } from './cues.js';

const NUMBER = /^\s*\d+\s*$/;

/** First non-empty lines: a cue number then a timing line (or a timing line, for files that drop the numbers). */
export function isSrt(text: string): boolean {
  const lines = splitLines(text.slice(0, 2000)).filter((l) => !isBlank(l));
  const [a, b] = lines;
  return a !== undefined && ((NUMBER.test(a.text) && b !== undefined && b.text.includes('-->')) || (a.text.includes('-->') && parseTiming(a.text) !== null));
}

/**
 * SubRip, as ffmpeg, YouTube and subtitle editors write it: numbered cues, `00:01:23,456 --> …`
 * timings, text lines up to a blank line. Text after a blank line that starts no cue is kept with
 * the cue before (a stray blank line inside a cue is a common defect); a bad or missing timing is an error.
 */
export function readSrt(source: string, file = '-'): Transcript {
  const lines = splitLines(source);
  const cues: Cue[] = [];
  const fail = (cue: number | string, line: Line, problem: string): never => {
    throw new ScamscanError(`SRT: cue ${cue} (line ${line.number}): ${problem}`, file);
  };
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const first = lines[i]!;
    const numbered = NUMBER.test(first.text);
    const label = numbered ? first.text.trim() : cues.length + 1;
    if (numbered && lines[i + 1]?.text.includes('-->')) i++;
    const timingLine = lines[i]!;
    if (timingLine.text.includes('-->')) {
      const timing = parseTiming(timingLine.text);
      if (!timing) fail(label, timingLine, `bad timing ${quote(timingLine.text.trim())}, expected "00:01:23,456 --> 00:01:25,000"`);
      const cue: Cue = { start: timing!.start, lines: [] };
      for (i++; i < lines.length && !isBlank(lines[i]); i++) cue.lines.push(lines[i]!);
      cues.push(cue);
    } else if (numbered) {
      fail(
        label,
        lines[i + 1] ?? first,
        `expected a timing line "00:01:23,456 --> 00:01:25,000" after the cue number, found ${lines[i + 1] ? quote(lines[i + 1]!.text) : 'the end of the file'}`,
      );
    } else if (cues.length === 0) {
      fail(1, first, `expected a cue number, found ${quote(first.text)}`);
    } else {
      // Text after a blank line inside a cue: it still belongs to that cue.
      const cue = cues[cues.length - 1]!;
      for (; i < lines.length && !isBlank(lines[i]); i++) cue.lines.push(lines[i]!);
    }
  }
  return { source, format: 'srt', utterances: cueUtterances(source, cues, { tags: true, entities: false, assCodes: true }), warnings: [] };
}
