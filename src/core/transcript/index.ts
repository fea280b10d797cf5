import type { Transcript } from '../../types.js';
import { ScamscanError } from '../../errors.js';
import { decode } from './decode.js';
import { detectReader, readerNamed } from './formats.js';

export { INPUT_FORMATS, READERS, detectReader, type Reader } from './formats.js';

export interface Parsed {
  transcript: Transcript;
  encoding: string;
}

export interface ParseOptions {
  /** A reader name from INPUT_FORMATS to skip detection; `auto` or absent detects from the content. */
  inputFormat?: string;
}

/**
 * Bytes to a transcript: decoding, then the reader for the format (detected from the content, the
 * extension being no proof). Throws ScamscanError naming the file.
 */
export function parseTranscript(bytes: Uint8Array, file = '-', options: ParseOptions = {}): Parsed {
  const forced = options.inputFormat && options.inputFormat !== 'auto' ? readerNamed(options.inputFormat, file) : null;
  const { text, encoding, warnings } = decode(bytes, file);
  if (text.trim() === '') throw new ScamscanError('empty input', file);
  const reader = forced ?? detectReader(text, file);
  const transcript = reader.read(text, file);
  if (transcript.utterances.length === 0) throw new ScamscanError(reader.name === 'text' ? 'no text found' : `${reader.name}: no text found`, file);
  transcript.warnings.unshift(...warnings);
  return { transcript, encoding };
}
