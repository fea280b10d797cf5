/**
 * The one definition of a sentence end the transcript readers share (plain text, Whisper and AWS
 * without turns, turn recovery): `.`, `!`, `?` or `…` (one or more), closing quotes or brackets, then
 * white space or the end of the text. Global: reset `lastIndex`, or use `matchAll`.
 */
export const SENTENCE_END = /[.!?…]+["”»)]*(?=\s|$)/gu;
