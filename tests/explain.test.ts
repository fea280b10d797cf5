import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyTranscript } from '../src/core/call/classify.js';
import { explainTranscript } from '../src/core/call/view.js';
import { loadLexicons } from '../src/index.js';
import { formatExplain } from '../src/report/explainPretty.js';
import { highlights, segments } from '../src/report/highlight.js';
import { bar, buckets, sparkline } from '../src/report/sparkline.js';
import { textWidth, wrap } from '../src/report/wrap.js';
import { parseTranscript } from '../src/core/transcript/index.js';
import { readPlain } from '../src/core/transcript/plain.js';
import type { Finding, Transcript, Utterance } from '../src/types.js';
import type { CompiledLexicons } from '../src/core/lexicon/compile.js';
import { ROOT } from './helpers.js';

const lexicons = loadLexicons();
const SAMPLES = join(ROOT, 'samples');
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
const read = (name: string) => readPlain(readFileSync(join(SAMPLES, name), 'utf8'));
const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (s: string) => s.replace(ANSI, '');
const SCAM = 'en-scam-popup-defender-anydesk-googleplay.txt';
/** The running score of a call, as the explained view gives it. */
const timeline = (t: Transcript, lex: CompiledLexicons) => explainTranscript(t, lex).timeline;

describe('timeline', () => {
  it.each(['en-scam-popup-defender-anydesk-googleplay.txt', 'fr-scam-popup-microsoft-anydesk-pcs.txt', 'en-legit-retelling-giftcards-hungup.txt'])(
    'is the score classify gives for the call so far, at every utterance (%s)',
    (name) => {
      const t = read(name);
      const scores = timeline(t, lexicons);
      expect(scores).toHaveLength(t.utterances.length);
      scores.forEach((score, k) => expect(score).toBe(classifyTranscript({ ...t, utterances: t.utterances.slice(0, k + 1) }, lexicons).score));
    },
  );

  it('ends at the call score and first reaches the scam threshold at the alert', () => {
    const t = read(SCAM);
    const scores = timeline(t, lexicons);
    const result = classifyTranscript(t, lexicons);
    expect(scores.at(-1)).toBe(result.score);
    expect(scores.findIndex((s) => s >= lexicons.model.thresholds.scam) + 1).toBe(result.alert);
  });

  it('comes with the same result as classify, from one reading, on every sample', () => {
    for (const name of samples) {
      const t = read(name);
      const view = explainTranscript(t, lexicons, { file: name });
      expect(view.result, name).toEqual(classifyTranscript(t, lexicons, { file: name }));
      expect(view.timeline, name).toHaveLength(view.transcript.utterances.length);
      if (t.utterances.length) expect(view.timeline.at(-1), name).toBe(view.result.score);
    }
  });

  it('cuts a long unpunctuated line exactly as classify does', () => {
    const line = Array.from({ length: 450 }, (_, i) => ['the', 'computer', 'download', 'anydesk', 'now', 'please', 'from', 'website'][i % 8]).join(' ');
    const t = readPlain(line);
    const view = explainTranscript(t, lexicons);
    expect(view.result).toEqual(classifyTranscript(t, lexicons));
    expect(view.timeline).toHaveLength(view.result.utterances);
  });
});

describe('sparkline', () => {
  it('draws one block per value, ▁ for 0 to █ for 1', () => {
    expect(sparkline([0, 0.5, 1], 10)).toBe('▁▅█');
    expect(bar(-1)).toBe('▁');
    expect(bar(2)).toBe('█');
  });

  it('squeezes a long call into the width, each mark keeping the highest of its utterances', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i === 57 ? 1 : 0));
    const bs = buckets(values, 10);
    expect(bs).toHaveLength(10);
    expect(bs[0]).toMatchObject({ from: 0, to: 9 });
    expect(bs.at(-1)!.to).toBe(99);
    expect(bs.filter((b) => b.value === 1)).toEqual([{ from: 50, to: 59, value: 1 }]);
    expect(sparkline(values, 10)).toBe('▁▁▁▁▁█▁▁▁▁');
    expect(buckets([], 10)).toEqual([]);
  });
});

