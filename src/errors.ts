/** An error the user can act on: printed as one line, `file: message`, exit code 2. */
export class ScamscanError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ScamscanError';
  }

  /** The one-line form shown to users. */
  get line(): string {
    return this.file ? `${this.file}: ${this.message}` : this.message;
  }
}
