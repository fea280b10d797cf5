import type { Utterance } from '../../types.js';
import { stringMap, type JsonNode } from './json.js';
import { MappedText } from './mapped.js';
import { field, Shape } from './shape.js';

/**
 * One turn of a JSON transcript (a Whisper segment, an item of a turns array): `{text, speaker?,
 * start?}` checked at `path`, its text mapped back into the JSON source, appended to `utterances`.
 */
export function pushTurn(
  shape: Shape,
  source: string,
  item: JsonNode,
  path: string,
  parent: JsonNode,
  utterances: Utterance[],
  /** Each item is a turn of its own (a turns array), not a segment that may go on with the same speaker (Whisper). */
  turn = false,
): void {
  shape.object(item, path, parent);
  const text = shape.string(field(item, 'text'), `${path}.text`, item);
  const speaker = shape.speaker(field(item, 'speaker'), `${path}.speaker`);
  const start = shape.seconds(field(item, 'start'), `${path}.start`);
  const m = new MappedText(source);
  m.mapped(text.value, stringMap(source, text));
  const u = m.toUtterance(utterances.length + 1, speaker, start);
  if (!u) return;
  // An item of a turns array without a speaker is someone's turn, unknown whose: no scope reaches across it.
  if (turn && speaker === null) u.turn = 'recovered';
  utterances.push(u);
}
