// npm run eval (scripts/eval-all.mjs) and its speech-to-text stripping (scripts/strip.mjs). Runs
// without ../shared: the table is checked on a tiny fixture set written here; the library is the
// built dist/ (npm test builds first).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOf, strip, stripCues, stripJson, stripPlain, stripPunctuation } from '../scripts/strip.mjs';
// @ts-expect-error: a plain .mjs script without types; it loads the built dist/
import { developmentSets, formatMarkdown, formatTable, labelledFolder, loadBuild, metrics, parseCsv, runAll } from '../scripts/eval-all.mjs';
import { ROOT } from './helpers.js';

describe('stripping to raw speech-to-text', () => {
  it('lower-cases and removes punctuation, keeping apostrophes and hyphens inside words', () => {
    expect(stripPunctuation('Hello, Sir! Don\'t hang up... Is it "AnyDesk"?')).toBe("hello sir don't hang up is it anydesk");
    expect(stripPunctuation('Aujourd’hui, c’est « urgent » : quatre-vingt-dix euros ; d’accord ?')).toBe(
      'aujourd’hui c’est urgent quatre-vingt-dix euros d’accord',
    );
    expect(stripPunctuation('It costs $1,299.99 - now. (Really.) -- yes')).toBe('it costs $1299 99 now really yes');
  });

  it('plain text: removes line labels, inline labels, timestamps and >> markers, and joins the turns', () => {
    const text = 'Agent: Hello, this is Microsoft.\nCustomer: Hi... who?\n[00:01:02] Agent: Your PC has a virus.\n>> Customer: Oh no!\n';
    expect(stripPlain(text)).toBe('hello this is microsoft hi who your pc has a virus oh no');
    expect(stripPlain(text, { join: false })).toBe('hello this is microsoft\nhi who\nyour pc has a virus\noh no');
    expect(stripPlain('Suspect: Hi there. Innocent: Hello? Suspect: Read me the code. Innocent: No.')).toBe('hi there hello read me the code no');
    expect(stripPlain('Agent : Bonjour, ici le service client. Client : Bonjour !')).toBe('bonjour ici le service client bonjour');
    expect(stripPlain('A: I think so. B: Yes.\nA: Okay\nB: No')).toBe('i think so yes okay no');
  });

  it('plain text: a word before a colon used once is not a speaker label', () => {
    expect(stripPlain('The message said: call this number. Warning: do not reboot.')).toBe('the message said call this number warning do not reboot');
    expect(stripPlain('Hello. Dr. Smith: this is it.')).toBe('hello dr smith this is it');
  });

  it('SRT: keeps cue numbers and timings, strips each cue', () => {
    const srt =
      "1\n00:00:00,460 --> 00:00:03,163\nAGENT: IT Service Desk,\nyou're speaking with Priya.\n\n2\n00:00:03,500 --> 00:00:05,000\nUSER: Hi! >> AGENT: Yes?\n\n3\n00:00:05,500 --> 00:00:06,000\n- Okay.\n";
    expect(formatOf(srt)).toBe('srt');
    expect(stripCues(srt)).toBe(
      "1\n00:00:00,460 --> 00:00:03,163\nit service desk\nyou're speaking with priya\n\n2\n00:00:03,500 --> 00:00:05,000\nhi yes\n\n3\n00:00:05,500 --> 00:00:06,000\nokay\n",
    );
  });

  it('VTT: keeps the header and timings, drops voice tags and markup', () => {
    const vtt =
      "WEBVTT\n\nNOTE made by hand\n\n1\n00:00:01.000 --> 00:00:04.000 align:start\n<v Tom>Hi Rachel, it's Tom.</v>\n\n00:00:04.500 --> 00:00:06.000\n<v.loud Rachel Smith><i>Oh, hi!</i>\n";
    expect(formatOf(vtt)).toBe('vtt');
    expect(strip(vtt)).toBe(
      "WEBVTT\n\nNOTE made by hand\n\n1\n00:00:01.000 --> 00:00:04.000 align:start\nhi rachel it's tom\n\n00:00:04.500 --> 00:00:06.000\noh hi\n",
    );
  });

  it('JSON: strips text fields, drops speakers and AWS punctuation items', () => {
    const turns = JSON.stringify([
      { speaker: 'Agent', text: 'Hello, Sir!', start: 1 },
      { speaker: 'Client', text: 'Yes?' },
    ]);
    expect(JSON.parse(stripJson(turns))).toEqual([{ text: 'hello sir', start: 1 }, { text: 'yes' }]);
    const whisper = JSON.stringify({ text: ' Agent: Hi. Client: Hello.', segments: [{ start: 0, end: 1, text: ' Hi.', speaker: 'SPEAKER_00' }] });
    expect(JSON.parse(strip(whisper))).toEqual({ text: 'hi hello', segments: [{ start: 0, end: 1, text: 'hi' }] });
    const aws = {
      results: {
        transcripts: [{ transcript: 'Hello. Yes.' }],
        speaker_labels: { speakers: 2, segments: [] },
        items: [
          { start_time: '0.1', type: 'pronunciation', speaker_label: 'spk_0', alternatives: [{ content: 'Hello' }] },
          { type: 'punctuation', alternatives: [{ content: '.' }] },
        ],
      },
    };
    expect(JSON.parse(strip(JSON.stringify(aws)))).toEqual({
      results: { transcripts: [{ transcript: 'hello yes' }], items: [{ start_time: '0.1', type: 'pronunciation', alternatives: [{ content: 'hello' }] }] },
    });
  });

  it('the stripped text is read in the same format by scamscan, with no speakers', async () => {
    const { lib, lexicons } = await loadBuild(ROOT);
    const srt = '1\n00:00:00,000 --> 00:00:02,000\nAgent: Hello, sir.\n\n2\n00:00:02,500 --> 00:00:04,000\nClient: Who is it?\n';
    const r = lib.classifyBytes(Buffer.from(strip(srt)), { file: 'x.srt' }, lexicons);
    expect(r.format).toBe('srt');
    expect(r.driver).toBeNull();
    const turns = JSON.stringify([
      { speaker: 'Agent', text: 'Hello, sir.' },
      { speaker: 'Client', text: 'Who?' },
    ]);
    const j = lib.classifyBytes(Buffer.from(strip(turns)), { file: 'x.json' }, lexicons);
    expect(j.format).toBe('turns');
    expect(j.findings.every((f: { speaker: string | null }) => f.speaker === null)).toBe(true);
  });
});

