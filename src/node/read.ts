import { closeSync, constants, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { ScamscanError } from '../errors.js';
import { fsPath } from './rawNames.js';

/** Reading input files: the only module that reads a transcript file's bytes. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

const MB = 1024 * 1024;

/** Why a file cannot be read, in words (ENOENT: no such file), as a ScamscanError naming the file. */
export function fsError(e: unknown, file: string): ScamscanError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new ScamscanError(REASONS[code] ?? `cannot read (${code || (e as Error).message})`, file);
}

/** The problem of a stream (stdin, a FIFO, a device) that went past the size limit. */
export function tooLarge(maxBytes: number): string {
  return `input larger than --max-size ${+(maxBytes / MB).toFixed(3)} (${maxBytes} bytes)`;
}

/** What a file that is neither a regular file nor a folder is, in words. */
export function fileKind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export interface ReadOptions {
  /**
   * For a FIFO or device: open it without blocking and give up when no data came for this many
   * milliseconds (a FIFO with no writer reads as empty). Absent: wait as `cat` does (classify).
   */
  patience?: number;
}

/**
 * Reads one transcript file, refusing folders and files over the size limit. A regular file's size
 * is checked before it is read; a stream (FIFO, character device such as /dev/zero) is read in
 * chunks and refused as soon as it passes the limit, since its size is unknown.
 */
export function readInputFile(file: string, maxBytes: number, options: ReadOptions = {}): Uint8Array {
  const at = fsPath(file); // a walked name that is not UTF-8 is opened by its bytes
  let st: Stats;
  try {
    st = statSync(at);
    if (st.isDirectory()) throw new ScamscanError('is a folder (use `scamscan scan` for folders)', file);
  } catch (e) {
    if (e instanceof ScamscanError) throw e;
    throw fsError(e, file);
  }
  if (!st.isFile()) return readStream(at, file, maxBytes, options.patience);
  if (st.size > maxBytes) throw new ScamscanError(`file is ${st.size} bytes, over --max-size ${maxBytes}`, file);
  try {
    return readFileSync(at);
  } catch (e) {
    throw fsError(e, file);
  }
}

const CHUNK = 64 * 1024;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function readStream(at: string | Buffer, file: string, maxBytes: number, patience: number | undefined): Uint8Array {
  let fd: number;
  try {
    fd = openSync(at, patience === undefined ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fsError(e, file);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let idle = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (e) {
        // Opened without blocking (or inherited so): no data yet.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw fsError(e, file);
        if (patience !== undefined && idle >= patience) throw new ScamscanError(`no data for ${patience / 1000} s (a FIFO whose writer is stuck?)`, file);
        sleep(10);
        idle += 10;
        continue;
      }
      if (n === 0) break;
      idle = 0;
      total += n;
      if (total > maxBytes) throw new ScamscanError(tooLarge(maxBytes), file);
      chunks.push(n === CHUNK ? buffer : buffer.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
