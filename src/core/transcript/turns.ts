import type { Transcript, Utterance } from '../../types.js';
import { parseJson, type JsonNode } from './json.js';
import { pushTurn } from './jsonTurn.js';
import { Shape } from './shape.js';

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
  turns.items.forEach((turn, i) => pushTurn(shape, source, turn, `[${i}]`, turns, utterances, true));
  return { source, format: 'turns', utterances, warnings: [] };
}
