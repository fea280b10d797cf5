/**
 * Line and column (from 1; columns in code points) of offsets into text that arrives line by line.
 * Unlike lineIndex, it never rescans what came before: adding a line and locating an offset cost
 * the length of one line (plus a binary search).
 */
export class LineLocator {
  private readonly starts: number[] = [];
  private readonly lines: string[] = [];
  private length = 0;
  private last = { line: -1, at: 0, column: 1 };

  /** Lines added so far. */
  get count(): number {
    return this.lines.length;
  }

  /** Adds the next line; returns the offset where it starts. */
  add(line: string): number {
    const start = this.length;
    this.starts.push(start);
    this.lines.push(line);
    this.length += line.length + 1; // the line end
    return start;
  }

  readonly locate = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const text = this.lines[lo] ?? '';
    const end = Math.min(offset - (this.starts[lo] ?? 0), text.length);
    // Offsets come in source order: resume counting from the last answer on the same line, so a
    // 10 MB line costs one pass, not one per finding (as lineIndex does).
    const resume = this.last.line === lo && this.last.at <= end;
    let column = resume ? this.last.column : 1;
    for (let i = resume ? this.last.at : 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++; // code points: skip low surrogates
    }
    this.last = { line: lo, at: end, column };
    return { line: lo + 1, column };
  };
}
