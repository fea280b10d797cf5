import { join } from 'node:path';

/**
 * File names that are not valid UTF-8 (an old Latin-1 archive: `appel-\xe9t\xe9.txt`). A JavaScript
 * string cannot hold their bytes, so the walk shows them with each invalid byte as `\xHH` and keeps
 * the bytes here, by the name shown, for the reads to open the file itself.
 */
const rawPaths = new Map<string, Buffer>();

/** Whether `bytes` are valid UTF-8 from `i` for `len` bytes. */
function sequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return len;
}

/** A name's bytes as text: valid UTF-8 as is, each other byte as `\xHH`. */
export function showName(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const len = sequenceLength(bytes, i);
    if (len === 0) {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      i++;
    } else {
      out += bytes.toString('utf8', i, i + len);
      i += len;
    }
  }
  return out;
}

/** What to hand the file system for a path shown by the walk: the bytes of a name that is not UTF-8, else the path. */
export function fsPath(shown: string): string | Buffer {
  return rawPaths.size === 0 ? shown : (rawPaths.get(shown) ?? shown);
}

/** The shown path of `name` (bytes, as read from the folder) in the folder shown as `dir`, remembering its bytes when needed. */
export function childPath(dir: string, name: Buffer): string {
  const text = name.toString('utf8');
  const parent = fsPath(dir);
  if (typeof parent === 'string' && Buffer.from(text, 'utf8').equals(name)) return join(dir, text);
  const shown = join(dir, showName(name));
  const dirBytes = typeof parent === 'string' ? Buffer.from(parent, 'utf8') : parent;
  rawPaths.set(shown, Buffer.concat([dirBytes, Buffer.from(dirBytes.at(-1) === 0x2f ? '' : '/'), name]));
  return shown;
}

/** `name` (valid text) inside the folder shown as `dir`, for the file system. */
export function fsJoin(dir: string, name: string): string | Buffer {
  const parent = fsPath(dir);
  return typeof parent === 'string' ? join(parent, name) : Buffer.concat([parent, Buffer.from(`/${name}`, 'utf8')]);
}