describe('highlights', () => {
  const u: Utterance = { index: 1, speaker: 'Agent', text: 'please download AnyDesk now', offset: 7 };
  const finding = (offset: number, length: number, category: Finding['category'] = 'remote_access') =>
    ({ utterance: 1, offset, length, category, effective: 1 }) as Finding;

  it('places findings (source offsets) in the utterance text and cuts the text around them', () => {
    const f = finding(7 + 7, 16);
    const spans = highlights(u, [f]);
    expect(spans).toEqual([{ start: 7, end: 23, category: 'remote_access', finding: f }]);
    const segs = segments(u.text, spans);
    expect(segs.map((s) => s.text)).toEqual(['please ', 'download AnyDesk', ' now']);
    expect(segs.map((s) => s.text).join('')).toBe(u.text);
  });

  it('merges overlapping phrases of one category and trims another category to what follows', () => {
    const merged = highlights(u, [finding(14, 8), finding(18, 12)]);
    expect(merged.map((h) => u.text.slice(h.start, h.end))).toEqual(['download AnyDesk']);
    const cut = highlights(u, [finding(14, 8), finding(18, 12, 'pressure')]);
    expect(cut.map((h) => [u.text.slice(h.start, h.end), h.category])).toEqual([
      ['download', 'remote_access'],
      ['AnyDesk', 'pressure'],
    ]);
  });

  it('ignores other utterances’ findings and keeps a text without findings whole', () => {
    expect(highlights(u, [{ ...finding(14, 8), utterance: 2 }])).toEqual([]);
    expect(segments(u.text, [])).toEqual([{ text: u.text, highlight: null }]);
  });

  it.each(['call.txt', 'call.srt', 'call.vtt', 'call.whisper.json', 'call.aws.json', 'call.turns.json', 'fr-utf16.srt'])(
    'highlights exactly the words each finding quotes, in every format (%s)',
    (name) => {
      const { transcript } = parseTranscript(readFileSync(join(ROOT, 'tests', 'fixtures', 'formats', name)), name);
      const result = classifyTranscript(transcript, lexicons);
      expect(result.findings.length).toBeGreaterThan(0);
      for (const f of result.findings) {
        const u = transcript.utterances[f.utterance - 1]!;
        const [h] = highlights(u, [f]);
        expect(u.text.slice(h!.start, h!.end)).toBe(f.text);
      }
    },
  );
});

describe('wrap', () => {
  it('fills lines up to the width, breaking at spaces, never inside a word', () => {
    const lines = wrap([{ text: 'the quick brown fox jumps over the lazy dog' }], 15);
    expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });

  it('keeps a styled piece glued to the punctuation after it, and cuts a word wider than a line', () => {
    const star = (s: string) => `*${s}*`;
    expect(wrap([{ text: 'say ' }, { text: 'AnyDesk', style: star }, { text: ', now' }], 9)).toEqual(['say', '*AnyDesk*,', 'now']);
    expect(wrap([{ text: 'abcdefghij' }], 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('counts wide letters as two columns and combining marks as none', () => {
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    for (const line of wrap([{ text: '日本語のテキスト です 日本語のテキスト' }], 10)) expect(textWidth(line)).toBeLessThanOrEqual(10);
  });
});

describe('formatExplain', () => {
  const view = explainTranscript(read(SCAM), lexicons, { file: SCAM });

  it('shows every utterance with its speaker, the evidence marked, the alert, a sparkline, the legend and the verdict', () => {
    const out = formatExplain(view, { color: false, width: 100 });
    expect(out).not.toMatch(ANSI);
    expect(out).toMatch(/^ {2} 1 Agent {2}│ \[Thank you for calling\]✓ Windows support/m);
    expect(out).toMatch(/\[anydesk\]R dot com/);
    expect(out).toMatch(/\[Google Play cards\]\$/);
    const alert = view.result.alert!;
    expect(out).toMatch(new RegExp(`^▶ +${alert} Agent`, 'm'));
    expect(out).toMatch(/└ alert: the call reads as a scam from here/);
    expect(out).toMatch(new RegExp(`^Risk +[▁▂▃▄▅▆▇█]{${view.result.utterances}} `, 'm'));
    expect(out).toMatch(new RegExp(`\\^ alert at utterance ${alert}`));
    expect(out).toMatch(/^Legend .*\[…\]R\u00a0remote_access/m);
    expect(out).toMatch(new RegExp(`^Verdict +\u00a0SCAM\u00a0 score\u00a01.00 alert at utterance ${alert} of 42`, 'm'));
    // The caret stands under the alert's mark.
    const lines = out.split('\n');
    const risk = lines.findIndex((l) => l.startsWith('Risk'));
    expect(lines[risk + 1]!.indexOf('^')).toBe('Verdict '.length + alert - 1);
  });

  it.each([40, 60, 80, 120])('keeps every line within %i columns', (width) => {
    for (const color of [false, true]) {
      const out = formatExplain(view, { color, width });
      const lines = out.split('\n').slice(1); // the first line is the file name, as long as it is
      for (const line of lines) expect(textWidth(plain(line)), line).toBeLessThanOrEqual(width);
    }
  });

  it('colours the phrases by category instead of marking them, on a terminal', () => {
    const out = formatExplain(view, { color: true, width: 100 });
    expect(out).toMatch(ANSI);
    expect(out).not.toMatch(/\]R /);
    expect(plain(out)).toMatch(/Type in that box: anydesk dot com/);
  });

  it('shows control characters and bidirectional overrides escaped, never raw', () => {
    const t = readPlain('Agent: download \u001b[2J AnyDesk \u202eand buy gift cards\nCaller: ok\tfine\n');
    const out = formatExplain(explainTranscript(t, lexicons), { color: true, width: 80 });
    expect(plain(out)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    expect(plain(out)).toMatch(/\\x1b\[2J/);
    expect(plain(out)).toMatch(/\\u202e/);
  });

  it('says so when nothing was found and there was no alert', () => {
    const out = formatExplain(explainTranscript(readPlain('Caller: hello, is this the pharmacy?'), lexicons), { color: false, width: 80 });
    expect(out).toMatch(/no alert/);
    expect(out).toMatch(/^Legend +no evidence found/m);
    expect(out).toMatch(/^Verdict +\u00a0CLEAN/m);
  });
});
