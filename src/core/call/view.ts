import { refuseUnsupportedLanguage, type ClassifyOptions } from './classify.js';
import type { CompiledLexicons } from '../lexicon/compile.js';
import { capUtterances } from '../transcript/cap.js';
import { CallSession } from './session.js';
import { sessionResult } from './sessionResult.js';
import { parseTranscript } from '../transcript/index.js';
import { readPlain } from '../transcript/plain.js';
import { lineIndex } from '../transcript/position.js';
import type { Result, Transcript } from '../../types.js';

/** What `--explain` shows: the result, the transcript it came from, and the score after each utterance. */
export interface ExplainView {
  result: Result;
  transcript: Transcript;
  timeline: readonly number[];
  /** The verdict thresholds the result was judged by, to colour the timeline. */
  thresholds: { scam: number; suspicious: number };
}

/**
 * What the explained views (`classify --explain`, `scan --report`) show of a transcript: its result,
 * the transcript itself and the score after each utterance, from one reading of the call. Pure: no
 * I/O. Takes prepared lexicons and options (see prepareLexicons) as classifyTranscript does, and
 * gives the same result.
 */
export function explainTranscript(input: Transcript, lexicons: CompiledLexicons, options: ClassifyOptions = {}): ExplainView {
  refuseUnsupportedLanguage(input, options);
  // Long utterances are cut exactly as classifyTranscript cuts them, so both read the same call.
  const transcript = capUtterances(input);
  const session = new CallSession(lexicons, options.language, options.filter);
  const timeline = transcript.utterances.map(({ index: _index, ...u }) => {
    options.check?.();
    return session.add(u).score;
  });
  const meta = { file: options.file ?? '-', format: transcript.format, encoding: options.encoding ?? 'utf-8', warnings: transcript.warnings };
  return { result: sessionResult(session, meta, lineIndex(transcript.source)), transcript, timeline, thresholds: lexicons.model.thresholds };
}

/** The explained view of a file's bytes (any supported encoding and format). */
export function explainBytes(bytes: Uint8Array, lexicons: CompiledLexicons, options: ClassifyOptions = {}): ExplainView {
  const { transcript, encoding } = parseTranscript(bytes, options.file, options.inputFormat ? { inputFormat: options.inputFormat } : {});
  return explainTranscript(transcript, lexicons, { ...options, encoding });
}

/** The explained view of plain transcript text (a data set row). */
export function explainText(text: string, lexicons: CompiledLexicons, options: ClassifyOptions = {}): ExplainView {
  return explainTranscript(readPlain(text), lexicons, options);
}
