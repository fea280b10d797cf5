import { canonicalSpeaker } from '../text/normalize.js';
import type { Transcript, Utterance } from '../../types.js';
import { remember } from '../text/memo.js';

/** Role words that mark a speaker label even when used once. */
const ROLES = new Set(
  `agent caller customer client cliente technician technicien technicienne tech support operator operateur operatrice
  speaker interlocuteur interlocutrice locuteur suspect innocent victim victime scammer arnaqueur escroc representative rep
  user utilisateur utilisatrice host guest interviewer conseiller conseillere advisor adviser employee employe banque bank
  mom dad maman papa`.split(/\s+/),
);

const TIME = String.raw`(?:[\[(]?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,3})?[\])]?\s+)`;
/** A label at the start of a line: optional time, then `[Name]`, `<Name>` or `Name:` (`Name :` in French). */
const LINE_LABEL = new RegExp(
  String.raw`^\s*${TIME}?(?:\[([^\]\n]{1,40})\]\s*:?|<([^>\n]{1,40})>\s*:?|([\p{L}][\p{L}\p{N}\p{M}'’ ._\u200B-\u200D\u2060\uFEFF-]{0,38}?)\s?:)(?=\s|$)\s*`,
  'u',
);
/** What stands before an inline label: sentence-end punctuation and at most four spaces. */
const LABEL_AFTER = String.raw`[.!?…"”»)]\s{1,4}`;
/** A label inside a line, after the end of a sentence: `... today. Innocent: ...`. */
export const INLINE_LABEL = new RegExp(String.raw`(?<=${LABEL_AFTER}|^\s*)([\p{L}][\p{L}\p{N}\p{M}'’ ._\u200B-\u200D\u2060\uFEFF-]{0,38}?)\s?:(?=\s)`, 'gu');
/** INLINE_LABEL tried at one position only. */
const INLINE_LABEL_AT = new RegExp(INLINE_LABEL.source, 'uy');
/** Where an inline label can start. */
const AFTER_SENTENCE_END = new RegExp(LABEL_AFTER, 'gu');

/**
 * The labels inside the text, after its start: the matches of INLINE_LABEL that `matchAll` gives,
 * less one at the text's first character, found faster. The look-behind lets a label start only at
 * the first word or after a sentence end and a few spaces, and a label ends with a colon, so the
 * regex is tried at those positions alone while a colon follows, not at every character of the
 * line. A label at the first character is tried only when a later one might overlap it.
 * `tests/plain.test.ts` checks this against matchAll.
 */
export function inlineLabels(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const first = text.search(/\S/u);
  if (first < 0) return found;
  let end = 0;
  const tryAt = (p: number): RegExpExecArray | null => {
    INLINE_LABEL_AT.lastIndex = p;
    const m = INLINE_LABEL_AT.exec(text);
    if (m) end = p + m[0].length;
    return m;
  };
  let triedFirst = first > 0;
  const atFirst = triedFirst ? tryAt(first) : null;
  if (atFirst) found.push(atFirst);
  AFTER_SENTENCE_END.lastIndex = 0;
  for (let m = AFTER_SENTENCE_END.exec(text); m; m = AFTER_SENTENCE_END.exec(text)) {
    const p = m.index + m[0].length;
    if (text.indexOf(':', p) < 0) break;
    if (!triedFirst) {
      triedFirst = true;
      tryAt(first);
    }
    if (p < end) continue;
    const label = tryAt(p);
    if (label) found.push(label);
  }
  return found;
}

const SENTENCE_END = /[.!?…]+["”»)]*(?=\s+)/gu;

function plausibleName(name: string): boolean {
  const known = plausibleNames.get(name);
  if (known !== undefined) return known;
  const words = name.trim().split(/\s+/);
  return remember(plausibleNames, name, words.length <= 4 && !/^\d+$/.test(name.trim()) && !/https?$/i.test(name), 10_000);
}

const plausibleNames = new Map<string, boolean>();

function roleWord(name: string): boolean {
  const first = canonicalSpeaker(name).split(/\s+/)[0]!.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return ROLES.has(first);
}

interface Line {
  text: string;
  offset: number;
  /** The line's LINE_LABEL match (matched once, used twice: for counting labels, then reading). */
  label: RegExpExecArray | null;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const push = (start: number, end: number) => {
    const text = source.slice(start, end);
    lines.push({ text, offset: start, label: LINE_LABEL.exec(text) });
  };
  let start = 0;
  if (!source.includes('\r')) {
    // LF only (nearly every file): the native search finds the line ends.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', start)) {
      push(start, i);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      push(start, i);
      if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  push(start, source.length);
  return lines;
}

/** Labels used often enough (or named by role) to be speakers rather than words followed by a colon. */
function speakerLabels(lines: Line[]): Set<string> {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const line of lines) {
    const m = line.label;
    const name = m?.[4] ?? m?.[5] ?? m?.[6];
    if (name && plausibleName(name)) bump(canonicalSpeaker(name));
    for (const im of inlineLabels(line.text)) if (plausibleName(im[1]!)) bump(canonicalSpeaker(im[1]!));
  }
  return new Set([...counts].filter(([name, n]) => n >= 2 || roleWord(name)).map(([name]) => name));
}

function sentences(text: string, offset: number): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, offset: offset + start + lead });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    push(m.index + m[0].length);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** Reads plain text: speaker-labelled lines, several labelled turns on one line, or unlabelled prose. */
export function readPlain(source: string): Transcript {
  const lines = splitLines(source);
  const labels = speakerLabels(lines);
  const utterances: Utterance[] = [];
  const add = (speaker: string | null, text: string, offset: number, start?: number) => {
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    if (!body) return;
    const u: Utterance = { index: utterances.length + 1, speaker, text: body, offset: offset + lead };
    if (start !== undefined) u.start = start;
    utterances.push(u);
  };

  let speaker: string | null = null;
  for (const line of lines) {
    if (!line.text.trim()) continue;
    let body = line.text;
    let bodyOffset = line.offset;
    let start: number | undefined;
    const m = line.label;
    const raw = m?.[4] ?? m?.[5] ?? m?.[6];
    const name = raw === undefined ? undefined : canonicalSpeaker(raw);
    if (m && name && labels.has(name)) {
      speaker = name;
      body = line.text.slice(m[0].length);
      bodyOffset = line.offset + m[0].length;
      if (m[1] !== undefined) start = m[3] !== undefined ? +m[1] * 3600 + +m[2]! * 60 + +m[3] : +m[1] * 60 + +m[2]!;
    }
    if (labels.size === 0) {
      for (const s of sentences(body, bodyOffset)) add(null, s.text, s.offset);
      continue;
    }
    // Several turns on one line: split at each known label that follows a sentence end.
    let cursor = 0;
    for (const im of inlineLabels(body)) {
      const label = canonicalSpeaker(im[1]!);
      if (!labels.has(label)) continue;
      add(speaker, body.slice(cursor, im.index), bodyOffset + cursor, start);
      start = undefined;
      speaker = label;
      cursor = im.index + im[0].length;
    }
    add(speaker, body.slice(cursor), bodyOffset + cursor, start);
  }
  return { source, format: 'text', utterances, warnings: [] };
}