describe('npm run eval', () => {
  it('reads quoted CSV cells with commas, quotes and line breaks', () => {
    expect(parseCsv('\uFEFFdialogue,labels\n"Suspect: Hi, ""you"".\nInnocent: ok",1\r\nplain,0\n')).toEqual([
      ['dialogue', 'labels'],
      ['Suspect: Hi, "you".\nInnocent: ok', '1'],
      ['plain', '0'],
    ]);
  });

  it('computes precision, recall, F1 and FPR, with null where a set has no such calls', () => {
    const m = metrics([
      { scam: true, flagged: true },
      { scam: true, flagged: false },
      { scam: false, flagged: true },
      { scam: false, flagged: false },
    ]);
    expect(m).toMatchObject({ n: 4, tp: 1, fn: 1, fp: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5, fpr: 0.5 });
    expect(metrics([{ scam: false, flagged: true }])).toMatchObject({ precision: null, recall: null, f1: null, fpr: 1 });
    expect(metrics([{ scam: true, flagged: true }])).toMatchObject({ precision: 1, recall: 1, f1: 1, fpr: null });
  });

  it('prints one table of a fixture set, as written and stripped, with a row per language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scamscan-evalall-'));
    const scam = [
      'Agent: Hello, this is the Microsoft certified technician. Your computer is infected with the Zeus virus.',
      'Agent: Press the Windows key and R, go to anydesk.com and download AnyDesk.',
      'Agent: The protection costs 299 dollars. Buy Google Play gift cards and read me the numbers.',
    ].join('\n');
    writeFileSync(join(dir, 'scam.txt'), scam);
    writeFileSync(join(dir, 'legit.srt'), '1\n00:00:01,000 --> 00:00:03,000\nHi, this is Dr. Lee office confirming your appointment tomorrow at 2 PM.\n');
    writeFileSync(
      join(dir, 'legit-fr.txt'),
      'Conseiller : Bonjour madame, je vous appelle pour confirmer votre rendez-vous de demain chez le médecin.\nCliente : Très bien, merci, à demain.\n',
    );
    writeFileSync(join(dir, 'labels.csv'), 'file,label\nscam.txt,scam\nlegit.srt,legit\nlegit-fr.txt,legit\n');
    const build = await loadBuild(ROOT);
    const sets = [{ name: 'tiny', where: dir, load: () => labelledFolder(dir) }];
    const report = runAll([build], sets, null);
    expect(report.rows.map((r: { name: string }) => r.name)).toEqual(['tiny', 'tiny/stripped']);
    expect(report.rows[0].results[0].overall).toMatchObject({ n: 3, tp: 1, fn: 0, fp: 0, tn: 2, recall: 1, fpr: 0 });
    expect(Object.keys(report.rows[0].results[0].byLanguage)).toEqual(['en', 'fr']);
    const table = formatTable(report, [build]);
    expect(table).toMatch(/^tiny +3 +1\.000 +1\.000 +1\.000 +0\.00% +1 +0 +0 +2$/m);
    expect(table).toMatch(/^ {2}en +2 +1\.000 /m);
    expect(table).toMatch(/^ {2}fr +1 +— +— +— +0\.00% /m);
    expect(table).toMatch(/^tiny\/stripped +3 /m);
    // --only takes a set, or one variant of it.
    expect(runAll([build], sets, new Set(['tiny/stripped'])).rows.map((r: { name: string }) => r.name)).toEqual(['tiny/stripped']);
    // --compare: two builds side by side (here the same one twice).
    const both = formatTable(runAll([build, build], sets, new Set(['tiny'])), [build, build]);
    expect(both).toMatch(/^tiny +3 +1\.000 → 1\.000 +1\.000 → 1\.000/m);
    // Markdown, for the README.
    expect(formatMarkdown(report, [build]).split('\n').slice(0, 3)).toEqual([
      '| set | n | precision | recall | F1 | FPR | tp | fp | fn | tn |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| `tiny` | 3 | 1.000 | 1.000 | 1.000 | 0.00% | 1 | 0 | 0 | 2 |',
    ]);
  });

  it('without the shared corpora, says which sets are skipped and why, and still runs the repository sets', () => {
    const out = execFileSync(
      process.execPath,
      ['scripts/eval-all.mjs', '--corpora', join(tmpdir(), 'no-such-corpora'), '--only', 'devset/stripped,switchboard,bothbosu-test'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out).toMatch(/^devset\/stripped +\d+ /m);
    expect(out).toMatch(/SKIPPED bothbosu-test .*no-such-corpora not found/);
    expect(out).toMatch(/SKIPPED switchboard /);
    expect(developmentSets('/x').map((s: { name: string }) => s.name)).toEqual(['samples', 'devset', 'bothbosu-test', 'ftc-robocalls', 'switchboard']);
  });
});

describe('npm run calibrate', () => {
  it('fits on samples/ alone when the shared corpora are absent, reports cross-validated figures, writes nothing with --dry-run', () => {
    const r = spawnSync(process.execPath, ['scripts/calibrate.mjs', '--dry-run', '--corpora', join(tmpdir(), 'no-such-corpora')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const fitted = JSON.parse(r.stdout);
    expect(Object.keys(fitted.stageWeights)).toEqual(['hook', 'authority', 'access', 'proof', 'payment', 'secrecy']);
    expect(fitted.thresholds.scam).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/bothbosu-train +SKIPPED \(absent\)/);
    const labelled =
      readFileSync(join(ROOT, 'samples', 'labels.csv'), 'utf8')
        .trim()
        .split('\n').length - 1;
    expect(r.stderr).toMatch(new RegExp(`Cross-validated, 5-fold stratified .*\\n.*\\n {2}samples +${labelled} `));
    expect(r.stderr).toMatch(/--dry-run: lexicons\/model.json not written/);
    expect(r.stderr).not.toMatch(/devset\/[a-z]/);
  });
});
