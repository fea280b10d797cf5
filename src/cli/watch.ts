import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { ScamscanError } from '../errors.js';
import { Command, Option } from 'commander';
import { prepareLexicons } from '../index.js';
import type { AlertOn } from '../live/watcher.js';
import { LiveSession, type LiveEvent } from '../live/session.js';
import { watchAlertLine, watchEndLine } from '../report/watchPretty.js';
import { FAIL_ON, type FailOn } from '../node/config/schema.js';
import { safeJson, safeText } from '../report/safe.js';
import type { Language } from '../types.js';
import type { CliIO } from './io.js';
import { collect, LEXICONS_FLAGS, stoppedBy, useColor, type CliState, type Outcome } from './shared.js';
import { configAdjustments } from './config.js';
import type { Adjustments } from '../core/call/adjust.js';

export interface WatchCliOptions {
  lang?: Language;
  alertOn: AlertOn;
  lexicons?: string[];
  /** ndjson: every event as a JSON line; pretty: a line when the alert fires and one at the end. */
  format?: 'ndjson' | 'pretty';
  failOn?: FailOn;
  color?: boolean;
  /** From the config file: thresholds, disabled entries, allow-list. */
  adjust?: Adjustments;
}

/**
 * Reads stdin line by line as it arrives and writes each event as one line at once: a listener that
 * pipes live speech-to-text in gets the alert while the call is still going. Ends when stdin closes
 * (or `signal` aborts, on Ctrl-C) with the `end` event; resolves to the exit code.
 */
export async function runWatch(opts: WatchCliOptions, io: CliIO, signal?: AbortSignal): Promise<Outcome> {
  const { lexicons, filter } = prepareLexicons({ lexicons: opts.lexicons ?? [], ...opts.adjust });
  const watcher = new LiveSession(lexicons, { alertOn: opts.alertOn, ...(opts.lang ? { language: opts.lang } : {}), ...(filter ? { filter } : {}) });
  const color = useColor(opts.color ?? true, io);
  // Each event says when it was written (wall clock, ISO 8601); `start` is the time in the call, when given.
  const emit = (e: LiveEvent) => {
    const time = new Date().toISOString();
    if (opts.format !== 'pretty') io.stdout(safeJson({ ...e, time }) + '\n');
    else if (e.type === 'alert') io.stdout(watchAlertLine(e, watcher.result(), { color, time }));
    else if (e.type === 'end') io.stdout(watchEndLine(watcher.result(), { color, time }));
  };
  const guard = lineGuard(MAX_LINE);
  const stdin = io.stdinStream?.() ?? process.stdin;
  stdin.on('error', (e) => guard.destroy(e));
  const input = createInterface({ input: stdin.pipe(guard), crlfDelay: Infinity, terminal: false });
  const stop = () => input.close();
  signal?.addEventListener('abort', stop);
  let first = true;
  try {
    for await (const raw of input) {
      const line = first ? raw.replace(/^\uFEFF/, '') : raw;
      first = false;
      const warned = watcher.warnings.length;
      for (const e of watcher.line(line)) emit(e);
      for (const w of watcher.warnings.slice(warned)) io.stderr(`scamscan: -: ${safeText(w)}\n`);
      if (signal?.aborted) break;
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  emit(watcher.end());
  return { interrupted: signal?.aborted === true, verdicts: [watcher.result().verdict], failOn: opts.failOn ?? 'never' };
}

/** The longest line `watch` reads (bytes): a stream with no line end (`cat /dev/zero`) must not grow without bound. */
export const MAX_LINE = 50 * 1024 * 1024;

/** Passes the input on, failing with one line once a line runs past `max` bytes. */
export function lineGuard(max: number): Transform {
  let run = 0;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const text = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const end = Math.max(text.lastIndexOf(10), text.lastIndexOf(13));
      run = end < 0 ? run + text.length : text.length - end - 1;
      if (run > max) return done(new ScamscanError(`a line longer than ${max / (1024 * 1024)} MB (no line ends?)`, '-'));
      done(null, chunk);
    },
  });
}

export function watchCommand(cmd: Command, io: CliIO, state: CliState): void {
  cmd
    .command('watch')
    .description('classify a call live: read stdin line by line as it arrives, write one JSON event per utterance')
    .addOption(new Option('-l, --lang <language>', 'force the language instead of detecting it').choices(['en', 'fr']))
    .addOption(
      new Option('--alert-on <verdict>', 'write the alert event the first time the verdict reaches this').choices(['scam', 'suspicious']).default('scam'),
    )
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable; entries with the same id override built-in ones)', collect)
    .addOption(
      new Option('-f, --format <format>', 'ndjson: every event as a JSON line; pretty: one line per alert and one at the end')
        .choices(['ndjson', 'pretty'])
        .default('ndjson'),
    )
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when the call ends at or above this verdict').choices(FAIL_ON).default('never'))
    .option('--no-color', 'no colour, even on a terminal')
    .addHelpText(
      'after',
      `
Input: one utterance per line, as it is said: plain text, \`Speaker: text\` (any short name before a
colon is taken as the speaker), or a JSON object {"speaker"?, "text", "start"?} per line.

Output: one JSON object per line, written as soon as the line is read:
  {"type":"utterance","utterance":3,"score":0.21,"verdict":"clean","speaker":"Agent","start":12.5,
   "strength":-1.3,"findings":[…],"time":"2026-12-04T10:00:00.000Z"}   after every utterance
  {"type":"alert","utterance":14,"score":0.93,"verdict":"scam","findings":[…],…}   once, at --alert-on
  {"type":"end","file":"-","verdict":"scam",…,"time":…}   when stdin closes: the result of classify --format json
An utterance event's findings are the ones that line brought; the alert's, all so far. start is the
line's time in the call (a [00:01:23] label or "start"), time when the event was written. The score
after each utterance is what \`classify\` gives for the call so far. --format pretty writes one line
when the alert fires and one when the call ends.

Examples:
  $ stt-stream | scamscan watch --alert-on suspicious
  $ tail -f call.txt | scamscan watch --lang fr
  $ stt-stream | scamscan watch --format pretty --fail-on scam`,
    )
    .action(async (opts: WatchCliOptions) => {
      // Ctrl-C ends the call: the end event is still written (a closed pipe: see processIO).
      const controller = new AbortController();
      const stopListening = io.stopOnInterrupt?.(controller);
      try {
        state.outcome = stoppedBy(await runWatch({ ...opts, adjust: configAdjustments(state) }, io, controller.signal), controller.signal);
      } finally {
        stopListening?.();
      }
    });
}
