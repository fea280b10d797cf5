// Turns a transcript into what raw speech-to-text gives: lower case, no punctuation, no speaker
// labels. Used by scripts/eval-all.mjs to measure every corpus again "stripped" (issue 14).
//
// Pure and self-contained on purpose: it does not use scamscan's readers, so that a before/after
// comparison (`eval-all --compare DIR`) feeds both builds exactly the same stripped text.
//
//   plain text  `Name:` / `[Name]` / `<Name>` line labels, inline labels after a sentence end
//               (`... today. Innocent: ...`), `>>` speaker changes, dialogue dashes and line
//               timestamps are removed; the turns are then joined into one paragraph, as an
//               unlabelled speech-to-text export is (option `join: false` keeps one line per turn).
//   SRT, VTT    cue numbers and timings are kept; within each cue's text the same labels, `<v Name>`
//               voice tags and other markup are removed, then the punctuation.
//   JSON        (Whisper, AWS Transcribe, turns arrays) every `text`, `transcript`, `content` and
//               `word` string is stripped as plain text; `speaker`, `speaker_label`, `channel_label`
//               fields and AWS `speaker_labels` / `channel_labels` are dropped, and AWS punctuation
//               items removed.
//
// Punctuation: every Unicode punctuation character becomes a space, except an apostrophe or a hyphen
// between two letters (`don't`, `aujourd'hui`, `quatre-vingt`), and a thousands separator inside a
// number (`1,299` -> `1299`). Symbols ($, €, %) stay. Case: lower-cased.

/** Role words that make a label a speaker label even when it is used once (as scamscan's reader does). */
const ROLES = new Set(
  `agent caller customer client cliente technician technicien technicienne tech support operator operateur operatrice
  speaker interlocuteur interlocutrice locuteur suspect innocent victim victime scammer arnaqueur escroc representative rep
  user utilisateur utilisatrice host guest interviewer conseiller conseillere advisor adviser employee employe banque bank
  mom dad maman papa`.split(/\s+/),
);

