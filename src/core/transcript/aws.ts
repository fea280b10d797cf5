import type { Transcript, Utterance } from '../../types.js';
import { parseJson, stringMap, type JsonNode } from './json.js';
import { MappedText, sentenceUtterances } from './mapped.js';
import { field, Shape } from './shape.js';

export const AWS_SHAPE = 'AWS Transcribe {"results": {"transcripts": [{"transcript"}], "items": [...]}}';

/** Amazon Transcribe's job output: `{jobName, results: {transcripts, items, speaker_labels?}, status}`. */
export function isAws(root: JsonNode): boolean {
  const results = field(root, 'results');
  return results?.type === 'object' && (results.fields.has('items') || results.fields.has('transcripts'));
}

/** Who said a word: a speaker segment, a speaker label or an audio channel. */
interface Turn {
  key: string;
  speaker: string;
}

/**
 * Speaker segments (`speaker_labels`) and channels (`channel_labels`, for calls recorded one party per
 * channel) list their words by start time; AWS writes the same time string in both places.
 */
function turnsByStart(shape: Shape, results: JsonNode): Map<string, Turn> {
  const byStart = new Map<string, Turn>();
  const labels = field(results, 'speaker_labels');
  if (labels && labels.type !== 'null') {
    const segments = shape.array(field(shape.object(labels, 'results.speaker_labels', results), 'segments'), 'results.speaker_labels.segments', labels);
    segments.items.forEach((seg, s) => {
      const path = `results.speaker_labels.segments[${s}]`;
      shape.object(seg, path, segments);
      const speaker = shape.string(field(seg, 'speaker_label'), `${path}.speaker_label`, seg).value;
      const items = shape.array(field(seg, 'items'), `${path}.items`, seg);
      items.items.forEach((it, k) => {
        const t = field(it, 'start_time');
        if (t?.type === 'string') byStart.set(t.value, { key: `segment ${s}`, speaker });
        else shape.string(t, `${path}.items[${k}].start_time`, it);
      });
    });
    return byStart;
  }
  const channels = field(field(results, 'channel_labels') ?? results, 'channels');
  if (channels?.type === 'array') {
    for (const ch of channels.items) {
      const label = field(ch, 'channel_label');
      const items = field(ch, 'items');
      if (label?.type !== 'string' || items?.type !== 'array') continue;
      for (const it of items.items) {
        const t = field(it, 'start_time');
        if (t?.type === 'string') byStart.set(t.value, { key: `channel ${label.value}`, speaker: label.value });
      }
    }
  }
  return byStart;
}

/**
 * One utterance per speaker segment (or channel turn), the words joined by spaces with punctuation
 * attached; without speakers, one per sentence. Each word maps into its `content` string in the file.
 */
export function readAws(source: string, file = '-'): Transcript {
  const shape = new Shape(source, file, 'AWS Transcribe JSON');
  const root = shape.object(parseJson(source, file), '', { type: 'null', at: 0 });
  const results = shape.object(field(root, 'results'), 'results', root);
  const itemsNode = field(results, 'items');
  const items = itemsNode === undefined ? [] : shape.array(itemsNode, 'results.items', results).items;
  const utterances: Utterance[] = [];

  if (items.length === 0) {
    // Only the transcript text: read it sentence by sentence.
    const transcripts = shape.array(field(results, 'transcripts'), 'results.transcripts', results);
    const first = transcripts.items[0];
    if (!first) return { source, format: 'aws', utterances, warnings: [] };
    const text = shape.string(field(shape.object(first, 'results.transcripts[0]', transcripts), 'transcript'), 'results.transcripts[0].transcript', first);
    const m = new MappedText(source);
    m.mapped(text.value, stringMap(source, text));
    return { source, format: 'aws', utterances: sentenceUtterances(m, 1), warnings: [] };
  }

  const byStart = turnsByStart(shape, results);
  let current: { turn: Turn | null; text: MappedText; start?: number } | null = null;
  const close = () => {
    const u = current?.text.toUtterance(utterances.length + 1, current.turn?.speaker ?? null, current.start);
    if (u) utterances.push(u);
    current = null;
  };

  items.forEach((item, i) => {
    const path = `results.items[${i}]`;
    shape.object(item, path, itemsNode!);
    const type = shape.string(field(item, 'type'), `${path}.type`, item);
    if (type.value !== 'pronunciation' && type.value !== 'punctuation')
      shape.fail(`${path}.type`, `is ${JSON.stringify(type.value)}, expected "pronunciation" or "punctuation"`, type.at);
    const alternatives = shape.array(field(item, 'alternatives'), `${path}.alternatives`, item);
    const alt = shape.object(alternatives.items[0], `${path}.alternatives[0]`, alternatives);
    const content = shape.string(field(alt, 'content'), `${path}.alternatives[0].content`, alt);
    const map = stringMap(source, content);

    if (type.value === 'punctuation') {
      if (!current) return;
      current.text.mapped(content.value, map);
      // Without speakers, a sentence is a turn.
      if (byStart.size === 0 && !field(item, 'speaker_label') && /[.?!]$/.test(content.value)) close();
      return;
    }
    const startNode = field(item, 'start_time');
    const start = shape.seconds(startNode, `${path}.start_time`);
    const ownLabel = field(item, 'speaker_label') ?? field(item, 'channel_label');
    const label = ownLabel?.type === 'string' ? ownLabel.value : null;
    const turn: Turn | null =
      (startNode?.type === 'string' ? byStart.get(startNode.value) : undefined) ??
      (label ? { key: `label ${label}`, speaker: label } : (current?.turn ?? null));
    if (current && current.turn?.key !== turn?.key) close();
    if (!current) current = { turn, text: new MappedText(source), start };
    current.text.sep(' ');
    current.text.mapped(content.value, map);
  });
  close();
  return { source, format: 'aws', utterances, warnings: [] };
}
