import type { Transcript } from '../../types.js';
import type { ClassifyOptions } from './classify.js';
import type { CompiledLexicons } from '../lexicon/compile.js';
import { CallSession } from './session.js';

/**
 * The running score of a call after each of its utterances: what `classify` says of the call so
 * far, read through the same CallSession (same language and match filter), so the last point is the
 * call's score and the first point at or above the scam threshold is its alert. Pure: no I/O.
 */
export function timeline(transcript: Transcript, lexicons: CompiledLexicons, options: Pick<ClassifyOptions, 'language' | 'filter'> = {}): number[] {
  const session = new CallSession(lexicons, options.language, options.filter);
  return transcript.utterances.map(({ index: _index, ...u }) => session.add(u).score);
}
