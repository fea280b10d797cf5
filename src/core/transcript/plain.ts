import { canonicalSpeaker, normalizeWord } from '../text/normalize.js';
import type { Transcript, Utterance } from '../../types.js';
import { remember } from '../text/memo.js';
import { LINE_LABEL, NAME, labelName, labelTime, plausibleName as shortName } from './label.js';
import { MappedText } from './mapped.js';
import { dangles, endsMidClause, needsSegmenting, segment, type TurnKind } from './segment.js';
import { SENTENCE_END } from './sentence.js';

/** Role words that mark a speaker label even when used once. */
const ROLES = new Set(
  `agent caller customer client cliente technician technicien technicienne tech support operator operateur operatrice
  speaker interlocuteur interlocutrice locuteur suspect innocent victim victime scammer arnaqueur escroc representative rep
  user utilisateur utilisatrice host guest interviewer conseiller conseillere advisor adviser employee employe banque bank
  mom dad maman papa`.split(/\s+/),
);

/** What stands before an inline label: sentence-end punctuation and at most four spaces. */
const LABEL_AFTER = String.raw`[.!?…"”»)]\s{1,4}`;
/** A label inside a line, after the end of a sentence: `... today. Innocent: ...`. */
export const INLINE_LABEL = new RegExp(String.raw`(?<=${LABEL_AFTER}|^\s*)(${NAME})\s?:(?=\s)`, 'gu');
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

function plausibleName(name: string): boolean {
  const known = plausibleNames.get(name);
  if (known !== undefined) return known;
  return remember(plausibleNames, name, shortName(name), 10_000);
}

const plausibleNames = new Map<string, boolean>();

function roleWord(name: string): boolean {
  const first = normalizeWord(canonicalSpeaker(name).split(/\s+/)[0]!);
  return ROLES.has(first);
}

interface Line {
  text: string;
  offset: number;
  /** Length of a captioner's `>>` speaker-change cue (and the spaces after it) at the line start, or 0. */
  cue: number;
  /** The line's LINE_LABEL match after the cue (matched once, used twice: for counting labels, then reading); its indices count from the cue. */
  label: RegExpExecArray | null;
}

const CUE = />>[ \t]*/y;

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const push = (start: number, end: number) => {
    const text = source.slice(start, end);
    let cue = 0;
    let i = 0;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (text.startsWith('>>', i)) {
      CUE.lastIndex = i;
      CUE.test(text);
      cue = CUE.lastIndex;
    }
    lines.push({ text, offset: start, cue, label: LINE_LABEL.exec(cue ? text.slice(cue) : text) });
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
    const name = labelName(m);
    if (name && plausibleName(name)) bump(canonicalSpeaker(name));
    for (const im of inlineLabels(line.text)) if (plausibleName(im[1]!)) bump(canonicalSpeaker(im[1]!));
  }
  return new Set([...counts].filter(([name, n]) => n >= 2 || roleWord(name)).map(([name]) => name));
}

/** The sentence ranges of text [from, to) of a text, untrimmed. */
function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    out.push([start, m.index + m[0].length]);
    start = m.index + m[0].length;
  }
  SENTENCE_END.lastIndex = 0;
  out.push([start, text.length]);
  return out;
}

