import type { Utterance } from '../../types.js';
import { MappedText, sentenceUtterances } from './mapped.js';
import { endsSentence } from './sentence.js';
import { NAME } from './label.js';

/** Shared by the SRT and WebVTT readers: lines, timings, and cue text to utterances. */

export interface Line {
  text: string;
  offset: number;
  /** 1-based line number. */
  number: number;
}

export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of source.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ text: source.slice(start, m.index), offset: start, number: lines.length + 1 });
    start = m.index + m[0].length;
  }
  lines.push({ text: source.slice(start), offset: start, number: lines.length + 1 });
  return lines;
}

export const isBlank = (line: Line | undefined) => line !== undefined && line.text.trim() === '';

/** `01:23:45,678` (SRT), `01:23:45.678` or `23:45.678` (WebVTT); hours may go past 99. */
const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})$/;
const TIMING = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)(?:\s+(.*?))?\s*$/;

export function parseTime(s: string): number | null {
  const m = TIME.exec(s);
  if (!m || +m[2]! > 59 || +m[3]! > 59) return null;
  return (m[1] ? +m[1] * 3600 : 0) + +m[2]! * 60 + +m[3]! + +m[4]!.padEnd(3, '0') / 1000;
}

/** A `start --> end [settings]` line, or null when it is not one. */
export function parseTiming(text: string): { start: number; end: number; settings: string } | null {
  const m = TIMING.exec(text);
  if (!m) return null;
  const start = parseTime(m[1]!);
  const end = parseTime(m[2]!);
  return start === null || end === null ? null : { start, end, settings: m[3] ?? '' };
}

/** A line quoted in an error message, cut short. */
export const quote = (text: string) => JSON.stringify(text.length > 60 ? text.slice(0, 60) + '…' : text);

export interface Cue {
  start: number;
  lines: Line[];
}

export interface CueSyntax {
  /** HTML-like tags (`<i>`, `<font …>`, WebVTT `<c>`, `<v Name>`, `<00:00:01.000>`) are markup, not words. */
  tags: boolean;
  /** `&amp;` and friends are decoded (WebVTT). */
  entities: boolean;
  /** `{\an8}` override codes (SSA/ASS leftovers in SRT). */
  assCodes: boolean;
}

/** A dialogue dash at the start of a line: `- Hello`, `– Bonjour` (`-5 degrees` is not one), or a captioner's `>>` speaker change. */
const DASH = /^\s*(?:-(?![-\d])|[–—]|>>|&gt;&gt;)\s*(?=\S)/;
/** A speaker label at the start of a line: `[Agent] ` or `AGENT: ` (`Technicien : ` in French). */
const LABEL = new RegExp(String.raw`^(?:\[([^\]\n]{1,40})\]\s*:?|(${NAME})\s?:)(?=\s)\s*`, 'u');
const TAG = /^<(\/?[a-zA-Z][^<>]*|\d[\d:.]*)>/;
const VOICE = /^v(?:\.[^\s>]*)?\s+([^>]+)$/;
const ENTITY = /^&(amp|lt|gt|nbsp|quot|apos|lrm|rlm|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"', apos: "'", lrm: '\u200e', rlm: '\u200f' };

/** Markup that may come before a label: `{\an8}`, `<i>`, `<font …>` (not a `<v>` voice, which names the speaker itself). */
const LEAD = /^(?:\{\\[^}]*\}|<(?!v[\s.])[a-zA-Z][^<>]*>)*/;

/** A dialogue dash and a speaker label at the start of a line, and where the words start. */
function lineStart(text: string): { dash: number; name: string | null; length: number } {
  const dash = DASH.exec(text)?.[0].length ?? 0;
  const lead = dash + LEAD.exec(text.slice(dash))![0].length;
  const m = LABEL.exec(text.slice(lead));
  // `[Music]` alone is a sound, not a speaker.
  if (!m || text.slice(lead + m[0].length).trim() === '') return { dash, name: null, length: dash };
  return { dash, name: (m[1] ?? m[2]!).trim(), length: lead + m[0].length };
}

/**
 * Labels that name speakers: used at the start of at least two cue lines, or written in capitals as
 * captioners do (`AGENT:`); a one-off `Note:` stays text.
 */
