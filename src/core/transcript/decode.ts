import { isUtf8 } from 'node:buffer';
import { ScamscanError } from '../../errors.js';
import { notTranscript } from './sniff.js';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Windows-1252 bytes 0x80-0x9F (Node's TextDecoder reads them as Latin-1 C1 controls). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b)).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

const UTF8 = new TextDecoder('utf-8');

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes. */
function utf8Shape(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multi++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

/**
 * Bytes to text, choosing the encoding from the bytes: a BOM (UTF-8, UTF-16 LE/BE), else UTF-8 when
 * it is valid, else Windows-1252 when no byte sequence looks like UTF-8 (old French Windows exports),
 * else UTF-8 with the bad sequences replaced and a warning. NUL bytes outside UTF-16 mean binary.
 */
export function decode(bytes: Uint8Array, file = '-'): Decoded {
  const other = notTranscript(bytes); // a PDF, an Office document, audio: refused with the way out
  if (other) throw new ScamscanError(other, file);
  for (const [bom, encoding] of BOMS) {
    if (!startsWith(bytes, bom)) continue;
    const body = bytes.subarray(bom.length);
    const warnings: string[] = [];
    if (encoding !== 'utf-8' && body.length % 2 === 1) warnings.push(`${encoding} file has an odd number of bytes (truncated?)`);
    const text = new TextDecoder(encoding, { fatal: false }).decode(body);
    if (text.includes('\uFFFD') && !warnings.length) warnings.push(`invalid ${encoding} sequences were replaced`);
    return { text, encoding, warnings };
  }
  if (bytes.includes(0)) throw new ScamscanError('binary input (NUL bytes and no UTF-16 byte-order mark)', file);
  // Valid UTF-8 (nearly every file) is checked natively; the byte count below is for the others.
  if (isUtf8(bytes)) return { text: UTF8.decode(bytes), encoding: 'utf-8', warnings: [] };
  const { multi, invalid } = utf8Shape(bytes);
  if (invalid === 0) return { text: UTF8.decode(bytes), encoding: 'utf-8', warnings: [] };
  if (multi === 0) return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: [] };
  return {
    text: UTF8.decode(bytes),
    encoding: 'utf-8',
    warnings: [`${invalid} invalid UTF-8 byte${invalid === 1 ? '' : 's'} replaced with U+FFFD`],
  };
}
