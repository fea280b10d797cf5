/**
 * Line and column (1-based, column in code points) of a source offset, counting line ends the way
 * the findings do: LF, CRLF and a lone CR each end a line.
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else if (c !== 13 && (c < 0xdc00 || c > 0xdfff)) column++;
  }
  return { line, column };
}
