import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { explainTranscript } from '../src/core/call/view.js';
import { loadLexicons } from '../src/index.js';
import { barsSvg, histogramSvg } from '../src/report/html/charts.js';
import { reportEntry, TIMELINE_POINTS } from '../src/report/html/entry.js';
import { escapeHtml, scriptJson } from '../src/report/html/escape.js';
import { APP_SCRIPT } from '../src/report/html/app.js';
import { CSP } from '../src/report/html/page.js';
import { readPlain } from '../src/core/transcript/plain.js';
import { CATEGORIES } from '../src/types.js';
import { ROOT } from './helpers.js';
import { fakeIO } from './io.js';

const lexicons = loadLexicons();
const tmp = mkdtempSync(join(tmpdir(), 'scamscan-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The page's data: the rows, and each detail inflated. */
function pageData(html: string) {
  const rows = JSON.parse(/<script type="application\/json" id="rows">(.*?)<\/script>/s.exec(html)![1]!) as unknown[][];
  const details = new Map<number, Record<string, unknown>>();
  for (const m of html.matchAll(/<script type="application\/x-scamscan-detail" id="d(\d+)">([^<]*)<\/script>/g)) {
    details.set(Number(m[1]), JSON.parse(inflateRawSync(Buffer.from(m[2]!, 'base64')).toString('utf8')));
  }
  return { rows, details };
}

describe('escaping', () => {
  it('escapes HTML text and attribute values', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('makes JSON safe inside a script block, and still JSON', () => {
    const value = { text: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the page script', () => {
  it('is valid JavaScript that builds the DOM without innerHTML or eval', () => {
    expect(() => new Function(APP_SCRIPT)).not.toThrow();
    expect(APP_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|fetch\(|XMLHttpRequest/);
  });
});

describe('charts', () => {
  it('draws a histogram stacked by verdict, with the thresholds', () => {
    const bins = Array.from({ length: 20 }, (_, i) => ({ clean: i < 5 ? 3 : 0, suspicious: i === 8 ? 1 : 0, scam: i > 15 ? 2 : 0 }));
    const svg = histogramSvg(bins, { scam: 0.59, suspicious: 0.31 });
    expect(svg).toMatch(/^<svg [^>]*viewBox/);
    expect(svg.match(/<rect class="v-clean"/g)).toHaveLength(5);
    expect(svg.match(/<rect class="v-scam"/g)).toHaveLength(4);
    expect(svg.match(/class="threshold"/g)).toHaveLength(2);
  });

  it('draws bars with escaped labels', () => {
    const svg = barsSvg(
      [
        { label: '<b>', value: 3, cls: 'bar' },
        { label: 'zero', value: 0, cls: 'bar' },
      ],
      'x',
    );
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/width="0.0"/);
  });
});

describe('reportEntry', () => {
  it('keeps what the page shows: utterances with highlight spans on the words, the timeline, the evidence', () => {
    const t = readPlain(readFileSync(join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt'), 'utf8'));
    const view = explainTranscript(t, lexicons, { file: 'call.txt' });
    const { row, detail } = reportEntry(view);
    expect(row).toMatchObject({ file: 'call.txt', verdict: 'scam', utterances: 42, alert: view.result.alert, stages: view.result.stagesSeen });
    expect(Object.values(row.drivers).every((v) => v! > 0)).toBe(true);
    const d = JSON.parse(inflateRawSync(Buffer.from(detail, 'base64')).toString('utf8'));
    expect(d.speakers).toEqual(['Agent', 'Caller']);
    expect(d.utterances).toHaveLength(42);
    expect(d.timeline).toHaveLength(42);
    expect(d.timeline.at(-1)).toBeCloseTo(view.result.score, 3);
    const spans = d.utterances.flatMap(([, text, hs]: [number, string, number[][]]) => hs.map(([s, e, c]) => [text.slice(s, e), CATEGORIES[c!]]));
    expect(spans).toContainEqual(['anydesk', 'remote_access']);
    expect(d.findings.length).toBe(view.result.findings.length);
  });

  it('squeezes the timeline of a long call', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `Agent: line ${i} please download AnyDesk`).join('\n');
    const { detail } = reportEntry(explainTranscript(readPlain(text), lexicons));
    expect(JSON.parse(inflateRawSync(Buffer.from(detail, 'base64')).toString('utf8')).timeline).toHaveLength(TIMELINE_POINTS);
  });
});

describe('scan --report', () => {
  const folder = join(tmp, 'calls');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a-scam.txt'), readFileSync(join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt')));
  writeFileSync(join(folder, 'b-clean.txt'), 'Agent: Hi, this is Dr. Lee office confirming your appointment tomorrow at 2 PM.\nCaller: Great, see you then.\n');
  writeFileSync(
    join(folder, 'c-<script>.txt'),
    'Agent: </script><script>window.pwned = 1</script> download AnyDesk <img src=x onerror="window.pwned=2">\nCaller: ok\n',
  );
  writeFileSync(join(folder, 'd-empty.txt'), '   \n');

  it('writes one self-contained page: no external URL, a strict CSP, every file with its row and detail', async () => {
    const report = join(tmp, 'report.html');
    const t = fakeIO();
    const code = await run(['scan', folder, '--format', 'csv', '--report', report, '--jobs', '1'], t.io);
    expect(code).toBe(2); // the empty file is an error
    expect(t.err()).toMatch(/report written \(4 results\)/);
    const html = readFileSync(report, 'utf8');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(html).toContain(`content="${escapeHtml(CSP)}"`);
    expect(CSP).toMatch(/default-src 'none'/);
    expect(CSP).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    // No address outside the page: only the SVG namespace, which names and fetches nothing.
    expect(html.match(/\b[a-z][\w+.-]*:\/\/[\w.-]*/gi)).toEqual(['http://www.w3.org']);
    expect(html).not.toMatch(/\b(?:src|href|action)\s*=\s*["']?(?!#)[^\s"'>]/i);
    expect(html).not.toMatch(/url\(|@import/i);
    // The only executable script is the page's own.
    expect(html.match(/<script(?![^>]*type="application\/(?:json|x-scamscan-detail)")/g)).toHaveLength(1);
    expect(html).not.toContain('window.pwned');
    const { rows, details } = pageData(html);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      [join(folder, 'a-scam.txt'), 'scam'],
      [join(folder, 'b-clean.txt'), 'clean'],
      [join(folder, 'c-<script>.txt'), expect.any(String)],
      [join(folder, 'd-empty.txt'), 'error'],
    ]);
    expect([...details.keys()]).toEqual([0, 1, 2]);
    expect(JSON.stringify(details.get(2))).toContain('<script>window.pwned = 1</script>'); // kept as text, for the page to show as text
  });

  it('leaves no partial file when the report cannot be written', async () => {
    const t = fakeIO();
    expect(await run(['scan', folder, '--format', 'csv', '--report', join(tmp, 'no', 'such', 'dir', 'r.html')], t.io)).toBe(2);
    expect(t.err()).toMatch(/r\.html: cannot write the report \(ENOENT\)/);
  });
});
