import type { Transcript } from '../../types.js';
import { ScamscanError } from '../../errors.js';
import { AWS_SHAPE, isAws, readAws } from './aws.js';
import { parseJson, type JsonNode } from './json.js';
import { readPlain } from './plain.js';
import { isSrt, readSrt } from './srt.js';
import { isTurns, readTurns, TURNS_SHAPE } from './turns.js';
import { isVtt, readVtt } from './vtt.js';
import { isWhisper, readWhisper, WHISPER_SHAPE } from './whisper.js';

export interface Reader {
  name: string;
  /** True when the decoded text is in this format, judged from its content alone. */
  detect(text: string): boolean;
  /** Reads the text; a malformed file is a ScamscanError naming the format and where it broke. */
  read(text: string, file: string): Transcript;
}

/**
 * Text that starts like JSON: `{`, or `[` followed by `{`, `[`, `"` or `]`. A `[` followed by a letter
 * or digit is a plain-text label or timestamp (`[Agent] hi`, `[00:01:23] Agent: hi`).
 */
export function looksLikeJson(text: string): boolean {
  return /^\s*(\{|\[\s*[{["\]])/.test(text);
}

/** Whether the text is JSON of the shape `is` tests; false when it does not parse (detection does not throw). */
function jsonShape(text: string, is: (root: JsonNode) => boolean): boolean {
  if (!looksLikeJson(text)) return false;
  try {
    return is(parseJson(text));
  } catch {
    return false;
  }
}

const plain: Reader = { name: 'text', detect: () => true, read: (t) => readPlain(t) };

/** The readers; detection tries all but `text`, which takes whatever the others do not. */
export const READERS: readonly Reader[] = [
  plain,
  { name: 'srt', detect: isSrt, read: readSrt },
  { name: 'vtt', detect: isVtt, read: readVtt },
  { name: 'whisper', detect: (t) => jsonShape(t, isWhisper), read: readWhisper },
  { name: 'aws', detect: (t) => jsonShape(t, isAws), read: readAws },
  { name: 'turns', detect: (t) => jsonShape(t, isTurns), read: readTurns },
];

export const INPUT_FORMATS: readonly string[] = READERS.map((r) => r.name);

/** The reader named by `--input-format`; an unknown name is an error listing the known ones. */
export function readerNamed(name: string, file = '-'): Reader {
  const reader = READERS.find((r) => r.name === name);
  if (!reader) throw new ScamscanError(`unknown input format ${JSON.stringify(name)} (known: ${INPUT_FORMATS.join(', ')}, or auto)`, file);
  return reader;
}

/**
 * The reader for this content, whatever the file's extension. Text that starts like JSON is never
 * read as plain text: if it does not parse, or parses into no known shape, that is the error.
 */
export function detectReader(source: string, file = '-'): Reader {
  const reader = READERS.find((r) => r !== plain && r.detect(source)) ?? plain;
  if (reader === plain && looksLikeJson(source)) {
    const root = parseJson(source, file); // throws `JSON: <what> at line L column C`
    const top =
      root.type === 'object' ? `an object with ${root.fields.size ? `keys ${[...root.fields.keys()].slice(0, 8).join(', ')}` : 'no keys'}` : `an ${root.type}`;
    throw new ScamscanError(`JSON: no known transcript shape (found ${top}); expected ${WHISPER_SHAPE}, ${AWS_SHAPE} or ${TURNS_SHAPE}`, file);
  }
  return reader;
}
