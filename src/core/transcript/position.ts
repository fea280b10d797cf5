/**
 * Line and column (1-based, column in code points) of source offsets, counting line ends the way
 * the readers do: LF, CRLF and a lone CR each end a line. Build the index once per source.
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  // Built on first use: a call with no finding never asks.
  let starts: number[] | null = null;
  // Findings are asked for in source order: resume counting columns from the last answer on the
  // same line, so a 200 MB single line costs one pass, not one pass per finding.
  let last = { line: -1, offset: 0, column: 1 };
  return (offset) => {
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const resume = last.line === lo && last.offset <= offset;
    let column = resume ? last.column : 1;
    const end = Math.min(offset, text.length);
    for (let i = resume ? last.offset : starts[lo]!; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 13 && (c < 0xdc00 || c > 0xdfff)) column++; // code points: skip low surrogates
    }
    last = { line: lo, offset: end, column };
    return { line: lo + 1, column };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineIndex(text)(offset);
}
