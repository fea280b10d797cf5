// "Customize" as the README documents it: a custom lexicon folder and a config file, in a temporary
// folder, change the verdicts of the CLI (classify, scan, eval) in the documented ways.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';

const root = mkdtempSync(join(tmpdir(), 'scamscan-custom-'));
let dirs = 0;

function put(path: string, content: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** A folder with a config file (when given), the bank's lexicon folder, and a calls/ subfolder to run from. */
function project(config?: object): { dir: string; calls: string } {
  const dir = join(root, `p${dirs++}`);
  put(join(dir, 'bank-lexicons', 'en', 'authority.json'), {
    $schema: '../schema.json',
    category: 'authority',
    language: 'en',
    entries: [
      {
        id: 'en.authority.acme-bank',
        phrases: ['acme bank fraud department|team'],
        // Strong enough on its own to lift the call past the fitted "suspicious" threshold.
        weight: 0.95,
        note: "Impersonators of Acme Bank's fraud team say its name first",
        examples: ['This is the Acme Bank fraud department.'],
        counterExamples: ['Acme Bank opens at nine.'],
      },
    ],
  });
  if (config) put(join(dir, 'scamscan.config.json'), config);
  mkdirSync(join(dir, 'calls'), { recursive: true });
  return { dir, calls: join(dir, 'calls') };
}

const CALLS = {
  /** Names the bank: clean with the built-in lexicons, which only know "fraud department". */
  bank: 'Agent: Hello, this is the Acme Bank fraud department. We blocked a suspicious payment on your card.',
  /** The company's own help-desk script: it reads as a remote-access scam. */
  helpdesk: [
    'Agent: Hello, this is Contoso IT support. Your laptop is missing a critical security update.',
    'Agent: I will connect to your computer with Quick Assist to install it.',
    'Caller: Sure.',
    'Agent: Please open Quick Assist and read me the security code shown on your screen.',
  ].join('\n'),
  /** Scores about 0.78, half of it from pressure. */
  pressure: 'Agent: Your computer is infected with a virus. Do not hang up, and do not tell anyone, it must be done within the hour.',
};

async function cli(argv: string[], cwd: string) {
  const t = fakeIO();
  const code = await run(argv, { ...t.io, cwd });
  return { code, out: t.out(), err: t.err() };
}

/** classify --format json of one call from the project's calls/ folder (the config is found by walking up). */
async function classify(p: { dir: string; calls: string }, call: keyof typeof CALLS, ...flags: string[]) {
  const file = put(join(p.calls, `${call}.txt`), CALLS[call]);
  const r = await cli(['classify', file, '--format', 'json', ...flags], p.calls);
  // The config is in the folder above: said once on stderr, nothing else.
  expect(r.err).toBe(
    existsSync(join(p.dir, 'scamscan.config.json'))
      ? `scamscan: using config ${join(p.dir, 'scamscan.config.json')} (found above the current folder; --no-config to read none)\n`
      : '',
  );
  return JSON.parse(r.out) as { verdict: string; score: number; findings: Array<{ id: string; text: string; source: string }> };
}

describe('customizing with a config file and a lexicon folder', () => {
  it("a bank's own name added to impersonation raises a call, and findings name their lexicon file", async () => {
    const before = await classify(project(), 'bank');
    const after = await classify(project({ lexicons: ['bank-lexicons'] }), 'bank');
    expect(after.score).toBeGreaterThan(before.score);
    expect([before.verdict, after.verdict]).toEqual(['clean', 'suspicious']);
    const finding = after.findings.find((f) => f.id === 'en.authority.acme-bank')!;
    expect(finding.text).toBe('Acme Bank fraud department');
    expect(finding.source).toMatch(/bank-lexicons\/en\/authority\.json$/);
    // --lexicons on the command line does the same without a config file.
    const p = project();
    expect((await classify(p, 'bank', '--lexicons', join(p.dir, 'bank-lexicons'))).verdict).toBe('suspicious');
  });

  it('an allow-listed help-desk phrase lowers a call', async () => {
    const before = await classify(project(), 'helpdesk');
    const after = await classify(
      project({ allow: ['Contoso IT support', 'connect to your computer with Quick Assist', 'open Quick Assist ~6 security code'] }),
      'helpdesk',
    );
    expect([before.verdict, after.verdict]).toEqual(['scam', 'clean']);
    expect(after.findings.map((f) => f.text)).toEqual(['critical security']);
  });

  it('a disabled category stops counting, and so does a disabled entry', async () => {
    const before = await classify(project(), 'pressure');
    const noPressure = await classify(project({ disable: ['pressure'] }), 'pressure');
    const noEntry = await classify(project({ disable: ['en.hook.device-infected'] }), 'pressure');
    expect([before.verdict, noPressure.verdict]).toEqual(['scam', 'clean']);
    expect(noPressure.findings.every((f) => !f.id.includes('.pressure.'))).toBe(true);
    expect(noEntry.findings.map((f) => f.id)).not.toContain('en.hook.device-infected');
    expect(noEntry.score).toBeLessThan(before.score);
  });

  it('thresholds move a verdict', async () => {
    expect((await classify(project({ thresholds: { scam: 0.95 } }), 'pressure')).verdict).toBe('suspicious');
    expect((await classify(project({ thresholds: { scam: 0.95, suspicious: 0.9 } }), 'pressure')).verdict).toBe('clean');
    expect((await classify(project({ thresholds: { suspicious: 0.05 } }), 'bank')).verdict).toBe('suspicious');
  });

  it('flags override the file; --no-config and --config choose the file', async () => {
    const p = project({ format: 'json', failOn: 'suspicious', language: 'fr', thresholds: { scam: 0.95 } });
    const file = put(join(p.calls, 'pressure.txt'), CALLS.pressure);
    const fromFile = await cli(['classify', file], p.calls);
    expect(JSON.parse(fromFile.out)).toMatchObject({ language: 'fr', verdict: 'clean' }); // JSON and French, from the file
    const en = await cli(['classify', file, '--lang', 'en'], p.calls);
    expect(JSON.parse(en.out)).toMatchObject({ language: 'en', verdict: 'suspicious' }); // the file's scam threshold
    expect(en.code).toBe(1); // the file's failOn
    const flags = await cli(['classify', file, '--fail-on', 'never', '--format', 'pretty', '--lang', 'en', '--no-color'], p.calls);
    expect(flags.code).toBe(0);
    expect(flags.out).toMatch(/SUSPICIOUS/);
    const none = await cli(['classify', file, '--no-config'], p.calls);
    expect([none.code, none.out]).toEqual([1, expect.stringMatching(/SCAM/)]);
    const elsewhere = await cli(['--config', join(p.dir, 'scamscan.config.json'), 'classify', file, '--lang', 'en'], root);
    expect(JSON.parse(elsewhere.out).verdict).toBe('suspicious');
  });

  it('says on stderr which config file found above the current folder it uses, and only then', async () => {
    const p = project({ thresholds: { scam: 0.95 } });
    const file = join(p.dir, 'scamscan.config.json');
    const call = put(join(p.calls, 'pressure.txt'), CALLS.pressure);
    const above = await cli(['classify', call, '--format', 'json'], p.calls);
    expect(above.err).toBe(`scamscan: using config ${file} (found above the current folder; --no-config to read none)\n`);
    expect(JSON.parse(above.out).verdict).toBe('suspicious');
    const scan = await cli(['scan', p.calls, '--format', 'ndjson', '--jobs', '1'], p.calls);
    expect(scan.err).toBe(above.err);
    expect((await cli(['classify', call, '--format', 'json'], p.dir)).err).toBe(''); // in the current folder: the user sees it
    expect((await cli(['--config', file, 'classify', call, '--format', 'json'], p.calls)).err).toBe(''); // named
    const none = await cli(['--no-config', 'classify', call, '--format', 'json'], p.calls);
    expect([none.err, JSON.parse(none.out).verdict]).toEqual(['', 'scam']);
  });

  it('config --print shows each value and where it came from', async () => {
    const p = project({ thresholds: { scam: 0.9 }, lexicons: ['bank-lexicons'], failOn: 'suspicious', format: { scan: 'csv' } });
    const file = join(p.dir, 'scamscan.config.json');
    const r = await cli(['config', '--print', '--fail-on', 'never'], p.calls);
    expect(r.code).toBe(0);
    const line = (key: string) => r.out.split('\n').find((l) => l.startsWith(key + ' '))!;
    expect(r.out).toMatch(`config file: ${file}`);
    expect(line('thresholds.scam')).toMatch(new RegExp(`0\\.9\\s+${file}$`));
    expect(line('thresholds.suspicious')).toMatch(/0\.\d+\s+default$/);
    expect(line('lexicons')).toContain(join(p.dir, 'bank-lexicons'));
    expect(line('failOn')).toMatch(/never\s+--fail-on$/);
    expect(line('format.scan')).toMatch(/csv/);
    expect(line('format.classify')).toMatch(/default$/);
    const json = JSON.parse((await cli(['config', '--json'], p.calls)).out);
    expect(json.settings['thresholds.scam']).toEqual({ value: 0.9, from: file });
    expect(json.settings.failOn).toEqual({ value: 'suspicious', from: file });
  });

  it('scan and eval honour the config too', async () => {
    const p = project({ lexicons: ['bank-lexicons'], disable: ['pressure'] });
    put(join(p.calls, 'bank.txt'), CALLS.bank);
    put(join(p.calls, 'pressure.txt'), CALLS.pressure);
    const scan = await cli(['scan', p.calls, '--format', 'ndjson', '--jobs', '1'], p.calls);
    expect(
      scan.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).verdict),
    ).toEqual(['suspicious', 'clean']);
    put(join(p.calls, 'labels.csv'), 'file,label\nbank.txt,scam\npressure.txt,legit\n');
    const evaluated = await cli(['eval', p.calls, '--labels', join(p.calls, 'labels.csv'), '--positive', 'suspicious', '--format', 'json'], p.calls);
    expect(JSON.parse(evaluated.out).misclassified).toEqual([]);
    const plain = await cli(['eval', p.calls, '--labels', join(p.calls, 'labels.csv'), '--positive', 'suspicious', '--format', 'json', '--no-config'], p.calls);
    expect(JSON.parse(plain.out).misclassified).toHaveLength(2);
  });

  it('scan skips config files in the folders it walks', async () => {
    const p = project();
    put(join(p.calls, 'scamscan.config.json'), { disable: ['pressure'] });
    put(join(p.calls, 'pressure.txt'), CALLS.pressure);
    const r = await cli(['scan', p.calls, '--format', 'ndjson', '--jobs', '1'], p.calls);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([expect.objectContaining({ verdict: 'clean' })]);
  });

  it.each([
    ['an unknown key', { thresholdz: { scam: 0.9 } }, /scamscan\.config\.json: unknown key "thresholdz" \(known: thresholds,/],
    ['an unknown nested key', { thresholds: { scams: 0.9 } }, /scamscan\.config\.json: unknown key "thresholds\.scams"/],
    ['a wrong type', { thresholds: { scam: 2 } }, /scamscan\.config\.json: thresholds\.scam: /],
    [
      'thresholds in the wrong order',
      { thresholds: { scam: 0.2, suspicious: 0.5 } },
      /scamscan\.config\.json: thresholds: suspicious \(0\.5\) is above scam \(0\.2\)/,
    ],
    ['an unknown category or id', { disable: ['pressure', 'en.nope.x'] }, /scamscan\.config\.json: disable\[1\]: "en\.nope\.x" is neither a category/],
    ['a bad allowed phrase', { allow: ['~2 help desk'] }, /scamscan\.config\.json: allow\[0\]: "~2 help desk": a phrase cannot start with a gap/],
    ['a format the command lacks', { format: { classify: 'csv' } }, /scamscan\.config\.json: format\.classify: "csv" is not an output format of classify/],
    ['a missing lexicon folder', { lexicons: ['nowhere'] }, /nowhere: cannot read lexicon folder/],
  ])('rejects %s in one line naming the file', async (_what, config, message) => {
    const p = project(config);
    const r = await cli(['classify', put(join(p.calls, 'bank.txt'), CALLS.bank)], p.calls);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('lexicons check and list', () => {
  it('passes a good folder, and list counts its entries', async () => {
    const p = project();
    const r = await cli(['lexicons', 'check', join(p.dir, 'bank-lexicons')], root);
    expect([r.code, r.err]).toEqual([0, '']);
    const list = await cli(['lexicons', 'list', '--lexicons', join(p.dir, 'bank-lexicons')], root);
    const base = await cli(['lexicons', 'list', '--no-config'], root);
    const authority = (out: string) => Number(/^authority\s+en\s+(\d+)$/m.exec(out)![1]);
    expect(authority(list.out)).toBe(authority(base.out) + 1);
  });

  it("runs every entry's examples and counter-examples: file: entry id: message, exit 2", async () => {
    const dir = join(root, 'failing');
    const file = put(join(dir, 'en', 'payment.json'), {
      category: 'payment',
      language: 'en',
      entries: [
        {
          id: 'en.payment.steam-card',
          phrases: ['steam card'],
          weight: 0.6,
          note: 'n',
          examples: ['buy a steam card', 'buy a steam gift'],
          counterExamples: ['no steam card please'],
        },
      ],
    });
    const r = await cli(['lexicons', 'check', dir], root);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `${file}: en.payment.steam-card: example does not match: "buy a steam gift"`,
      `${file}: en.payment.steam-card: counter-example matches: "no steam card please"`,
    ]);
  });

  it('checks the config file lexicon folders when given none', async () => {
    const p = project({ lexicons: ['bank-lexicons'] });
    put(join(p.dir, 'bank-lexicons', 'en', 'authority.json'), {
      category: 'authority',
      language: 'en',
      entries: [
        {
          id: 'en.authority.acme-bank',
          phrases: ['acme bank'],
          weight: 0.7,
          note: 'n',
          examples: ['Acme Bank calling'],
          counterExamples: ['Acme Bank opens at nine.'],
        },
      ],
    });
    const r = await cli(['lexicons', 'check'], p.calls);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bank-lexicons\/en\/authority\.json: en\.authority\.acme-bank: counter-example matches/);
  });

  it('reports an invalid file in one line naming the file and the entry', async () => {
    const dir = join(root, 'invalid');
    put(join(dir, 'en', 'payment.json'), {
      category: 'payment',
      language: 'en',
      entries: [{ id: 'en.payment.steam-card', phrases: ['steam card'], weight: 3, note: 'n', examples: ['a steam card'] }],
    });
    const r = await cli(['lexicons', 'check', dir], root);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/invalid\/en\/payment\.json: entries\[0\]\.weight: .*\(entry en\.payment\.steam-card\)/);
  });
});
