import type { Transcript, Utterance } from '../../types.js';
import { parseJson, stringMap, type JsonNode } from './json.js';
import { pushTurn } from './jsonTurn.js';
import { MappedText, sentenceUtterances } from './mapped.js';
import { field, Shape } from './shape.js';

export const WHISPER_SHAPE = 'Whisper {"text", "segments": [{"start", "end", "text", "speaker"?}]}';

/** Whisper's `--output_format json` (and WhisperX and other diarizers, which add `speaker` to segments). */
export function isWhisper(root: JsonNode): boolean {
  return root.type === 'object' && field(root, 'segments')?.type === 'array';
}

/** One utterance per segment, with its start time and speaker; the segment text's leading space is trimmed. */
export function readWhisper(source: string, file = '-'): Transcript {
  const shape = new Shape(source, file, 'whisper JSON');
  const root = shape.object(parseJson(source, file), '', { type: 'null', at: 0 });
  const segments = shape.array(field(root, 'segments'), 'segments', root);
  const utterances: Utterance[] = [];
  segments.items.forEach((seg, i) => pushTurn(shape, source, seg, `segments[${i}]`, segments, utterances));
  // Some exports keep only the full text: read it sentence by sentence.
  const full = field(root, 'text');
  if (utterances.length === 0 && full?.type === 'string') {
    const m = new MappedText(source);
    m.mapped(full.value, stringMap(source, full));
    utterances.push(...sentenceUtterances(m, 1));
  }
  return { source, format: 'whisper', utterances, warnings: [] };
}