const TIME = String.raw`(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?\s+)`;
const NAME = String.raw`[\p{L}][\p{L}\p{N}\p{M}'’ ._-]{0,38}?`;
/** A label at the start of a line, after an optional timestamp: `Name:`, `Name :`, `[Name]`, `<Name>`. */
const LINE_LABEL = new RegExp(String.raw`^(\s*)(${TIME})?(?:\[([^\]\n]{1,40})\]\s*:?|<([^>\n]{1,40})>\s*:?|(${NAME})\s?:)(?=\s|$)\s*`, 'u');
/** A timestamp alone at the start of a line. */
const LINE_TIME = new RegExp(String.raw`^\s*${TIME}`, 'u');
/** A label tried at one position: `Innocent: ` (after a sentence end, see `inlineLabels`). */
const LABEL_AT = new RegExp(String.raw`(${NAME})\s?:(?=\s)`, 'uy');
/** Where an inline label can start: after a sentence end and at most four spaces. */
const AFTER_SENTENCE_END = /[.!?…"”»)]\s{1,4}/gu;

/** The label candidates inside a line, at every position after a sentence end (they may overlap). */
function inlineLabels(line) {
  const found = [];
  for (const m of line.matchAll(AFTER_SENTENCE_END)) {
    LABEL_AT.lastIndex = m.index + m[0].length;
    const l = LABEL_AT.exec(line);
    if (l) found.push({ index: l.index, end: l.index + l[0].length, name: l[1] });
  }
  return found;
}

const key = (name) => name.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');

function plausible(name) {
  const words = name.trim().split(/\s+/);
  return words.length <= 4 && !/^\d+$/.test(name.trim()) && !/https?$/i.test(name.trim());
}

/** The speaker labels of a text: used at least twice, or a role word ("Agent", "Client"). */
export function speakerLabels(lines) {
  const counts = new Map();
  const bump = (name) => {
    if (name && plausible(name)) counts.set(key(name), (counts.get(key(name)) ?? 0) + 1);
  };
  for (const line of lines.flatMap(turnsOf)) {
    const m = LINE_LABEL.exec(line);
    if (m) bump(m[3] ?? m[4] ?? m[5]);
    for (const im of inlineLabels(line)) bump(im.name);
  }
  return new Set([...counts].filter(([name, n]) => n >= 2 || ROLES.has(name.split(' ')[0])).map(([name]) => name));
}

/** A line split at its `>>` speaker-change markers (subtitles, captions). */
const turnsOf = (line) => line.split(/>>+/);

/** One line without its speaker labels, timestamps, `>>` markers and leading dialogue dash. */
function unlabelLine(line, labels) {
  return turnsOf(line)
    .map((turn) => unlabelTurn(turn, labels))
    .join(' ');
}

function unlabelTurn(turn, labels) {
  let s = turn;
  const m = LINE_LABEL.exec(s);
  if (m && labels.has(key(m[3] ?? m[4] ?? m[5]))) s = s.slice(m[0].length);
  else s = s.replace(LINE_TIME, '');
  let out = '';
  let cursor = 0;
  for (const im of inlineLabels(s)) {
    if (im.index < cursor || !labels.has(key(im.name))) continue;
    out += s.slice(cursor, im.index) + ' ';
    cursor = im.end;
  }
  s = out + s.slice(cursor);
  return s.replace(/^\s*[-–—]\s+/u, '');
}

/** Lower case, punctuation removed (see the header), spaces collapsed. */
export function stripPunctuation(text) {
  return text
    .toLowerCase()
    .replace(/(?<=\d)[,.](?=\d{3}(?!\d))/gu, '')
    .replace(/(?<=\p{L})['’‐-](?=\p{L})/gu, (c) => `\u0000${c}`) // protect intra-word apostrophes and hyphens
    .replace(/(?<!\u0000)\p{P}/gu, ' ')
    .replace(/\u0000/g, '')
    .replace(/[ \t\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Plain text: labels removed, punctuation removed; the turns joined into one paragraph unless `join` is false. */
export function stripPlain(text, { join = true } = {}) {
  const lines = text.split(/\r\n|\r|\n/);
  const labels = speakerLabels(lines);
  const out = lines.map((l) => stripPunctuation(unlabelLine(l, labels))).filter((l) => l !== '');
  return join ? out.join(' ') : out.join('\n');
}

/** SRT or VTT: timings and cue numbers kept, each cue's text unlabelled and unpunctuated. */
export function stripCues(text) {
  const blocks = text.replace(/^\uFEFF/, '').split(/(?:\r?\n){2,}/);
  const cueText = [];
  const parsed = blocks.map((block) => {
    const lines = block.split(/\r?\n/);
    const t = lines.findIndex((l) => l.includes('-->'));
    if (t < 0) return { head: lines, body: null }; // WEBVTT header, NOTE, STYLE, REGION: kept as they are
    const body = lines.slice(t + 1).map(
      (l) =>
        l
          .replace(/<v(?:\.[^\s>]*)?\s+([^>]*)>/gu, '') // VTT voice tag: the speaker, dropped
          .replace(/<[^>]*>/g, '') // other markup and inline timestamps
          .replace(/\{\\[^}]*\}/g, ''), // SRT positioning
    );
    cueText.push(...body);
    return { head: lines.slice(0, t + 1), body };
  });
  const labels = speakerLabels(cueText);
  const out = [];
  for (const { head, body } of parsed) {
    if (!body) {
      out.push(head.join('\n'));
      continue;
    }
    const lines = body.map((l) => stripPunctuation(unlabelLine(l, labels))).filter((l) => l !== '');
    if (lines.length) out.push([...head, ...lines].join('\n'));
  }
  return out.join('\n\n') + '\n';
}

const TEXT_KEYS = new Set(['text', 'transcript', 'content', 'word']);
const SPEAKER_KEYS = new Set(['speaker', 'speaker_label', 'speaker_labels', 'channel_label', 'channel_labels', 'speaker_id', 'spk']);

function stripJsonNode(node) {
  if (Array.isArray(node)) return node.filter((n) => !(n && typeof n === 'object' && n.type === 'punctuation')).map(stripJsonNode);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (SPEAKER_KEYS.has(k)) continue;
    out[k] = typeof v === 'string' && TEXT_KEYS.has(k) ? stripPlain(v) : stripJsonNode(v);
  }
  return out;
}

/** JSON transcripts: text fields stripped, speaker fields and punctuation items dropped. */
export function stripJson(text) {
  return JSON.stringify(stripJsonNode(JSON.parse(text.replace(/^\uFEFF/, ''))), null, 2) + '\n';
}

/** The format of a transcript text, judged from its content as scamscan does: json, srt, vtt or text. */
export function formatOf(text) {
  const t = text.replace(/^\uFEFF/, '');
  if (/^\s*(\{|\[\s*[{["\]])/.test(t)) return 'json';
  if (/^WEBVTT/.test(t)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(t)) return 'srt';
  return 'text';
}

/** Any transcript, stripped as raw speech-to-text; the format is kept. */
export function strip(text, options = {}) {
  const format = formatOf(text);
  if (format === 'json') {
    try {
      return stripJson(text);
    } catch {
      return stripPlain(text, options); // not valid JSON: the reader would refuse it either way
    }
  }
  if (format === 'srt' || format === 'vtt') return stripCues(text);
  return stripPlain(text, options);
}
