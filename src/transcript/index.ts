import type { Transcript } from '../types.js';
import { ScamscanError } from '../errors.js';
import { decode } from './decode.js';
import { readPlain } from './plain.js';

export interface Parsed {
  transcript: Transcript;
  encoding: string;
}

/** Bytes to a transcript: decoding, then the reader for the format. Throws ScamscanError naming the file. */
export function parseTranscript(bytes: Uint8Array, file = '-'): Parsed {
  const { text, encoding, warnings } = decode(bytes, file);
  if (text.trim() === '') throw new ScamscanError('empty input', file);
  const transcript = readPlain(text);
  if (transcript.utterances.length === 0) throw new ScamscanError('no text found', file);
  transcript.warnings.unshift(...warnings);
  return { transcript, encoding };
}
