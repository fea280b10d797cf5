/**
 * Characters that can act on a terminal or reorder what it shows: C0 and C1 controls, DEL, and
 * bidirectional overrides and isolates. Transcripts and file names are untrusted text.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const hex = (ch: string) =>
  ch
    .codePointAt(0)!
    .toString(16)
    .padStart(ch.codePointAt(0)! > 0xff ? 4 : 2, '0');

/** Shows unsafe characters visibly (`\x1b`, `\u202e`) so they cannot act on the terminal. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch.codePointAt(0)! > 0xff ? `\\u${hex(ch)}` : `\\x${hex(ch)}`));
}

/** What JSON.stringify leaves raw inside strings: DEL, C1 controls and bidirectional controls. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** JSON with those escaped too (C0 controls are escaped by JSON itself): still valid JSON. */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
