import { fakeIO } from './io.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { classifyTranscript } from '../src/core/call/classify.js';
import { run } from '../src/cli/main.js';
import { loadLexicons } from '../src/index.js';
import { Watcher, type WatchEvent } from '../src/live/watcher.js';
import { toJson } from '../src/report/json.js';
import { readLine } from '../src/core/transcript/line.js';
import { readPlain } from '../src/core/transcript/plain.js';
import { ROOT } from './helpers.js';

const lexicons = loadLexicons();
const BIN = join(ROOT, 'bin', 'scamscan.js');
const sample = (name: string) => readFileSync(join(ROOT, 'samples', name), 'utf8');

describe('readLine', () => {
  it('reads a speaker label (any short name before a colon, with an optional time) or plain text', () => {
    expect(readLine('Agent: download AnyDesk')).toEqual({ speaker: 'Agent', text: 'download AnyDesk', at: 7 });
    expect(readLine('Technicien : bonjour')).toMatchObject({ speaker: 'Technicien', text: 'bonjour' });
    expect(readLine('[00:01:23] John Smith: hello  ')).toEqual({ speaker: 'John Smith', text: 'hello', at: 23, start: 83 });
    expect(readLine('[Agent] hi')).toMatchObject({ speaker: 'Agent', text: 'hi' });
    expect(readLine('  just words, no label')).toEqual({ speaker: null, text: 'just words, no label', at: 2 });
    expect(readLine('see https://example.com: now')).toMatchObject({ speaker: null });
    expect(readLine('   ')).toBeNull();
  });

  it('reads a JSON object per line and says what is wrong with a bad one', () => {
    expect(readLine('{"speaker": "Agent", "text": "hi there", "start": 12.5}')).toEqual({ speaker: 'Agent', text: 'hi there', start: 12.5, at: -1 });
    expect(readLine('{"text": "no speaker"}')).toEqual({ speaker: null, text: 'no speaker', at: -1 });
    expect(readLine('{"text": "  "}')).toBeNull();
    expect(() => readLine('{"speaker": "Agent"}')).toThrow(/"text" is missing/);
    expect(() => readLine('{"text": "x", "start": "soon"}')).toThrow(/"start"/);
    expect(() => readLine('{oops')).toThrow(/not valid JSON/);
  });
});

const lines = (text: string) => text.split(/\r\n|\r|\n/);

describe('Watcher', () => {
  it.each(['en-scam-popup-defender-anydesk-googleplay.txt', 'fr-scam-popup-microsoft-anydesk-pcs.txt', 'en-legit-helpdesk-teamviewer-ticket.txt'])(
    'scores each utterance as classify scores the call so far, and ends with classify’s result (%s)',
    (name) => {
      const text = sample(name);
      const transcript = readPlain(text);
      // The comparison holds when each line is one utterance that readPlain labels the same way.
      expect(transcript.utterances.length).toBe(lines(text).filter((l) => l.trim()).length);
      const watcher = new Watcher(lexicons);
      const events = lines(text).flatMap((l) => watcher.line(l));
      const scores = events.filter((e) => e.type === 'utterance');
      expect(scores).toHaveLength(transcript.utterances.length);
      scores.forEach((e, k) => {
        const prefix = classifyTranscript({ ...transcript, utterances: transcript.utterances.slice(0, k + 1) }, lexicons);
        expect(e, `utterance ${k + 1}`).toEqual({ type: 'utterance', utterance: k + 1, score: prefix.score, verdict: prefix.verdict });
      });
      expect(watcher.end()).toEqual({ type: 'end', ...toJson(classifyTranscript(transcript, lexicons)) });
    },
  );

  it('fires the alert once, right after the utterance event where the verdict first reaches --alert-on', () => {
    const text = sample('en-scam-popup-defender-anydesk-googleplay.txt');
    const expected = classifyTranscript(readPlain(text), lexicons);
    const watcher = new Watcher(lexicons);
    const events = lines(text).flatMap((l) => watcher.line(l));
    const alerts = events.filter((e): e is Extract<WatchEvent, { type: 'alert' }> => e.type === 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.utterance).toBe(expected.alert);
    const at = events.indexOf(alerts[0]!);
    expect(events[at - 1]).toMatchObject({ type: 'utterance', utterance: expected.alert, verdict: 'scam' });
    expect(alerts[0]!.findings.length).toBeGreaterThan(0);
    expect(alerts[0]!.findings.every((f) => (f.utterance as number) <= expected.alert!)).toBe(true);

    const early = new Watcher(lexicons, { alertOn: 'suspicious' });
    const first = lines(text)
      .flatMap((l) => early.line(l))
      .find((e) => e.type === 'alert')!;
    expect(first.utterance).toBeLessThanOrEqual(expected.alert!);
    expect(['suspicious', 'scam']).toContain((first as { verdict: string }).verdict);
  });

  it('reads JSON Lines, skips blank and bad lines with a warning, and numbers lines as given', () => {
    const watcher = new Watcher(lexicons);
    const events = [
      '{"speaker": "Agent", "text": "Download AnyDesk and read me the nine digit code.", "start": 3}',
      '',
      '{broken',
      'Agent: Buy Google Play gift cards and read me the numbers on the back.',
    ].flatMap((l) => watcher.line(l));
    expect(events.filter((e) => e.type === 'utterance').map((e) => e.utterance)).toEqual([1, 2]);
    const end = watcher.end() as Extract<WatchEvent, { type: 'end' }> & { findings: Array<{ line: number; column: number; text: string; start?: number }> };
    expect(end).toMatchObject({ format: 'jsonl', utterances: 2, warnings: [expect.stringMatching(/^line 3: not valid JSON/)] });
    expect(end.findings.find((f) => f.text === 'Download AnyDesk')).toMatchObject({ line: 1, column: 1, start: 3 });
    expect(end.findings.find((f) => /gift cards/.test(String(f.text)))).toMatchObject({ line: 4 });
  });

  it('does not re-read the call: late utterances cost about what early ones do', () => {
    const call = lines(sample('en-scam-popup-defender-anydesk-googleplay.txt')).filter((l) => l.trim());
    const watcher = new Watcher(lexicons);
    const time = (from: number, n: number) => {
      const t = performance.now();
      for (let i = from; i < from + n; i++) watcher.line(call[i % call.length]!);
      return performance.now() - t;
    };
    time(0, 200); // warm up
    const early = time(200, 300);
    time(500, 1500);
    const late = time(2000, 300);
    // Re-reading the call at each line would make the late lines ~10x slower; allow noise and the
    // scorer's own (small) growth with the number of findings.
    expect(late).toBeLessThan(early * 4 + 50);
  });
});

