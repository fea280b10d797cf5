import type { Utterance } from '../../types.js';
import { stringMap, type JsonNode } from './json.js';
import { MappedText } from './mapped.js';
import { field, Shape } from './shape.js';

/**
 * One turn of a JSON transcript (a Whisper segment, an item of a turns array): `{text, speaker?,
 * start?}` checked at `path`, its text mapped back into the JSON source, appended to `utterances`.
 */
export function pushTurn(shape: Shape, source: string, item: JsonNode, path: string, parent: JsonNode, utterances: Utterance[]): void {
  shape.object(item, path, parent);
  const text = shape.string(field(item, 'text'), `${path}.text`, item);
  const speaker = shape.speaker(field(item, 'speaker'), `${path}.speaker`);
  const start = shape.seconds(field(item, 'start'), `${path}.start`);
  const m = new MappedText(source);
  m.mapped(text.value, stringMap(source, text));
  const u = m.toUtterance(utterances.length + 1, speaker, start);
  if (u) utterances.push(u);
}
