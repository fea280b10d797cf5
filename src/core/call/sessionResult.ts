import type { Result } from '../../types.js';
import type { CallSession } from './session.js';
import { capFindings, FINDINGS_CAP } from './findingsCap.js';

/** What a result says of its input that the session does not know. */
export interface ResultMeta {
  file: string;
  format: string;
  encoding: string;
  warnings: string[];
}

/**
 * The result of a call read through a session: what classify returns, and what the views that need
 * more from the same single reading (the running score of `--explain` and `--report`, the live
 * events of `watch`) return too.
 */
export function sessionResult(session: CallSession, meta: ResultMeta, locate: (offset: number) => { line: number; column: number }): Result {
  const { driver, result } = session.current;
  const { findings, omitted } = capFindings(session.findings(locate));
  const warnings = omitted
    ? [...meta.warnings, `${omitted} more findings not listed: only the ${FINDINGS_CAP} strongest are (the score counts all)`]
    : meta.warnings;
  return {
    file: meta.file,
    verdict: result.verdict,
    score: result.score,
    strength: Math.round(result.logit * 100) / 100,
    language: session.language,
    format: meta.format,
    encoding: meta.encoding,
    categories: result.categories,
    stages: result.stages,
    stagesSeen: result.stagesSeen,
    alert: session.alert,
    utterances: session.utterances.length,
    driver,
    findings,
    ...(omitted ? { findingsOmitted: omitted } : {}),
    warnings,
    inputs: result.inputs,
  };
}
