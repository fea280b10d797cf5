import type { Result } from '../types.js';
import { safeJson } from './safe.js';

/** The public JSON contract of one result (see README): stable key order, no colour. */
export function toJson(result: Result): object {
  return {
    file: result.file,
    verdict: result.verdict,
    score: result.score,
    strength: result.strength,
    language: result.language,
    format: result.format,
    encoding: result.encoding,
    categories: result.categories,
    stages: result.stages,
    stagesSeen: result.stagesSeen,
    alert: result.alert,
    utterances: result.utterances,
    driver: result.driver,
    findings: result.findings.map((f) => ({
      id: f.id,
      category: f.category,
      stage: f.stage,
      text: f.text,
      utterance: f.utterance,
      speaker: f.speaker,
      line: f.line,
      column: f.column,
      ...(f.start !== undefined ? { start: f.start } : {}),
      weight: f.weight,
      effective: f.effective,
      modifiers: f.modifiers,
      contribution: f.contribution,
      source: f.source,
    })),
    ...(result.findingsOmitted !== undefined ? { findingsOmitted: result.findingsOmitted } : {}),
    warnings: result.warnings,
  };
}

export function formatJson(result: Result): string {
  return safeJson(toJson(result), 2) + '\n';
}
