import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjustLexicons } from '../src/core/call/adjust.js';
import { findConfig } from '../src/node/config/find.js';
import { readConfig } from '../src/node/config/read.js';
import { adjustmentsOf, resolveConfig } from '../src/node/config/resolve.js';
import { classifyTranscriptText } from '../src/core/call/classify.js';
import { fixtureLexicons } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'scamscan-config-'));
const put = (path: string, content: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const FORMATS = { classify: ['pretty', 'json'], scan: ['pretty', 'json', 'ndjson', 'csv'] };

describe('findConfig', () => {
  it('walks up from the folder, preferring scamscan.config.json to .scamscanrc.json in one folder', () => {
    const rc = put(join(tmp, 'a', '.scamscanrc.json'), '{}');
    mkdirSync(join(tmp, 'a', 'b', 'c'), { recursive: true });
    expect(findConfig(join(tmp, 'a', 'b', 'c'))).toBe(rc);
    const named = put(join(tmp, 'a', 'scamscan.config.json'), '{}');
    expect(findConfig(join(tmp, 'a', 'b'))).toBe(named);
    const nearer = put(join(tmp, 'a', 'b', '.scamscanrc.json'), '{}');
    expect(findConfig(join(tmp, 'a', 'b', 'c'))).toBe(nearer);
  });
});

describe('readConfig', () => {
  it.each([
    ['{ "allow": ["x"], "colour": true }', /x\.json: unknown key "colour"/],
    ['{ "thresholds": { "scam": 0.9, "warn": 0.5 } }', /unknown key "thresholds\.warn"/],
    ['{ "allow": ["ok", ""] }', /allow\[1\]: an allowed phrase cannot be empty/],
    ['{ "failOn": "always" }', /failOn: /],
    ['{ "lexicons": "my-lexicons" }', /lexicons: /],
    ['{ nope', /x\.json: not valid JSON/],
  ])('rejects %s naming the file and key', (text, message) => {
    expect(() => readConfig(put(join(tmp, 'x.json'), text))).toThrow(message);
  });
});

describe('resolveConfig', () => {
  const file = join(tmp, 'proj', 'scamscan.config.json');
  const config = { lexicons: ['lex', '/abs/lex'], failOn: 'suspicious' as const, language: 'fr' as const, format: 'csv', thresholds: { scam: 0.8 } };

  it('takes flags over the file over defaults, and says where each came from', () => {
    const e = resolveConfig({ file, config, flags: { failOn: 'never' }, command: 'scan', formats: FORMATS });
    expect(e.failOn).toEqual({ value: 'never', from: '--fail-on' });
    expect(e.language).toEqual({ value: 'fr', from: file });
    expect(e.lexicons).toEqual({ value: [join(tmp, 'proj', 'lex'), '/abs/lex'], from: file });
    expect(e.thresholds).toEqual({ scam: { value: 0.8, from: file }, suspicious: { value: null, from: 'default' } });
    expect(e.disable).toEqual({ value: [], from: 'default' });
    // One format for all: used where the command has it.
    expect(e.format).toEqual({ classify: { value: null, from: 'default' }, scan: { value: 'csv', from: file } });
    expect(adjustmentsOf(e)).toEqual({ thresholds: { scam: 0.8 } });
  });

  it('takes --format for the command run only', () => {
    const e = resolveConfig({ file: null, config: null, flags: { format: 'json' }, command: 'classify', formats: FORMATS });
    expect(e.format.classify).toEqual({ value: 'json', from: '--format' });
    expect(e.format.scan).toEqual({ value: null, from: 'default' });
  });

  it('rejects a format no command has, or one a named command lacks', () => {
    expect(() => resolveConfig({ file, config: { format: 'xml' }, flags: {}, command: 'scan', formats: FORMATS })).toThrow(
      /scamscan\.config\.json: format: "xml" is not an output format/,
    );
    expect(() => resolveConfig({ file, config: { format: { classify: 'csv' } }, flags: {}, command: 'scan', formats: FORMATS })).toThrow(
      /format\.classify: "csv" is not an output format of classify \(pretty, json\)/,
    );
  });
});

describe('adjustLexicons', () => {
  const lex = fixtureLexicons();
  const SCAM =
    'Agent: Your computer is infected, I see error 0x8007042c.\nAgent: Please download the AnyDesk app.\nAgent: Then buy gift cards and read me the numbers.';

  it('returns a copy with new thresholds, leaving the cached lexicons alone', () => {
    const before = structuredClone(lex.model);
    const { lexicons } = adjustLexicons(lex, { thresholds: { scam: 0.99 } });
    expect(lexicons.model.thresholds).toEqual({ scam: 0.99, suspicious: before.thresholds.suspicious });
    expect(lex.model).toEqual(before);
    expect(() => adjustLexicons(lex, { thresholds: { suspicious: 0.995 } })).toThrow(/suspicious \(0\.995\) is above scam/);
  });

  it('drops findings overlapping an allowed phrase in the same utterance, whatever the word forms', () => {
    const { filter } = adjustLexicons(lex, { allow: ['buying gift card'] });
    const r = classifyTranscriptText(SCAM, lex, { filter: filter! });
    expect(r.findings.map((f) => f.category)).not.toContain('payment');
    expect(classifyTranscriptText(SCAM, lex).findings.map((f) => f.category)).toContain('payment');
  });

  it('keeps counter-signals an allowed phrase overlaps: the allow-list only lowers scores', () => {
    const call = 'Agent: Your ticket number is 4411. Please download the AnyDesk app.';
    const plain = classifyTranscriptText(call, lex);
    const counter = plain.findings.find((f) => f.category === 'counter');
    expect(counter).toBeDefined();
    const { filter } = adjustLexicons(lex, { allow: [counter!.text] });
    expect(classifyTranscriptText(call, lex, { filter: filter! }).findings.map((f) => f.id)).toContain(counter!.id);
  });

  it('names a disabled entry that does not exist, and the config file', () => {
    expect(() => adjustLexicons(lex, { disable: ['remote_access', 'en.nope.x'] }, '/etc/scamscan.config.json')).toThrow(
      /^\/etc\/scamscan\.config\.json: disable\[1\]: "en\.nope\.x" is neither a category/,
    );
  });
});
