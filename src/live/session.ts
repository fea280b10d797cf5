import type { CompiledLexicons } from '../core/lexicon/compile.js';
import { readLine } from '../core/transcript/line.js';
import { toJson } from '../report/json.js';
import type { Result } from '../types.js';
import { Watcher, type WatchEvent, type WatchOptions } from './watcher.js';

type FindingJson = Record<string, unknown>;

/** What each utterance and alert event adds to the Watcher's: who spoke, when, and what it brought. */
export interface LiveDetail {
  /** The speaker of the line, when labelled. */
  speaker?: string | null;
  /** The line's start in seconds (a `[00:01:23]` label, or `start` in a JSON line), when given. */
  start?: number;
  /** The score's log-odds (see Result.strength). */
  strength?: number;
  /** The findings this line brought (as in `classify --format json`); on an alert, every finding so far. */
  findings?: FindingJson[];
}

export type LiveEvent = (WatchEvent & LiveDetail) | Extract<WatchEvent, { type: 'end' }>;

/**
 * A live call for an application to embed (a call-centre screen, a softphone plug-in): lines of
 * transcript in as they are said, events out, each utterance event with the findings it brought.
 * `line()` and `end()` as the Watcher's; `result()` is the call so far as `classify` gives it.
 */
export class LiveSession {
  private readonly watcher: Watcher;
  /** Findings already reported, by entry and offset. */
  private readonly seen = new Set<string>();

  constructor(lexicons: CompiledLexicons, options: WatchOptions = {}) {
    this.watcher = new Watcher(lexicons, options);
  }

  /** Warnings for lines that could not be read (one per line). */
  get warnings(): readonly string[] {
    return this.watcher.warnings;
  }

  /** Reads one line (one utterance, or a JSON object `{speaker?, text, start?}`); returns its events. */
  line(raw: string): LiveEvent[] {
    const events = this.watcher.line(raw);
    if (events.length === 0) return events;
    let said: ReturnType<typeof readLine> = null;
    try {
      said = readLine(raw);
    } catch {
      // The watcher has already warned about it.
    }
    const result = this.watcher.result();
    const fresh = result.findings.filter((f) => !this.seen.has(`${f.id}@${f.offset}`));
    for (const f of fresh) this.seen.add(`${f.id}@${f.offset}`);
    const freshJson = fresh.length ? (toJson({ ...result, findings: fresh }) as { findings: FindingJson[] }).findings : [];
    const detail: LiveDetail = {
      speaker: said?.speaker ?? null,
      ...(said?.start !== undefined ? { start: said.start } : {}),
      strength: result.strength,
    };
    return events.map((e) => (e.type === 'utterance' ? { ...e, ...detail, findings: freshJson } : e.type === 'alert' ? { ...e, ...detail } : e));
  }

  result(): Result {
    return this.watcher.result();
  }

  end(): LiveEvent {
    return this.watcher.end();
  }
}
