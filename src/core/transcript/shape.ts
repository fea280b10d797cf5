import { ScamscanError } from '../../errors.js';
import type { JsonNode, JsonString } from './json.js';
import { lineColumn } from './position.js';

type Of<T extends JsonNode['type']> = Extract<JsonNode, { type: T }>;

/**
 * Checks the shape of parsed JSON for one reader, failing with the JSON path and where it is:
 * `whisper JSON: segments[3].text is not a string (found 42) at line 9 column 14`.
 */
export class Shape {
  constructor(
    readonly source: string,
    readonly file: string,
    /** How the format is named in messages, e.g. `whisper JSON`. */
    readonly format: string,
  ) {}

  fail(path: string, problem: string, at: number): never {
    const { line, column } = lineColumn(this.source, at);
    throw new ScamscanError(`${this.format}: ${path || 'the top-level value'} ${problem} at line ${line} column ${column}`, this.file);
  }

  private is<T extends JsonNode['type']>(node: JsonNode | undefined, type: T, name: string, path: string, parent: JsonNode): Of<T> {
    if (node === undefined) return this.fail(path, 'is missing', parent.at);
    if (node.type !== type) return this.fail(path, `is not ${name} (found ${describe(node)})`, node.at);
    return node as Of<T>;
  }

  object(node: JsonNode | undefined, path: string, parent: JsonNode): Of<'object'> {
    return this.is(node, 'object', 'an object', path, parent);
  }
  array(node: JsonNode | undefined, path: string, parent: JsonNode): Of<'array'> {
    return this.is(node, 'array', 'an array', path, parent);
  }
  string(node: JsonNode | undefined, path: string, parent: JsonNode): JsonString {
    return this.is(node, 'string', 'a string', path, parent);
  }

  /** A time in seconds: a number, or a string holding one (AWS writes `"start_time": "1.23"`); absent or null gives undefined. */
  seconds(node: JsonNode | undefined, path: string): number | undefined {
    if (node === undefined || node.type === 'null') return undefined;
    const n = node.type === 'number' ? node.value : node.type === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(node.value) ? Number(node.value) : NaN;
    if (Number.isNaN(n)) this.fail(path, `is not a time in seconds (found ${describe(node)})`, node.at);
    return n;
  }

  /** An optional speaker name: a string or a number (`speaker: 1`); absent, null or blank gives null. */
  speaker(node: JsonNode | undefined, path: string): string | null {
    if (node === undefined || node.type === 'null') return null;
    if (node.type === 'number') return String(node.value);
    if (node.type !== 'string') return this.fail(path, `is not a speaker name (found ${describe(node)})`, node.at);
    return node.value.trim() || null;
  }
}

export function field(node: JsonNode, key: string): JsonNode | undefined {
  return node.type === 'object' ? node.fields.get(key) : undefined;
}

function describe(node: JsonNode): string {
  if (node.type === 'string') return JSON.stringify(node.value.length > 30 ? node.value.slice(0, 30) + '…' : node.value);
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  return node.type === 'null' ? 'null' : `an ${node.type}`;
}
