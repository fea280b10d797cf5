import { readFileSync, statSync } from 'node:fs';
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

/** Why a file cannot be read, in words (ENOENT: no such file), as a ScamscanError naming the file. */
export function fsError(e: unknown, file: string): ScamscanError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new ScamscanError(REASONS[code] ?? `cannot read (${code || (e as Error).message})`, file);
}

/** Reads one transcript file, refusing folders and files over the size limit. */
export function readInputFile(file: string, maxBytes: number): Uint8Array {
  const at = fsPath(file); // a walked name that is not UTF-8 is opened by its bytes
  let size: number;
  try {
    const st = statSync(at);
    if (st.isDirectory()) throw new ScamscanError('is a folder (use `scamscan scan` for folders)', file);
    size = st.size;
  } catch (e) {
    if (e instanceof ScamscanError) throw e;
    throw fsError(e, file);
  }
  if (size > maxBytes) throw new ScamscanError(`file is ${size} bytes, over --max-size ${maxBytes}`, file);
  try {
    return readFileSync(at);
  } catch (e) {
    throw fsError(e, file);
  }
}
