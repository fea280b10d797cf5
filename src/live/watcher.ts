import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { toJson } from '../report/json.js';
import { CallSession, type HitFilter } from '../core/call/session.js';
import { sessionResult } from '../core/call/sessionResult.js';
import { readLine } from '../core/transcript/line.js';
import { cutPoints, MAX_UTTERANCE } from '../core/transcript/cap.js';
import type { Language, Result, Verdict } from '../types.js';
import { VERDICTS } from '../types.js';
import { LineLocator } from './locator.js';

export type AlertOn = Exclude<Verdict, 'clean'>;

/** The JSON of a result (see toJson) and of its findings. */
type ResultJson = Record<string, unknown> & { findings: FindingJson[] };
type FindingJson = Record<string, unknown>;

/** What `scamscan watch` writes, one JSON object per line. */
export type WatchEvent =
  | { type: 'utterance'; utterance: number; score: number; verdict: Verdict }
  | { type: 'alert'; utterance: number; score: number; verdict: Verdict; findings: FindingJson[] }
  | ({ type: 'end' } & ResultJson);

export interface WatchOptions {
  language?: Language;
  /** The verdict at which the alert event fires (once). */
  alertOn?: AlertOn;
  /** Shown as `file` in the end result. */
  file?: string;
  /** Drops matches before they count, as in classify (see prepareLexicons). */
  filter?: HitFilter;
}

/**
 * A live call: lines of transcript in, events out. Each line is one utterance, read once and matched
 * once by a CallSession, so the score after each utterance is `classify` of the call so far and the
 * work per line does not grow with the call. Pure: no I/O (warnings are returned, not printed).
 */
export class Watcher {
  private readonly session: CallSession;
  private readonly locator = new LineLocator();
  private readonly alertAt: number;
  private alerted = false;
  private json = false;
  readonly warnings: string[] = [];

  constructor(
    lexicons: CompiledLexicons,
    private readonly options: WatchOptions = {},
  ) {
    this.session = new CallSession(lexicons, options.language, options.filter);
    this.alertAt = VERDICTS.indexOf(options.alertOn ?? 'scam');
  }

  /** Reads one line; returns its events (none for a blank or unreadable line, which adds a warning; one per piece of a line over MAX_UTTERANCE). */
  line(raw: string): WatchEvent[] {
    const number = this.locator.count + 1;
    let read;
    try {
      read = readLine(raw);
    } catch (e) {
      this.locator.add('');
      this.warnings.push(`line ${number}: ${(e as Error).message}`);
      return [];
    }
    // Offsets point into the lines as given; a JSON line's text stands for its line.
    const lineStart = this.locator.add(read && read.at < 0 ? read.text : raw);
    if (!read) return [];
    if (read.at < 0) this.json = true;
    const { at, ...u } = read;
    const base = lineStart + Math.max(0, at);
    // A line longer than an utterance may be is cut as classify cuts it (see capUtterances): the
    // matcher's work per utterance grows faster than its length, so a 10 MB line never ended.
    const events: WatchEvent[] = [];
    const cuts = u.text.length > MAX_UTTERANCE ? cutPoints(u.text) : [0, u.text.length];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const text = cuts.length > 2 ? u.text.slice(cuts[i], cuts[i + 1]) : u.text;
      const state = this.session.add({ ...u, text, offset: base + cuts[i]! });
      events.push({ type: 'utterance', utterance: state.utterances, score: state.score, verdict: state.verdict });
      if (!this.alerted && VERDICTS.indexOf(state.verdict) >= this.alertAt) {
        this.alerted = true;
        events.push({ type: 'alert', utterance: state.utterances, score: state.score, verdict: state.verdict, findings: this.resultJson().findings });
      }
    }
    return events;
  }

  /** The call so far, as `classify --format json` gives it for the same lines. */
  result(): Result {
    const meta = { file: this.options.file ?? '-', format: this.json ? 'jsonl' : 'text', encoding: 'utf-8', warnings: [...this.warnings] };
    return sessionResult(this.session, meta, this.locator.locate);
  }

  end(): WatchEvent {
    return { type: 'end', ...this.resultJson() };
  }

  private resultJson(): ResultJson {
    return toJson(this.result()) as ResultJson;
  }
}
