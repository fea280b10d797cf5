import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { fakeIO } from './io.js';
import { ROOT } from './helpers.js';

/**
 * Every `scamscan` command in the README's sh blocks runs as written (placeholder files such as
 * call.txt and calls/ stand for samples), and the results the README states hold.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'scamscan-readme-'));
const SCAM = join(ROOT, 'samples', 'en-scam-popup-defender-anydesk-googleplay.txt');
const calls = join(tmp, 'calls');
mkdirSync(calls);
for (const f of [
  SCAM,
  join(ROOT, 'samples', 'en-legit-delivery-call.txt'),
  join(ROOT, 'samples', 'fr-legit-banque-alerte-carte-opposition.txt'),
  join(ROOT, 'tests', 'fixtures', 'formats', 'call.srt'),
])
  copyFileSync(f, join(calls, f.slice(f.lastIndexOf('/') + 1)));
writeFileSync(join(tmp, 'data.csv'), `id,dialogue\nA1,"${readFileSync(SCAM, 'utf8').replace(/"/g, '""')}"\nB2,"Agent: Your parcel arrives tomorrow."\n`);
// The custom-lexicon example writes lexicons-acme/en/authority.json with a heredoc: the test writes the same file.
const acme = /cat > lexicons-acme\/en\/authority\.json <<'JSON'\n([\s\S]*?)\nJSON\n/.exec(README)![1]!;
mkdirSync(join(tmp, 'lexicons-acme', 'en'), { recursive: true });
writeFileSync(join(tmp, 'lexicons-acme', 'en', 'authority.json'), acme.replace('"../schema.json"', JSON.stringify(join(ROOT, 'lexicons', 'schema.json'))));

const PLACEHOLDERS: Record<string, string> = {
  'call.txt': SCAM,
  'appel.txt': join(ROOT, 'samples', 'fr-scam-popup-microsoft-anydesk-pcs.txt'),
  'calls/': calls,
  'other-calls/': calls,
  'data.csv': join(tmp, 'data.csv'),
  './my-lexicons': join(tmp, 'lexicons-acme'),
  'lexicons-acme': join(tmp, 'lexicons-acme'),
  'report.html': join(tmp, 'report.html'),
};

/** Splits a command line as a shell would, for the quoting the README uses. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

interface Example {
  line: string;
  args: string[];
  stdin?: string;
}

/** The README's sh blocks, joined at `\` line ends, their scamscan commands as arguments. */
function examples(): Example[] {
  const out: Example[] = [];
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n\s*/g, ' ').split('\n');
    for (const raw of lines) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      const at = line.search(/(^|\| )scamscan /);
      if (at < 0 || /^scamscan reads/.test(line)) continue;
      let command = line.slice(line.indexOf('scamscan ', at) + 'scamscan '.length);
      let stdin: string | undefined;
      const source = line.slice(0, at);
      if (source) {
        const cat = /^cat (\S+)/.exec(source);
        const echo = /^echo '([^']*)'/.exec(source);
        if (cat) stdin = readFileSync(PLACEHOLDERS[cat[1]!] ?? join(ROOT, cat[1]!), 'utf8');
        else if (echo) stdin = echo[1]! + '\n';
        else continue; // stt-stream | scamscan watch: a live stream, tested in tests/watch.test.ts
      }
      command = command.replace(/\s*>\s*\S+$/, '').replace(/\[([^\]]*)\]/g, '$1');
      if (/\.\.\/shared\//.test(command)) continue; // corpora not shipped
      out.push({ line, args: words(command).map((w) => PLACEHOLDERS[w] ?? w), ...(stdin !== undefined ? { stdin } : {}) });
    }
  }
  return out;
}

describe('README examples', () => {
  const all = examples();
  it('are found', () => expect(all.length).toBeGreaterThan(25));

  it.each(all.map((e) => [e.line, e] as const))('%s runs as written', async (_line, e) => {
    const t = fakeIO(e.stdin !== undefined ? { stdin: e.stdin } : {});
    t.io.cwd = tmp;
    const code = await run(
      [...e.args, '--no-config'].filter((a, i, list) => !(a === '--no-config' && list.indexOf(a) !== i)),
      t.io,
    );
    expect(t.err(), t.err()).not.toMatch(/^scamscan: (?!.*report written)/m);
    expect(t.err()).not.toMatch(/^error:/m);
    expect([0, 1]).toContain(code);
  });

  it('shows the output classify gives for the sample', async () => {
    const shown = /```\n\$ scamscan classify (\S+)\n([\s\S]*?)\n {2}…\n```/.exec(README)!;
    const t = fakeIO();
    // As the README runs it: from the repository, with the path as written (it sets the wrapping).
    expect(process.cwd()).toBe(ROOT.replace(/\/$/, ''));
    await run(['classify', shown[1]!, '--no-config'], t.io);
    expect(t.out()).toContain(shown[2]!);
  });

  it('the custom lexicon makes the Acme call suspicious, and it is clean without it', async () => {
    const call = /echo '([^']*)'/.exec(README)![1]!;
    const verdict = async (args: string[]) => {
      const t = fakeIO({ stdin: call });
      await run(['classify', '--format', 'json', '--no-config', ...args], t.io);
      return JSON.parse(t.out()).verdict as string;
    };
    expect(await verdict([])).toBe('clean');
    expect(await verdict(['--lexicons', join(tmp, 'lexicons-acme')])).toBe('suspicious');
  });
});

describe('help examples', () => {
  it.each(['classify', 'scan', 'eval', 'watch'])('%s --help names only files that exist', async (command) => {
    const t = fakeIO();
    await run([command, '--help'], t.io);
    const named = [...t.out().matchAll(/\b(samples\/[\w.-]+)/g)].map((m) => m[1]!);
    for (const file of named) expect(existsSync(join(ROOT, file)), file).toBe(true);
    if (command === 'classify') expect(named.length).toBeGreaterThan(0);
  });
});