/** Whether a line ends a sentence (or a clause a line break would end anyway). */
const ENDS = /[.!?…:;,"”»)\]]\s*$/u;
/** Whether a line goes on from the one before: it starts with a lower-case letter or a digit. */
const GOES_ON = /^\s*[\p{Ll}\p{N}]/u;

/** The share of line ends that fall mid-clause from which a block of lines is a paragraph wrapped anywhere. */
const MID_CLAUSE_SHARE = 0.25;

/**
 * Whether a block of unlabelled lines is one hard-wrapped paragraph rather than one turn a line:
 * at least three lines, none ending a sentence, all but the last filled to near the same width.
 */
function wrapped(lines: Line[], from: number, to: number, labelled: boolean): boolean {
  // In a labelled call, a long labelled line and the one line that goes on from it.
  if (labelled && to - from === 2) return lines[from]!.text.trimEnd().length >= 60;
  if (to - from < 3) return false;
  // Speech-to-text wrapped at uneven widths: many lines stop mid-clause ("…qui lui disait que son
  // ordinateur" / "était piraté…"), which lines that are turns almost never do.
  if (!labelled && to - from >= 4) {
    let mid = 0;
    for (let i = from; i < to - 1; i++) if (endsMidClause(lines[i]!.text)) mid++;
    if (mid >= 2 && mid >= (to - 1 - from) * MID_CLAUSE_SHARE) return true;
  }
  let max = 0;
  for (let i = from; i < to; i++) max = Math.max(max, lines[i]!.text.trimEnd().length);
  if (max < 30 || max > 160) return false;
  let full = 0;
  for (let i = from; i < to - 1; i++) {
    const t = lines[i]!.text.trimEnd();
    if (ENDS.test(t)) return false;
    if (t.length >= max * 0.75) full++;
  }
  return full >= (to - 1 - from) * 0.8;
}

/** Reads plain text: speaker-labelled lines, several labelled turns on one line, or unlabelled prose and raw speech-to-text. */
export function readPlain(source: string): Transcript {
  const lines = splitLines(source);
  const labels = speakerLabels(lines);
  const utterances: Utterance[] = [];
  const labelOf = (line: Line): string | null => {
    const raw = labelName(line.label);
    const name = raw === undefined ? undefined : canonicalSpeaker(raw);
    return name !== undefined && labels.has(name) ? name : null;
  };

  /**
   * Adds text [from, to) of `m` (a mapped text) or of the source at `base`: its sentences, and in a
   * long unpunctuated one the turns and clauses `segment` recovers. `first` is how the text's first
   * utterance starts; `known` says the speaker is given by a label, so a recovered turn inside it is
   * only a clause of the same speaker's turn.
   */
  const addText = (
    speaker: string | null,
    text: string,
    at: (i: number) => number,
    mapped: MappedText | null,
    start: number | undefined,
    first: TurnKind | undefined,
    known: boolean,
  ) => {
    let turn = first;
    const emit = (a: number, b: number, kind: TurnKind | undefined): void => {
      while (a < b && text.charCodeAt(a) <= 32) a++;
      while (b > a && text.charCodeAt(b - 1) <= 32) b--;
      if (a >= b) return;
      let u: Utterance;
      if (mapped) u = mapped.range(a, b, utterances.length + 1, speaker, start)!;
      else {
        u = { index: utterances.length + 1, speaker, text: text.slice(a, b), offset: at(a) };
        if (start !== undefined) u.start = start;
      }
      if (kind) u.turn = known && kind === 'recovered' ? 'continued' : kind;
      utterances.push(u);
      start = undefined;
      turn = known ? undefined : 'continued';
    };
    // A labelled turn stays whole (its sentences are one utterance), unless it is raw speech-to-text.
    for (const [a, b] of labels.size === 0 ? sentenceRanges(text) : [[0, text.length] as [number, number]]) {
      const sentence = text.slice(a, b);
      if (!needsSegmenting(sentence)) {
        emit(a, b, turn);
        continue;
      }
      for (const seg of segment(sentence)) emit(a + seg.start, a + seg.end, seg.turn ?? turn);
    }
  };

  let speaker: string | null = null;
  let unwrappedUntil = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.trim()) continue;
    const m = line.label;
    const name = labelOf(line);
    let bodyFrom = line.cue;
    let start: number | undefined;
    let first: TurnKind | undefined;
    if (m && name) {
      speaker = name;
      bodyFrom = line.cue + m[0].length;
      start = labelTime(m);
    } else if (line.cue || labels.size === 0) {
      // A `>>` cue, or a line of unlabelled text: a new turn, speaker unknown.
      speaker = null;
      first = 'recovered';
    }
    const known = speaker !== null;

    // Lines that go on from this one: a hard-wrapped sentence is read whole.
    // A chain of such lines is looked at once: when it is not a wrapped paragraph, its lines are
    // read one by one without looking again (one turn a line would otherwise cost n² here).
    let j = i + 1;
    if (i >= unwrappedUntil && !ENDS.test(line.text)) {
      while (
        j < lines.length &&
        lines[j]!.text.trim() &&
        !lines[j]!.cue &&
        !labelOf(lines[j]!) &&
        GOES_ON.test(lines[j]!.text) &&
        (j === i + 1 || !ENDS.test(lines[j - 1]!.text))
      )
        j++;
      if (j > i + 1 && !wrapped(lines, i, j, labels.size > 0)) {
        unwrappedUntil = j;
        j = i + 1;
      }
    }
    // A line that stops on a word no sentence ends on ("…and fill the") goes on in the next one,
    // whether or not the block looks like a wrapped paragraph: speech-to-text cuts lines anywhere.
    if (j === i + 1)
      while (j < lines.length && dangles(lines[j - 1]!.text) && lines[j]!.text.trim() && !lines[j]!.cue && !labelOf(lines[j]!) && GOES_ON.test(lines[j]!.text))
        j++;
    if (j > i + 1) {
      const mt = new MappedText(source);
      mt.slice(line.offset + bodyFrom, line.offset + line.text.length);
      for (let k = i + 1; k < j; k++) {
        mt.sep(' ');
        mt.slice(lines[k]!.offset, lines[k]!.offset + lines[k]!.text.length);
      }
      addText(speaker, mt.text, (p) => mt.offsetAt(p), mt, start, first, known);
      i = j - 1;
      continue;
    }

    const body = line.text.slice(bodyFrom);
    const bodyOffset = line.offset + bodyFrom;
    if (labels.size === 0) {
      addText(speaker, body, (p) => bodyOffset + p, null, start, first, known);
      continue;
    }
    // Several turns on one line: split at each known label that follows a sentence end.
    let cursor = 0;
    for (const im of inlineLabels(body)) {
      const label = canonicalSpeaker(im[1]!);
      if (!labels.has(label)) continue;
      const from = cursor;
      addText(speaker, body.slice(from, im.index), (p) => bodyOffset + from + p, null, start, first, speaker !== null);
      start = undefined;
      first = undefined;
      speaker = label;
      cursor = im.index + im[0].length;
    }
    const from = cursor;
    addText(speaker, body.slice(from), (p) => bodyOffset + from + p, null, start, first, speaker !== null);
  }
  return { source, format: 'text', utterances, warnings: [] };
}
