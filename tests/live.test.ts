import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { liveSession, type LiveEvent } from '../src/index.js';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

const SCAM = readFileSync(join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt'), 'utf8');
const CLEAN = readFileSync(join(ROOT, 'samples', 'en-legit-delivery-call.txt'), 'utf8');
const lines = (text: string) => text.split(/\r?\n/);

async function watch(text: string, args: string[] = []) {
  const stream = new PassThrough();
  const t = fakeIO({ stdinStream: stream });
  const done = run(['watch', '--no-config', ...args], t.io);
  stream.end(text);
  const code = await done;
  return { code, out: t.out(), err: t.err() };
}

describe('the live session (library)', () => {
  it('gives each utterance event the findings its line brought, who said it and the strength', () => {
    const live = liveSession();
    const events: LiveEvent[] = lines(SCAM).flatMap((l) => live.line(l));
    const end = live.end() as LiveEvent & { findings: Array<{ id: string; line: number; column: number }> };
    const brought = events.flatMap((e) => (e.type === 'utterance' ? (e.findings as Array<{ id: string; line: number; column: number }>) : []));
    const key = (f: { id: string; line: number; column: number }) => `${f.id}@${f.line}:${f.column}`;
    // Every finding of the call is reported once, by the utterance that brought it.
    expect(brought.map(key).sort()).toEqual(end.findings.map(key).sort());
    expect(new Set(brought.map(key)).size).toBe(brought.length);
    const u5 = events.find((e) => e.type === 'utterance' && e.utterance === 5) as LiveEvent & { findings: Array<{ id: string }>; speaker: string };
    expect(u5.speaker).toBe('Agent');
    expect(u5.findings.map((f) => f.id)).toContain('en.hook.do-not-restart');
    expect(events.filter((e) => e.type === 'alert')).toHaveLength(1);
    expect(events.every((e) => e.type === 'end' || typeof (e as { strength?: number }).strength === 'number')).toBe(true);
  });

  it('carries the time in the call when the line gives it', () => {
    const live = liveSession({ alertOn: 'suspicious' });
    const [e] = live.line('{"speaker": "Agent", "text": "Please download AnyDesk now", "start": 83.5}');
    expect(e).toMatchObject({ type: 'utterance', speaker: 'Agent', start: 83.5 });
    expect(live.line('[00:01:30] Agent: and buy Google Play gift cards')[0]).toMatchObject({ start: 90 });
  });
});

describe('scamscan watch', () => {
  it('stamps each JSON event with the time it was written', async () => {
    const r = await watch(CLEAN);
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.at(-1).type).toBe('end');
    for (const e of events) expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(r.code).toBe(0);
  });

  it('--format pretty writes one line when the alert fires and one at the end', async () => {
    const r = await watch(SCAM, ['--format', 'pretty']);
    const out = r.out.trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^\S+Z {2}ALERT SCAM {2}score 0\.\d\d at utterance \d+ \(Agent\): /);
    expect(out[1]).toMatch(/^\S+Z END SCAM score 1\.00, strength [\d.]+, 42 utterances, alert at utterance \d+: cover story/);
    expect((await watch(CLEAN, ['--format', 'pretty'])).out).toMatch(/^\S+Z END CLEAN score/);
  });

  it('--fail-on decides the exit code from the verdict at the end (default: never)', async () => {
    expect((await watch(SCAM)).code).toBe(0);
    expect((await watch(SCAM, ['--fail-on', 'scam'])).code).toBe(1);
    expect((await watch(CLEAN, ['--fail-on', 'suspicious'])).code).toBe(0);
  });
});
