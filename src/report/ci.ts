import type { Finding, Result } from '../types.js';
import { byContribution, decisive, evidenceRows } from './evidence.js';
import { reason } from './pretty.js';
import { safeJson } from './safe.js';

/**
 * The CI formats, as linters ship them (ESLint, Vale, cspell): GitHub Actions workflow commands
 * (`::error file=…,line=…,col=…::message`, shown as annotations on the pull request) and SARIF 2.1.0
 * (GitHub code scanning and other viewers). Only flagged calls are reported: a scam is an error, a
 * suspicious call a warning, at the line of the evidence that weighs most; a file that could not be
 * read is an error at the file.
 */

/** GitHub's escaping of a command's message (data). */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** …and of a property value (file=, title=). */
const ghProperty = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Control characters and bidirectional overrides never reach the log raw: shown as `\x1b` and `\u202e`. */
const visible = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (ch) => {
    const n = ch.codePointAt(0)!;
    return n > 0xff ? `\\u${n.toString(16).padStart(4, '0')}` : `\\x${n.toString(16).padStart(2, '0')}`;
  });

/** The finding a flagged call is reported at: the one that weighs most. */
function topFinding(result: Result): Finding | undefined {
  return (decisive(result)[0] ?? byContribution(evidenceRows(result.findings))[0])?.finding;
}

const summaryOf = (result: Result) => `${result.verdict} (score ${result.score.toFixed(2)}, strength ${result.strength.toFixed(2)}): ${reason(result)}`;

/** The GitHub annotation of a result: one line, or nothing for a clean call. */
export function githubResult(result: Result): string {
  if (result.verdict === 'clean') return '';
  const level = result.verdict === 'scam' ? 'error' : 'warning';
  const f = topFinding(result);
  const where = f ? `,line=${f.line},col=${f.column}` : '';
  return `::${level} file=${ghProperty(visible(result.file))}${where},title=${ghProperty(`scamscan: ${result.verdict}`)}::${ghData(visible(summaryOf(result)))}\n`;
}

export function githubError(file: string, error: string): string {
  return `::error file=${ghProperty(visible(file))},title=${ghProperty('scamscan: error')}::${ghData(visible(error))}\n`;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULES = [
  {
    id: 'scam',
    name: 'ScamCall',
    shortDescription: { text: 'The call reads as a technical-support (or refund, bank, one-time-code) scam' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'suspicious',
    name: 'SuspiciousCall',
    shortDescription: { text: 'The call has some of the moves of a scam script' },
    defaultConfiguration: { level: 'warning' },
  },
];

const region = (f: Finding) => ({ startLine: f.line, startColumn: f.column, snippet: { text: f.text } });
const location = (file: string, f?: Finding, message?: string) => ({
  physicalLocation: { artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')) }, ...(f ? { region: region(f) } : {}) },
  ...(message ? { message: { text: message } } : {}),
});

/** The SARIF result of a flagged call (null for a clean one): at its strongest evidence, the rest as related locations. */
export function sarifResult(result: Result): object | null {
  if (result.verdict === 'clean') return null;
  const f = topFinding(result);
  const related = byContribution(evidenceRows(result.findings))
    .filter((r) => r.contribution > 0 && r.finding !== f)
    .slice(0, 20)
    .map((r, i) => ({ id: i, ...location(result.file, r.finding, `${r.categories.join('+')} ${r.ids.join(' ')}: "${r.finding.text}"`) }));
  return {
    ruleId: result.verdict,
    ruleIndex: result.verdict === 'scam' ? 0 : 1,
    level: result.verdict === 'scam' ? 'error' : 'warning',
    message: { text: summaryOf(result) },
    locations: [location(result.file, f)],
    ...(related.length ? { relatedLocations: related } : {}),
    properties: { score: result.score, strength: result.strength, stages: result.stagesSeen, alert: result.alert, language: result.language },
  };
}

/**
 * A SARIF log written as it goes: `head()`, then each result's JSON (comma-separated), then
 * `tail()` with the files that could not be read as tool notifications.
 */
export const sarif = {
  head(version: string): string {
    const tool = { driver: { name: 'scamscan', version, informationUri: 'https://www.npmjs.com/package/scamscan', rules: RULES } };
    return `{"$schema":${JSON.stringify(SARIF_SCHEMA)},"version":"2.1.0","runs":[{"tool":${safeJson(tool)},"results":[\n`;
  },
  result(r: object, first: boolean): string {
    return (first ? '' : ',\n') + safeJson(r);
  },
  tail(errors: ReadonlyArray<{ file: string; error: string }>): string {
    const notes = errors.map((e) => ({ level: 'error', message: { text: e.error }, locations: [location(e.file)] }));
    const invocation = { executionSuccessful: errors.length === 0, toolExecutionNotifications: notes };
    return `\n],"invocations":[${safeJson(invocation)}]}]}\n`;
  },
};

/** A whole SARIF log for one classify result, or one error. */
export function sarifLog(version: string, result: Result | null, errors: ReadonlyArray<{ file: string; error: string }> = []): string {
  const r = result ? sarifResult(result) : null;
  return sarif.head(version) + (r ? sarif.result(r, true) : '') + sarif.tail(errors);
}
