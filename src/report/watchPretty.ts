import { Chalk } from 'chalk';
import type { Result } from '../types.js';
import { reason } from './pretty.js';
import { clock } from './pretty.js';
import { VERDICT_PALETTE } from './palette.js';
import { safeText } from './safe.js';

/** `watch --format pretty`: one line when the alert fires, one when the call ends. */
export function watchAlertLine(
  event: { utterance: number; score: number; verdict: Result['verdict']; start?: number; speaker?: string | null },
  result: Result,
  options: { color: boolean; time: string },
): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const when = event.start !== undefined ? ` (${clock(event.start)})` : '';
  return (
    `${c.dim(options.time)} ${VERDICT_PALETTE[event.verdict].badge(c)(` ALERT ${event.verdict.toUpperCase()} `)} ` +
    `score ${event.score.toFixed(2)} at utterance ${event.utterance}${when}${event.speaker ? ` (${safeText(event.speaker)})` : ''}: ${safeText(reason(result))}\n`
  );
}

export function watchEndLine(result: Result, options: { color: boolean; time: string }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  return (
    `${c.dim(options.time)} ${VERDICT_PALETTE[result.verdict].text(c)(`END ${result.verdict.toUpperCase()}`)} ` +
    `score ${result.score.toFixed(2)}, strength ${result.strength.toFixed(2)}, ${result.utterances} utterances` +
    `${result.alert !== null ? `, alert at utterance ${result.alert}` : ', no alert'}: ${safeText(reason(result))}\n`
  );
}
