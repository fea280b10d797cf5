/** An error the user can act on: printed as one line, `file: problem`, exit code 2. */
export class ScamscanError extends Error {
  constructor(
    readonly problem: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${problem}` : problem);
    this.name = 'ScamscanError';
  }
}
