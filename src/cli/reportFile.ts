import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ScamscanError } from '../errors.js';

/**
 * The file `scan --report` writes: written next to its path and renamed into place when complete,
 * so a failed scan never leaves half a report.
 */
export class ReportFile {
  private readonly fd: number;
  private readonly partial: string;

  constructor(readonly path: string) {
    this.partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
    try {
      this.fd = openSync(this.partial, 'w');
    } catch (e) {
      throw new ScamscanError(`cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path);
    }
  }

  readonly write = (chunk: string): void => void writeSync(this.fd, chunk);

  /** Closes the file and moves it into place. */
  commit(): void {
    closeSync(this.fd);
    renameSync(this.partial, this.path);
  }

  /** Drops the unfinished file. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.partial, { force: true });
  }
}