function pipeIO(input: PassThrough) {
  const t = fakeIO({ stdinStream: input });
  return { io: t.io, out: t.outChunks, err: t.errChunks };
}

describe('scamscan watch', () => {
  it('runs in-process: one event per line as it is read, the end when stdin closes', async () => {
    const input = new PassThrough();
    const t = pipeIO(input);
    const done = run(['watch', '--alert-on', 'suspicious'], t.io);
    input.write('Agent: Hello, this is the Windows technical department, your computer is infected.\n');
    // The event comes as soon as the line is read; on a loaded machine that can take a while.
    for (let waited = 0; t.out.length === 0 && waited < 5000; waited += 10) await sleep(10);
    expect(t.out.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(t.out[0]!)).toMatchObject({ type: 'utterance', utterance: 1 });
    input.end('Agent: Download AnyDesk, then buy Google Play gift cards and read me the numbers.\n');
    expect(await done).toBe(0);
    const events = t.out.map((l) => JSON.parse(l) as { type: string });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['utterance', 'alert', 'end']));
    expect(events.at(-1)).toMatchObject({ type: 'end', file: '-', utterances: 2 });
    expect(t.out.every((l) => l.endsWith('\n') && l.split('\n').length === 2)).toBe(true); // one write per event
  });

  it('as a spawned binary, writes each event before the next line is written', async () => {
    const child = spawn(process.execPath, [BIN, 'watch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const events = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async () => {
      const timeout = sleep(10_000).then(() => {
        throw new Error('no event within 10 s: output is buffered');
      });
      const r = await Promise.race([events.next(), timeout]);
      return JSON.parse(r.value as string) as WatchEvent;
    };
    const text = sample('en-scam-popup-defender-anydesk-googleplay.txt');
    const expected = classifyTranscript(readPlain(text), lexicons);
    const call = lines(text).filter((l) => l.trim());
    const seen: WatchEvent[] = [];
    for (const [k, line] of call.entries()) {
      child.stdin!.write(line + '\n');
      const e = await next();
      expect(e).toMatchObject({ type: 'utterance', utterance: k + 1 });
      seen.push(e);
      if (k + 1 === expected.alert) seen.push(await next());
      await sleep(k < 3 ? 100 : 5); // a pause, as between turns of a call
    }
    child.stdin!.end();
    const end = await next();
    expect(end).toMatchObject({ type: 'end', verdict: expected.verdict, score: expected.score, alert: expected.alert });
    expect(seen.find((e) => e.type === 'alert')).toMatchObject({ utterance: expected.alert });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });
});
