import type { Transcript } from '../../types.js';
import { ScamscanError } from '../../errors.js';
import { decode } from './decode.js';
import { detectReader, readerNamed } from './formats.js';
import { datasetShape } from './csv.js';

/**
 * A data set (many calls, one a row or a line) is not one transcript: read as one, it would get one
 * confident verdict for all its calls. `scan` and `eval` read it row by row.
 */
function refuseDataset(text: string, file: string): void {
  const csv = datasetShape(text);
  if (csv) {
    throw new ScamscanError(
      `this looks like a CSV data set (columns: ${csv.columns.join(', ')}), one call a row: use scamscan scan or eval with --text-column ${csv.textColumn}`,
      file,
    );
  }
  const nl = text.indexOf('\n');
  if (text.trimStart().startsWith('{') && nl > 0 && /^\s*\{/.test(text.slice(nl + 1))) {
    let first: unknown;
    try {
      first = JSON.parse(text.slice(0, nl));
    } catch {
      return;
    }
    const o = first as Record<string, unknown> | null;
    if (o && typeof o === 'object' && (typeof o.text === 'string' || Array.isArray(o.turns))) {
      throw new ScamscanError('this looks like a JSON Lines data set, one call a line: use scamscan scan or eval (--text-column names the text field)', file);
    }
  }
}

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
  if (!forced) refuseDataset(text, file);
  const reader = forced ?? detectReader(text, file);
  const transcript = reader.read(text, file);
  if (transcript.utterances.length === 0) throw new ScamscanError(reader.name === 'text' ? 'no text found' : `${reader.name}: no text found`, file);
  transcript.warnings.unshift(...warnings);
  return { transcript, encoding };
}
