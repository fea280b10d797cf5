import type { Utterance } from '../../types.js';
import { LINE_LABEL, labelName, labelTime, plausibleName } from './label.js';

/** One line of a live transcript as an utterance: `at` is where `text` starts in the line, or -1 when it is not a slice of it (JSON). */
export type LineUtterance = Pick<Utterance, 'speaker' | 'text' | 'start'> & { at: number };

/**
 * Reads one line of a live transcript: a JSON object `{"speaker"?, "text", "start"?}` when it starts
 * with `{`, else text with an optional speaker label. Live, a label cannot wait to be seen twice (as
 * `readPlain` does), so any plausible short name before a colon is a speaker. Null for a blank line;
 * throws an Error saying what is wrong with a JSON line.
 */
export function readLine(line: string): LineUtterance | null {
  if (line.trimStart().startsWith('{')) return readJsonLine(line);
  // A captioner's `>>` speaker change: a new turn, named only by a label after it.
  const cue = /^\s*>>\s*/.exec(line)?.[0].length ?? 0;
  const m = LINE_LABEL.exec(cue ? line.slice(cue) : line);
  const name = labelName(m)?.trim();
  let at = cue;
  let speaker: string | null = null;
  let start: number | undefined;
  if (m && name && plausibleName(name)) {
    speaker = name;
    at = cue + m[0].length;
    start = labelTime(m);
  }
  const body = line.slice(at);
  const text = body.trim();
  if (!text) return null;
  const u: LineUtterance = { speaker, text, at: at + body.length - body.trimStart().length };
  if (start !== undefined) u.start = start;
  return u;
}

function readJsonLine(line: string): LineUtterance | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const { speaker, text, start } = value as Record<string, unknown>;
  if (typeof text !== 'string') throw new Error('"text" is missing or not a string');
  if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') throw new Error('"speaker" is not a string');
  if (start !== undefined && start !== null && (typeof start !== 'number' || !Number.isFinite(start) || start < 0))
    throw new Error('"start" is not a number of seconds');
  if (!text.trim()) return null;
  const u: LineUtterance = { speaker: typeof speaker === 'string' && speaker.trim() ? speaker.trim() : null, text, at: -1 };
  if (typeof start === 'number') u.start = start;
  return u;
}