function speakerLabels(cues: Cue[]): Set<string> {
  const counts = new Map<string, number>();
  for (const cue of cues)
    for (const line of cue.lines) {
      const { name } = lineStart(line.text);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  const caps = (name: string) => /\p{Lu}.*\p{Lu}/u.test(name) && name === name.toUpperCase();
  return new Set([...counts].filter(([name, n]) => n >= 2 || caps(name)).map(([name]) => name));
}

interface Part {
  speaker: string | null;
  text: MappedText;
  /** Opened by a dash or a `>>` cue without a label: someone else, speaker unknown. */
  recovered?: boolean;
  /** Opened by a speaker label. */
  labelled?: boolean;
}

/**
 * Cue text to utterances: one per cue, or one per dialogue-dash line, labelled line or voice span
 * in it. Markup is dropped and entities decoded, with each kept character mapped to the source.
 * A cue without a label goes on with the last speaker, except a dash line, which is someone else.
 */
export function cueUtterances(source: string, cues: Cue[], syntax: CueSyntax): Utterance[] {
  const labels = speakerLabels(cues);
  const pieces: Piece[] = [];
  let lastSpeaker: string | null = null;

  for (const cue of cues) {
    const parts: Part[] = [];
    const open = (speaker: string | null, recovered = false) => {
      const part: Part = { speaker, text: new MappedText(source), recovered };
      parts.push(part);
      return part;
    };
    let part: Part | undefined;
    for (const line of cue.lines) {
      const start = lineStart(line.text);
      const label = start.name !== null && labels.has(start.name) ? start.name : null;
      if (!part || start.dash || label) {
        part = open(label ?? (start.dash ? null : (part?.speaker ?? lastSpeaker)), !label && start.dash > 0);
        if (label) part.labelled = true;
      } else part.text.sep(' '); // the line break
      part = appendLine(line, label ? start.length : start.dash, syntax, part, open);
    }
    for (const p of parts) pieces.push({ part: p, start: cue.start });
    if (parts.length) lastSpeaker = parts[parts.length - 1]!.speaker;
  }
  return utterancesOf(pieces);
}

/** A part of a cue with the cue's start time. */
interface Piece {
  part: Part;
  start: number;
}

/**
 * The utterances of the cue parts, in order. Captions cut sentences anywhere: unlabelled parts of
 * unknown speakers that go on from one another (no sentence end, no dash or `>>`, no label) are one
 * text, read as plain text is (its sentences, and in raw speech-to-text the turns `segment` recovers),
 * each utterance keeping the start of the cue it begins in. Labelled cues stay one utterance each.
 */
function utterancesOf(pieces: Piece[]): Utterance[] {
  const utterances: Utterance[] = [];
  const goesOn = (prev: Part, next: Part) =>
    prev.speaker === null && next.speaker === null && !prev.labelled && !next.labelled && !next.recovered && !endsSentence(prev.text.text);
  for (let i = 0; i < pieces.length;) {
    let j = i + 1;
    while (j < pieces.length && goesOn(pieces[j - 1]!.part, pieces[j]!.part)) j++;
    const first = pieces[i]!;
    if (j === i + 1) {
      const u = first.part.text.toUtterance(utterances.length + 1, first.part.speaker, first.start);
      if (u && first.part.recovered) u.turn = 'recovered';
      if (u) utterances.push(u);
      i = j;
      continue;
    }
    const joined = new MappedText(first.part.text.source);
    const starts: Array<{ offset: number; start: number }> = [];
    for (let k = i; k < j; k++) {
      const p = pieces[k]!;
      if (p.part.text.length === 0) continue;
      joined.sep(' ');
      starts.push({ offset: p.part.text.offsetAt(0), start: p.start });
      joined.append(p.part.text);
    }
    const from = utterances.length;
    for (const u of sentenceUtterances(joined, from + 1)) {
      // The start of the cue the utterance begins in (cue offsets increase).
      let c = 0;
      while (c + 1 < starts.length && starts[c + 1]!.offset <= u.offset) c++;
      if (starts.length) u.start = starts[c]!.start;
      utterances.push(u);
    }
    if (first.part.recovered && utterances.length > from) utterances[from]!.turn = 'recovered';
    i = j;
  }
  return utterances;
}

/** Appends line.text[from..] to the part without markup; a `<v Name>` voice tag opens a new part. Returns the part in use at the end. */
function appendLine(line: Line, from: number, syntax: CueSyntax, part: Part, open: (speaker: string | null, recovered?: boolean) => Part): Part {
  const { text, offset } = line;
  let run = from;
  const flush = (to: number) => part.text.slice(offset + run, offset + to);
  // The next `}` at or after the last `{\`, found once and reused: searched again from every `{\`
  // of a line that has none, a line of them was quadratic.
  let close = -2;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    let skip = 0;
    // A `>>` speaker change inside the line (`&gt;&gt;` in WebVTT): someone else goes on, speaker unknown.
    const cue = c === '>' && text[i + 1] === '>' ? 2 : c === '&' && syntax.entities && text.startsWith('&gt;&gt;', i) ? 8 : 0;
    if (cue) {
      flush(i);
      part = open(null, true);
      skip = cue;
    } else if (c === '<' && syntax.tags) {
      const m = TAG.exec(text.slice(i));
      if (!m) continue;
      flush(i);
      const voice = VOICE.exec(m[1]!);
      if (voice) {
        const speaker = voice[1]!.trim();
        if (part.text.text.trim() === '') part.speaker = speaker;
        else part = open(speaker);
      }
      skip = m[0].length;
    } else if (c === '&' && syntax.entities) {
      const m = ENTITY.exec(text.slice(i, i + 12));
      if (!m) continue;
      flush(i);
      const name = m[1]!;
      const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? +name.slice(1) : -1;
      part.text.decoded(code >= 0 ? String.fromCodePoint(Math.min(code, 0x10ffff)) : NAMED[name]!, offset + i, offset + i + m[0].length);
      skip = m[0].length;
    } else if (c === '{' && syntax.assCodes && text[i + 1] === '\\') {
      if (close !== -1 && close < i) close = text.indexOf('}', i);
      if (close < 0) continue;
      flush(i);
      skip = close + 1 - i;
    } else continue;
    i += skip - 1;
    run = i + 1;
  }
  flush(text.length);
  return part;
}
