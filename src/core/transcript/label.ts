/**
 * The one speaker-label rule, shared by the plain-text reader and `watch` (one line at a time): an
 * optional time, then `[Name]`, `<Name>` or `Name:` (`Name :` in French) at the start of a line.
 * A name is a few words; it may hold dots ("Dr.Smith", "M.") but no sentence end (a dot before a
 * space), so "Hello. Innocent:" is a sentence, then the label "Innocent".
 */

const TIME = String.raw`(?:[\[(]?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,3})?[\])]?\s+)`;
/** The characters of a name after its first letter: letters, digits, marks, apostrophes, spaces, `_`, `-`, invisible joiners, and a dot not followed by a space. */
export const NAME = String.raw`[\p{L}](?:[\p{L}\p{N}\p{M}'’ _\u200B-\u200D\u2060\uFEFF-]|\.(?!\s)){0,38}?`;

/** A label at the start of a line. Groups: 1-3 time (h or m, m or s, s), 4 `[Name]`, 5 `<Name>`, 6 `Name:`. */
export const LINE_LABEL = new RegExp(String.raw`^\s*${TIME}?(?:\[([^\]\n]{1,40})\]\s*:?|<([^>\n]{1,40})>\s*:?|(${NAME})\s?:)(?=\s|$)\s*`, 'u');

/** The name a LINE_LABEL match gives, untrimmed. */
export function labelName(m: RegExpExecArray | null): string | undefined {
  return m ? (m[4] ?? m[5] ?? m[6]) : undefined;
}

/** The start time in seconds a LINE_LABEL match gives, if it has a time. */
export function labelTime(m: RegExpExecArray): number | undefined {
  if (m[1] === undefined) return undefined;
  return m[3] !== undefined ? +m[1] * 3600 + +m[2]! * 60 + +m[3] : +m[1] * 60 + +m[2]!;
}

/** A short name (at most four words), not a number or a URL scheme (`https://…`). */
export function plausibleName(name: string): boolean {
  const t = name.trim();
  return t.split(/\s+/).length <= 4 && !/^\d+$/.test(t) && !/https?$/i.test(t);
}
