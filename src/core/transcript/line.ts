import type { Utterance } from '../../types.js';

/** One line of a live transcript as an utterance: `at` is where `text` starts in the line, or -1 when it is not a slice of it (JSON). */
export type LineUtterance = Pick<Utterance, 'speaker' | 'text' | 'start'> & { at: number };

const TIME = String.raw`(?:[\[(]?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,3})?[\])]?\s+)`;
/** The labels `readPlain` knows: optional time, then `[Name]`, `<Name>` or `Name:` (`Name :` in French). */
const LABEL = new RegExp(
  String.raw`^\s*${TIME}?(?:\[([^\]\n]{1,40})\]\s*:?|<([^>\n]{1,40})>\s*:?|([\p{L}][\p{L}\p{N}'’ ._-]{0,38}?)\s?:)(?=\s|$)\s*`,
  'u',
);

/** A short name, not a number or a URL scheme (`https://…`). */
function plausibleName(name: string): boolean {
  return name.split(/\s+/).length <= 4 && !/^\d+$/.test(name) && !/https?$/i.test(name);
}

/**
 * Reads one line of a live transcript: a JSON object `{"speaker"?, "text", "start"?}` when it starts
 * with `{`, else text with an optional speaker label. Live, a label cannot wait to be seen twice (as
 * `readPlain` does), so any plausible short name before a colon is a speaker. Null for a blank line;
 * throws an Error saying what is wrong with a JSON line.
 */
export function readLine(line: string): LineUtterance | null {
  if (line.trimStart().startsWith('{')) return readJsonLine(line);
  const m = LABEL.exec(line);
  const name = (m?.[4] ?? m?.[5] ?? m?.[6])?.trim();
  let at = 0;
  let speaker: string | null = null;
  let start: number | undefined;
  if (m && name && plausibleName(name)) {
    speaker = name;
    at = m[0].length;
    if (m[1] !== undefined) start = m[3] !== undefined ? +m[1] * 3600 + +m[2]! * 60 + +m[3] : +m[1] * 60 + +m[2]!;
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
  if (start !== undefined && start !== null && (typeof start !== 'number' || !Number.isFinite(start) || start < 0)) throw new Error('"start" is not a number of seconds');
  if (!text.trim()) return null;
  const u: LineUtterance = { speaker: typeof speaker === 'string' && speaker.trim() ? speaker.trim() : null, text, at: -1 };
  if (typeof start === 'number') u.start = start;
  return u;
}
