import type { Language, Result, Transcript } from '../../types.js';
import type { CompiledLexicons } from '../lexicon/compile.js';
import { CallSession, type HitFilter } from './session.js';
import { lineIndex } from '../transcript/position.js';
import { capUtterances } from '../transcript/cap.js';
import { sessionResult } from './sessionResult.js';
import { readPlain } from '../transcript/plain.js';
import { UNSUPPORTED_SAMPLE, unsupportedLanguage } from '../text/language.js';
import { ScamscanError } from '../../errors.js';

export interface ClassifyOptions {
  /** Shown as `file` in the result; `-` for stdin. */
  file?: string;
  /** Forces the language instead of detecting it. */
  language?: Language;
  encoding?: string;
  /** A reader name (see INPUT_FORMATS) instead of detecting the format from the content. */
  inputFormat?: string;
  /** Drops matches before they count: disabled entries, the allow-list (see src/core/call/adjust.ts). */
  filter?: HitFilter;
  /**
   * Called before each utterance is read; may throw to give up on the call (scan's per-file time
   * and memory limits). The core keeps no clock: the caller's check does.
   */
  check?: () => void;
}

/**
 * A call clearly in a language scamscan does not read (Spanish, German, Italian, Portuguese) is an
 * error, not a verdict: its words would be matched as English or French and the answer would be
 * confident noise. `--lang` (options.language) reads it anyway.
 */
export function refuseUnsupportedLanguage(transcript: Transcript, options: ClassifyOptions): void {
  if (options.language) return;
  let text = '';
  for (const u of transcript.utterances) {
    text += u.text + '\n';
    if (text.length > UNSUPPORTED_SAMPLE) break;
  }
  const language = unsupportedLanguage(text);
  if (language) {
    throw new ScamscanError(
      `unsupported language: this reads as ${language}; scamscan reads English and French (--lang en or --lang fr reads it anyway)`,
      options.file ?? '-',
    );
  }
}

/**
 * Classifies a parsed transcript. Pure: no I/O. The call is read utterance by utterance, exactly as
 * a live session would read it, so the alert is the first utterance at which `classify` of the call
 * so far would have said `scam`.
 */
export function classifyTranscript(input: Transcript, lexicons: CompiledLexicons, options: ClassifyOptions = {}): Result {
  refuseUnsupportedLanguage(input, options);
  const transcript = capUtterances(input);
  const session = new CallSession(lexicons, options.language, options.filter);
  for (const u of transcript.utterances) {
    options.check?.();
    session.add(u);
  }
  return sessionResult(
    session,
    { file: options.file ?? '-', format: transcript.format, encoding: options.encoding ?? 'utf-8', warnings: transcript.warnings },
    lineIndex(transcript.source),
  );
}

/** Classifies plain transcript text. Pure: no I/O. */
export function classifyTranscriptText(text: string, lexicons: CompiledLexicons, options: ClassifyOptions = {}): Result {
  return classifyTranscript(readPlain(text), lexicons, options);
}
