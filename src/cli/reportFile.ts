import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ScamscanError } from '../errors.js';

/** The file-system calls a report file makes; tests pass failing ones (a full disk) in their place. */
export type ReportFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'lstatSync' | 'statSync' | 'realpathSync'
>;

const why = (e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  return err.code ? (err.code === 'ENOSPC' ? 'ENOSPC: no space left on device' : err.code) : err.message;
};

/**
 * The file `scan --report` writes. A regular file (or a new one) is written to a temporary file
 * beside it, fsynced, and renamed into place when complete, so a failed scan never leaves half a
 * report. A symbolic link is followed: the file it points to is replaced, the link stays. A character
 * device or a FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written through, never replaced; a folder,
 * a block device or a socket is refused. Every write is checked to the last byte, so a full disk is
 * an error (one line, exit 2, the temporary file removed), never a truncated report said to be written.
 */
export class ReportFile {
  private fd: number;
  /** The temporary file renamed over the target at the end; null when writing through a device or FIFO. */
  private readonly partial: string | null;
  /** Where the rename goes: the target, or the file a symbolic link points to. */
  private readonly target: string;

  constructor(
    readonly path: string,
    private readonly fs: ReportFs = nodeFs,
  ) {
    const fail = (problem: string) => new ScamscanError(`cannot write the report (${problem})`, path);
    let target = path;
    let st: nodeFs.Stats | undefined;
    try {
      if (fs.lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
        st = fs.statSync(path, { throwIfNoEntry: false });
        if (!st) throw fail('a dangling symbolic link');
        target = fs.realpathSync(path);
      } else {
        st = fs.statSync(path, { throwIfNoEntry: false });
      }
    } catch (e) {
      if (e instanceof ScamscanError) throw e;
      throw fail(why(e));
    }
    this.target = target;
    if (st && !st.isFile()) {
      if (st.isDirectory()) throw fail('is a folder');
      if (!st.isCharacterDevice() && !st.isFIFO()) throw fail(st.isBlockDevice() ? 'a block device: not replaced' : 'not a regular file');
      this.partial = null;
      try {
        this.fd = fs.openSync(path, 'w');
      } catch (e) {
        throw fail(why(e));
      }
      return;
    }
    this.partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
    try {
      this.fd = fs.openSync(this.partial, 'w');
    } catch (e) {
      throw fail(why(e));
    }
  }

  /** Writes all of `chunk` (a short write is retried, and its error reported): a ScamscanError on failure. */
  readonly write = (chunk: string): void => {
    const bytes = Buffer.from(chunk, 'utf8');
    try {
      for (let done = 0; done < bytes.length;) {
        const n = this.fs.writeSync(this.fd, bytes, done, bytes.length - done);
        if (n <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        done += n;
      }
    } catch (e) {
      throw new ScamscanError(`cannot write the report (${why(e)})`, this.path);
    }
  };

  /** Flushes the file to disk, closes it and moves it into place (a device or FIFO is only closed). */
  commit(): void {
    try {
      if (this.partial) this.fs.fsyncSync(this.fd);
      this.fs.closeSync(this.fd);
      this.fd = -1;
      if (this.partial) this.fs.renameSync(this.partial, this.target);
    } catch (e) {
      this.abort();
      throw new ScamscanError(`cannot write the report (${why(e)})`, this.path);
    }
  }

  /** Drops the unfinished file. */
  abort(): void {
    try {
      if (this.fd >= 0) this.fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = -1;
    if (this.partial) this.fs.rmSync(this.partial, { force: true });
  }
}
