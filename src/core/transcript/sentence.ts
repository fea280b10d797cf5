/**
 * The one definition of a sentence end the transcript readers share (plain text, Whisper and AWS
 * without turns, turn recovery): `.`, `!`, `?` or `…` (one or more), closing quotes or brackets, then
 * white space or the end of the text. Global: reset `lastIndex`, or use `matchAll`.
 * The look-behind lets a match start only where a run of end marks starts: tried at every mark of
 * a long run (`!?!?…x`), the run was read again from each, quadratic in its length. It finds the
 * same matches, since the leftmost match always starts at the run's first mark.
 */
const MARKS = String.raw`(?<![.!?…])[.!?…]+["”»)]*`;
export const SENTENCE_END = new RegExp(`${MARKS}(?=\\s|$)`, 'gu');

const AT_END = new RegExp(`${MARKS}\\s*$`, 'u');
/** Whether the text ends with a sentence end (SENTENCE_END, then only white space). */
export const endsSentence = (text: string): boolean => AT_END.test(text);
