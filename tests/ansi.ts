/** ANSI colour codes (as chalk writes them at level 1) to HTML, to picture terminal output in a page. */

const PALETTE: Record<number, string> = {
  30: '#1e1e1e',
  31: '#e5534b',
  32: '#57ab5a',
  33: '#c69026',
  34: '#539bf5',
  35: '#b083f0',
  36: '#39c5cf',
  37: '#d1d5da',
  90: '#768390',
  91: '#ff938a',
  92: '#6bc46d',
  93: '#daaa3f',
  94: '#6cb6ff',
  95: '#dcbdfb',
  96: '#56d4dd',
  97: '#ffffff',
};

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function ansiToHtml(text: string): string {
  let fg: string | null = null;
  let bg: string | null = null;
  let bold = false;
  let dim = false;
  let underline = false;
  let out = '';
  for (const part of text.split(/(\u001b\[[0-9;]*m)/)) {
    const m = /^\u001b\[([0-9;]*)m$/.exec(part);
    if (!m) {
      if (!part) continue;
      const style = [
        fg && `color:${fg}`,
        bg && `background:${bg}`,
        bold && 'font-weight:700',
        dim && 'opacity:.6',
        underline && 'text-decoration:underline;text-underline-offset:3px',
      ].filter(Boolean);
      out += style.length ? `<span style="${style.join(';')}">${escape(part)}</span>` : escape(part);
      continue;
    }
    for (const code of (m[1] || '0').split(';').map(Number)) {
      if (code === 0) [fg, bg, bold, dim, underline] = [null, null, false, false, false];
      else if (code === 1) bold = true;
      else if (code === 2) dim = true;
      else if (code === 22) bold = dim = false;
      else if (code === 4) underline = true;
      else if (code === 24) underline = false;
      else if (code === 39) fg = null;
      else if (code === 49) bg = null;
      else if (PALETTE[code]) fg = PALETTE[code]!;
      else if (PALETTE[code - 10]) bg = PALETTE[code - 10]!;
    }
  }
  return out;
}
