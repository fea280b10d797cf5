import type { Transcript, Utterance } from '../types.js';
import { parseJson, stringMap, type JsonNode } from './json.js';
import { MappedText } from './mapped.js';
import { field, Shape } from './shape.js';

export const TURNS_SHAPE = 'turns [{"speaker", "text", "start"?, "end"?}]';

/** A plain JSON array of turns, as hand-written or exported from a data set. */
export function isTurns(root: JsonNode): boolean {
  return root.type === 'array' && (root.items.length === 0 || root.items[0]!.type === 'object');
}

/** One utterance per turn; `speaker` may be missing or null, `start` seconds as a number or numeric string. */
export function readTurns(source: string, file = '-'): Transcript {
  const shape = new Shape(source, file, 'turns JSON');
  const root = parseJson(source, file);
  const turns = shape.array(root, '', root);
  const utterances: Utterance[] = [];
  turns.items.forEach((turn, i) => {
    const path = `[${i}]`;
    shape.object(turn, path, turns);
    const text = shape.string(field(turn, 'text'), `${path}.text`, turn);
    const speaker = shape.speaker(field(turn, 'speaker'), `${path}.speaker`);
    const start = shape.seconds(field(turn, 'start'), `${path}.start`);
    const m = new MappedText(source);
    m.mapped(text.value, stringMap(source, text));
    const u = m.toUtterance(utterances.length + 1, speaker, start);
    if (u) utterances.push(u);
  });
  return { source, format: 'turns', utterances, warnings: [] };
}
