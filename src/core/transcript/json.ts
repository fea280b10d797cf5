import { ScamscanError } from '../../errors.js';
import { lineColumn } from './position.js';

/**
 * A JSON value with the source offset where it starts. JSON.parse loses positions, and the readers
 * need them: to point findings into the file and to say where a file is broken.
 */
export type JsonNode =
  | { type: 'object'; at: number; fields: Map<string, JsonNode> }
  | { type: 'array'; at: number; items: JsonNode[] }
  /** `at` is the opening quote, `end` the closing one. */
  | { type: 'string'; at: number; end: number; value: string }
  | { type: 'number'; at: number; value: number }
  | { type: 'boolean'; at: number; value: boolean }
  | { type: 'null'; at: number };

export type JsonString = Extract<JsonNode, { type: 'string' }>;

const MAX_DEPTH = 512;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  i = 0;
  constructor(
    readonly s: string,
    readonly file: string,
  ) {}

  fail(what: string, at = this.i): never {
    const { line, column } = lineColumn(this.s, at);
    throw new ScamscanError(`JSON: ${what} at line ${line} column ${column}`, this.file);
  }

  /** What is at the cursor, for messages: `"x"` or `end of input`. */
  found(): string {
    return this.i < this.s.length ? `unexpected ${JSON.stringify(String.fromCodePoint(this.s.codePointAt(this.i)!))}` : 'unexpected end of input';
  }

  /** A hint for the commonest hand-editing slip: a comma before the closing bracket. */
  trailingComma(close: string): string {
    return this.s[this.i] === close ? ' (trailing comma?)' : '';
  }

  ws(): void {
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else return;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.ws();
    const at = this.i;
    const c = this.s[at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, node] of [
      ['true', { type: 'boolean', at, value: true }],
      ['false', { type: 'boolean', at, value: false }],
      ['null', { type: 'null', at }],
    ] as const) {
      if (this.s.startsWith(word, at)) {
        this.i += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(this.s);
    if (m) {
      this.i += m[0].length;
      return { type: 'number', at, value: Number(m[0]) };
    }
    return this.fail(`${this.found()}, expected a value`);
  }

  object(depth: number): JsonNode {
    const at = this.i++;
    const fields = new Map<string, JsonNode>();
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { type: 'object', at, fields };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail(`${this.found()}, expected a member name in double quotes${this.trailingComma('}')}`);
      const key = this.string().value;
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`${this.found()}, expected ":" after member name ${JSON.stringify(key)}`);
      this.i++;
      fields.set(key, this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === '}') {
        this.i++;
        return { type: 'object', at, fields };
      }
      this.fail(`${this.found()}, expected "," or "}" after member ${JSON.stringify(key)}`);
    }
  }

  array(depth: number): JsonNode {
    const at = this.i++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { type: 'array', at, items };
    }
    for (;;) {
      this.ws();
      if (items.length && this.s[this.i] === ']') this.fail(`${this.found()}, expected a value${this.trailingComma(']')}`);
      items.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        return { type: 'array', at, items };
      }
      this.fail(`${this.found()}, expected "," or "]" after array item ${items.length - 1}`);
    }
  }

  string(): JsonString {
    const at = this.i++;
    let value = '';
    let run = this.i;
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('unterminated string', at);
      if (c === 34) break;
      if (c < 0x20) this.fail(`raw control character U+${c.toString(16).padStart(4, '0').toUpperCase()} in string (write it escaped)`);
      if (c !== 92) {
        this.i++;
        continue;
      }
      value += this.s.slice(run, this.i);
      const e = this.s[this.i + 1];
      if (e === 'u') {
        const hex = this.s.slice(this.i + 2, this.i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail(`bad escape "\\u${hex}"`);
        value += String.fromCharCode(parseInt(hex, 16));
        this.i += 6;
      } else if (e !== undefined && e in ESCAPES) {
        value += ESCAPES[e];
        this.i += 2;
      } else this.fail(e === undefined ? 'unterminated string' : `bad escape "\\${e}"`, e === undefined ? at : this.i);
      run = this.i;
    }
    value += this.s.slice(run, this.i);
    return { type: 'string', at, end: this.i++, value };
  }
}

let last: { text: string; node: JsonNode } | undefined;

/**
 * Parses JSON keeping positions. A syntax error is a ScamscanError `JSON: <what> at line L column C`.
 * The last success is kept, since format detection and then the reader parse the same text.
 */
export function parseJson(text: string, file = '-'): JsonNode {
  if (last?.text === text) return last.node;
  const p = new Parser(text, file);
  const node = p.value(0);
  p.ws();
  if (p.i < text.length) p.fail(`${p.found()} after the end of the JSON value`);
  last = { text, node };
  return node;
}

/**
 * Source offsets of each code unit of a string's value (plus its closing quote as the end): an
 * escape maps to where it starts, so `\u00e9` is found at its backslash.
 */
export function stringMap(source: string, node: JsonString): number[] {
  const map: number[] = [];
  for (let i = node.at + 1; i < node.end;) {
    if (source[i] !== '\\') {
      map.push(i++);
      continue;
    }
    map.push(i);
    i += source[i + 1] === 'u' ? 6 : 2;
  }
  map.push(node.end);
  return map;
}
