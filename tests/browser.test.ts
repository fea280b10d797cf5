import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { explainTranscript } from '../src/core/call/view.js';
import { loadLexicons } from '../src/index.js';
import { formatExplain } from '../src/report/explainPretty.js';
import { readPlain } from '../src/core/transcript/plain.js';
import { ansiToHtml } from './ansi.js';
import { ROOT } from './helpers.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core. Screenshots go to
 * a temporary folder, or to docs/ (shown in the README) with UPDATE_SCREENSHOTS=1.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const why = `no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`;
const SCAM_SAMPLE = 'en-scam-popup-defender-anydesk-googleplay.txt';

if (!available && !process.env.CI) console.warn(`tests/browser.test.ts: skipped: ${why}`);
if (!available && process.env.CI) {
  // In CI the browser test must run: .ci/run installs Chromium.
  it('needs Chromium in CI', () => expect.fail(why));
}

describe.skipIf(!available)(`scan --report in headless Chromium${available ? '' : ` (skipped: ${why})`}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'scamscan-browser-'));
  const shots = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs') : join(tmp, 'shots');
  const calls = join(tmp, 'samples');
  const report = join(tmp, 'report.html');
  const url = pathToFileURL(report).href;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(calls);
    mkdirSync(shots, { recursive: true });
    // The samples as they are, plus one transcript that tries to run script in the page.
    for (const f of readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt'))) copyFileSync(join(ROOT, 'samples', f), join(calls, f));
    writeFileSync(
      join(calls, 'zz-evil-<script>.txt'),
      'Agent: </script><script>window.pwned = 1</script> please download AnyDesk <img src=x onerror="window.pwned = 2">\n' +
        'Caller: <svg onload="window.pwned = 3"></svg> ok \u202eevil\n',
    );
    const io: CliIO = { stdout: () => {}, stderr: () => {}, readStdin: async () => Buffer.from(''), stdinIsTTY: false, stdoutIsTTY: false, env: {} };
    expect(await run(['scan', calls, '--format', 'csv', '--report', report, '--quiet', '--fail-on', 'never'], io)).toBe(0);
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 1000 },
    });
    context.on('request', (r) => void requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => void problems.push(`page error: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const open = async (file: string) => {
    await page.selectOption('#fv', '');
    await page.selectOption('#fl', '');
    await page.fill('#q', file);
    await page.locator('#tbody a', { hasText: file }).first().click({ timeout: 5000 });
    await page.waitForSelector('#detail[data-ready]', { timeout: 5000 });
  };

  it('renders the summary charts and a paged table of every file', async () => {
    const files = readdirSync(calls).length;
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('svg.chart rect.v-scam').count()).toBeGreaterThan(0);
    expect(await page.textContent('#count')).toBe(`${files} of ${files} files`);
    expect(await page.locator('#tbody tr').count()).toBe(50);
    await page.screenshot({ path: join(shots, 'report.png'), clip: { x: 0, y: 0, width: 1280, height: 1000 } });
    await page.click('#next');
    expect(await page.locator('#tbody tr').count()).toBe(Math.min(50, files - 50));
    await page.click('#prev');
  });

  it('sorts and filters', async () => {
    const scores = async () => (await page.locator('#tbody td.num:nth-child(3)').allTextContents()).map(Number);
    const first = await scores();
    expect(first).toEqual([...first].sort((a, b) => b - a)); // by strength, so by score too, highest first
    // Scores saturate at 1.00; the strength column does not, and it orders the ties.
    const strengths = (await page.locator('#tbody td.num:nth-child(4)').allTextContents()).map(Number);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(new Set(strengths.filter((_, i) => first[i] === 1)).size).toBeGreaterThan(5);
    expect(await page.getAttribute('th[data-key="strength"]', 'aria-sort')).toBe('descending');
    await page.click('th[data-key="file"] button');
    const names = await page.locator('#tbody td.file').allTextContents();
    expect(names).toEqual([...names].sort());
    expect(await page.getAttribute('th[data-key="file"]', 'aria-sort')).toBe('ascending');
    await page.selectOption('#fv', 'scam');
    const verdicts = await page.locator('#tbody .badge').allTextContents();
    expect(new Set(verdicts)).toEqual(new Set(['scam']));
    await page.selectOption('#fl', 'fr');
    expect((await page.locator('#tbody td.file').allTextContents()).every((f) => f.startsWith('fr-'))).toBe(true);
    await page.selectOption('#fv', '');
    await page.selectOption('#fl', '');
    await page.fill('#q', 'no such file');
    expect(await page.textContent('#page')).toBe('no file matches');
    await page.fill('#q', '');
  });

  it('shows a file’s highlighted transcript, risk timeline, alert and evidence', async () => {
    await open(SCAM_SAMPLE);
    const detail = page.locator('#detail');
    expect(await detail.locator('svg.timeline polyline').count()).toBe(1);
    expect(await detail.locator('svg.timeline line.alert').count()).toBe(1);
    expect(await detail.locator('ol.transcript > li:not(.alert-note)').count()).toBe(42);
    expect(await detail.locator('mark.c-remote_access').first().textContent()).toBe('anydesk');
    expect(await detail.locator('li.alert').count()).toBe(1);
    expect(await detail.locator('table.evidence tbody tr').count()).toBeGreaterThan(10);
    // The top of the detail: the timeline, the start of the call and the alert.
    await page.evaluate(() => document.getElementById('detail')!.scrollIntoView());
    const box = (await detail.boundingBox())!;
    await page.screenshot({ path: join(shots, 'report-detail.png'), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 760) } });
  });

  it('shows transcript text as text: an injected script does not run', async () => {
    await open('zz-evil-');
    const detail = page.locator('#detail');
    expect(await detail.locator('ol.transcript').textContent()).toContain('<script>window.pwned = 1</script>');
    expect(await detail.locator('h2 .file').textContent()).toContain('zz-evil-<script>.txt');
    expect(await detail.locator('script, img, svg:not(.timeline)').count()).toBe(0);
    expect(await detail.locator('ol.transcript').textContent()).toContain('\\u202eevil'); // bidi overrides shown, not obeyed
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('opens a file from its address (#f<row>) and makes no network request of any kind', async () => {
    const rows = JSON.parse((await page.textContent('#rows'))!) as string[][];
    const index = rows.findIndex((r) => r[0]!.endsWith(SCAM_SAMPLE));
    await page.goto(`${url}#f${index}`);
    await page.waitForSelector('#detail[data-ready]');
    expect(await page.textContent('#detail h2 .file')).toContain(SCAM_SAMPLE);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !/^(file|data|about|blob):/.test(u))).toEqual([]);
    expect(problems).toEqual([]); // no script error, no CSP refusal
  });

  it('addresses a file by the name the table shows, and the detail panel closes and steps through the table', async () => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    await page.selectOption('#fv', 'scam');
    const names = await page.locator('#tbody td.file').allTextContents();
    const href = await page.locator('#tbody td.file a').first().getAttribute('href');
    expect(href).toBe('#file=' + encodeURIComponent(names[0]!));
    await page.locator('#tbody td.file a').first().click();
    await page.waitForSelector('#detail[data-ready]');
    expect(await page.textContent('#detail h2 .file')).toBe(names[0]);
    expect(await page.textContent('#detail .dnav .meta')).toMatch(/^1 of \d+$/);
    expect(await page.isDisabled('#dprev')).toBe(true);
    // The panel is in view at once, not far below the table.
    const box = (await page.locator('#detail').boundingBox())!;
    expect(box.y).toBeLessThan(5);
    await page.click('#dnext');
    await page.waitForFunction((n) => document.querySelector('#detail[data-ready] h2 .file')?.textContent === n, names[1]);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#file=' + names[1]);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((n) => document.querySelector('#detail[data-ready] h2 .file')?.textContent === n, names[0]);
    await page.click('#dclose');
    expect(await page.isHidden('#detail')).toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    // Opened from its address, in a fresh page.
    await page.goto(`${url}#file=${encodeURIComponent(names[2]!)}`);
    await page.waitForSelector('#detail[data-ready]');
    expect(await page.textContent('#detail h2 .file')).toBe(names[2]);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#detail')).toBe(true);
  });

  it('keeps a wrapped utterance beside its speaker, not under it', async () => {
    await open(SCAM_SAMPLE);
    const li = page.locator('#detail ol.transcript > li:not(.alert-note)').filter({ hasText: 'cashier' }).first();
    const who = (await li.locator('.who').boundingBox())!;
    const text = (await li.locator('.text').boundingBox())!;
    expect(text.height).toBeGreaterThan(30); // it wraps
    expect(text.x).toBeGreaterThanOrEqual(who.x + who.width);
    await page.click('#dclose');
  });

  it('exports the filtered rows as CSV', async () => {
    await page.selectOption('#fv', 'scam');
    await page.selectOption('#fl', 'fr');
    await page.fill('#q', '');
    const shown = Number((await page.textContent('#count'))!.split(' ')[0]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('file,verdict,score,strength,language,format,utterances,alert,stages,categories,error');
    expect(csv).toHaveLength(shown + 1);
    for (const line of csv.slice(1)) expect(line).toMatch(/^[^,]*fr-[^,]*,scam,[\d.]+,-?[\d.]+,fr,/);
    // Clean calls have negative strengths: numbers, not formulas, so no leading '.
    await page.selectOption('#fv', 'clean');
    const [clean] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const strengths = readFileSync((await clean.path())!, 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[3]!);
    expect(strengths.some((x) => x.startsWith('-'))).toBe(true);
    for (const x of strengths) expect(x).toMatch(/^-?[\d.]+$/);
    await page.selectOption('#fv', '');
    await page.selectOption('#fl', '');
  });

  it('pictures --explain for the README', async () => {
    const t = readPlain(readFileSync(join(ROOT, 'samples', SCAM_SAMPLE), 'utf8'));
    const view = explainTranscript(t, loadLexicons(), { file: `samples/${SCAM_SAMPLE}` });
    const text = formatExplain(view, { color: true, width: 110 });
    const lines = text.split('\n');
    // The start of the call, the alert, the end and the timeline: the picture stays readable.
    const alertAt = lines.findIndex((l) => l.includes('└'));
    const shown = [...lines.slice(0, alertAt + 3), '  …', ...lines.slice(-9)].join('\n');
    await page.setContent(
      `<body style="margin:0;background:#1e1e1e"><pre id="term" style="display:inline-block;margin:0;padding:14px 18px;color:#d1d5da;background:#1e1e1e;` +
        `font:13px/1.35 'DejaVu Sans Mono',monospace">${ansiToHtml(shown)}</pre></body>`,
    );
    await page.locator('#term').screenshot({ path: join(shots, 'explain.png') });
    expect(existsSync(join(shots, 'explain.png'))).toBe(true);
  });
});
