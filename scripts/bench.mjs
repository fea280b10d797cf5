#!/usr/bin/env node
// npm run bench [-- --files N] : the speed of scamscan, side by side with grep, in one run.
//
// Generates a deterministic corpus (scripts/gen-corpus.mjs, seeded: EN/FR speaker-labelled calls
// with scam phrases sprinkled in) into a temporary folder, then measures:
//   - `scamscan scan` with --jobs 1 and the default (files/s, MB/s, peak RSS, from --stats), on that
//     corpus and on a real-call corpus: samples/, devset/, and, when ../shared/corpora is there, the
//     BothBosu test sets (one call per CSV row) and the real development halves (robocalls, Switchboard),
//   - the samples batch: 210 files copied from samples/ (real-shaped calls, small enough for the main thread),
//   - the pure classifier on in-memory text (no I/O),
//   - `classify` start-up on a 1 KB file against `node -e 0` (median of several runs),
//   - `grep -F -i -c -f phrases` (C locale) over the same files, every built-in lexicon phrase
//     exported as a literal (its first alternative at each word), as the yardstick.
// Nothing here is a test: it reports, it does not fail on speed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Some machines (CI and development VMs here) set NODE_EXTRA_CA_CERTS, which makes every Node start
// load extra certificates (about 60 ms); users' machines do not. Every process timed below inherits
// this environment, so start-up ratios are measured as users would see them.
if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
  delete process.env.NODE_EXTRA_CA_CERTS;
  console.error('bench: NODE_EXTRA_CA_CERTS unset for every timed process');
}
const args = process.argv.slice(2);
const files = Number(args.includes('--files') ? args[args.indexOf('--files') + 1] : 5000);
const bin = join(root, 'bin', 'scamscan.js');
const work = mkdtempSync(join(tmpdir(), 'scamscan-bench-'));
const corpus = join(work, 'corpus');

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

try {
  console.error(`generating ${files} transcripts…`);
  execFileSync(process.execPath, [join(root, 'scripts', 'gen-corpus.mjs'), corpus, String(files), '42'], { stdio: 'ignore' });
  const paths = walk(corpus);
  const bytes = paths.reduce((t, p) => t + statSync(p).size, 0);
  const mb = bytes / 1e6;
  const rows = [];

  // scamscan scan, one thread and default.
  const scan = (jobs, inputs = [corpus], extra = []) => {
    const a = ['scan', ...inputs, ...extra, '--format', 'ndjson', '--quiet', '--stats', '--fail-on', 'never', ...(jobs ? ['--jobs', String(jobs)] : [])];
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, ...a], { maxBuffer: 1 << 30, encoding: 'utf8' });
    const s = (performance.now() - t0) / 1000;
    const rss = /peak RSS ([\d.]+) MB/.exec(r.stderr)?.[1];
    const workers = !/no worker threads/.test(r.stderr);
    return { s, rss: rss ? Number(rss) : NaN, lines: r.stdout.split('\n').filter(Boolean).length, workers };
  };
  const one = scan(1);
  const all = scan(0);
  rows.push([`scamscan scan --jobs 1`, one.s, one.rss]);
  rows.push([`scamscan scan (default: ${cpus().length} cores${all.workers ? '' : ', no workers'})`, all.s, all.rss]);

  // The real-call corpus: what is here of samples/, devset/, BothBosu test and the real halves.
  const shared = join(root, '..', 'shared', 'corpora');
  const realDirs = [join(root, 'samples'), join(root, 'devset'), join(shared, 'real', 'ftc-robocalls'), join(shared, 'real', 'switchboard')].filter((d) =>
    existsSync(d),
  );
  const realCsvs = ['single-agent-scam-dialogue_test.csv', 'multi_agent_conversation_test.csv']
    .map((f) => join(shared, 'bothbosu', f))
    .filter((f) => existsSync(f));
  const realFiles = [...realDirs.flatMap((d) => walk(d).filter((f) => /\.(txt|srt|vtt|json)$/.test(f))), ...realCsvs];
  const realBytes = realFiles.reduce((t, p) => t + statSync(p).size, 0);
  const realArgs = ['--exclude', 'labels.csv', ...(realCsvs.length ? ['--text-column', 'dialogue'] : [])];
  const realOne = scan(1, [...realDirs, ...realCsvs], realArgs);
  const realAll = scan(0, [...realDirs, ...realCsvs], realArgs);
  const realNames = [...realDirs.map((d) => basename(d)), ...(realCsvs.length ? ['BothBosu test'] : [])].join(', ');

  // The samples batch: 210 real-shaped calls (copies of samples/), default jobs.
  const batch = join(work, 'batch');
  mkdirSync(batch);
  const sampleFiles = walk(join(root, 'samples')).filter((f) => /\.(txt|srt|vtt|json)$/.test(f));
  for (let i = 0; i < 210; i++) {
    const f = sampleFiles[i % sampleFiles.length];
    copyFileSync(f, join(batch, `${i}-${basename(f)}`));
  }
  const batchBytes = walk(batch).reduce((t, p) => t + statSync(p).size, 0);
  const batchRun = scan(0, [batch]);

  // The pure classifier, in memory.
  const { classifyBytes, loadLexicons } = await import(join(root, 'dist', 'index.js'));
  const lexicons = loadLexicons();
  const texts = paths.slice(0, 2000).map((p) => readFileSync(p));
  const pureBytes = texts.reduce((t, b) => t + b.length, 0);
  // One untimed pass over a quarter of them first: the JIT and the per-word caches warm up, as
  // they do early in any scan.
  // Then the median of three timed passes (this machine's other work shows in any one).
  for (const b of texts.slice(0, texts.length >> 2)) classifyBytes(b, {}, lexicons);
  const pureS = median(
    [0, 1, 2].map(() => {
      const t0 = performance.now();
      for (const b of texts) classifyBytes(b, {}, lexicons);
      return (performance.now() - t0) / 1000;
    }),
  );

  // The same on the hand-written calls shipped in samples/ and devset/ (every format): a real
  // vocabulary, and findings in most turns of the scams. A warm-up pass, then the median of five.
  const shipped = ['samples', 'devset'].flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => /\.(txt|srt|vtt|json)$/.test(f))
      .map((f) => readFileSync(join(root, d, f))),
  );
  const shippedBytes = shipped.reduce((t, b) => t + b.length, 0);
  for (const b of shipped) classifyBytes(b, {}, lexicons);
  const shippedS = median(
    [0, 1, 2, 3, 4].map(() => {
      const t0 = performance.now();
      for (const b of shipped) classifyBytes(b, {}, lexicons);
      return (performance.now() - t0) / 1000;
    }),
  );

  // grep, C locale, every lexicon phrase as a literal.
  const literals = new Set();
  for (const file of walk(join(root, 'lexicons'))) {
    if (!file.endsWith('.json') || /schema|model|language/.test(file)) continue;
    for (const e of JSON.parse(readFileSync(file, 'utf8')).entries ?? []) {
      // A frame's parts are phrases too (grep gets each part as a literal).
      for (const phrase of [...(e.phrases ?? []), ...(e.frames ?? []).flatMap((f) => f.all)]) {
        const words = phrase
          .split(/\s+/)
          .filter((w) => !/^~\d+$/.test(w) && !w.startsWith('#') && !w.startsWith('@'))
          .map((w) => w.split('|')[0].replace(/^=|\*$/g, ''));
        if (words.length) literals.add(words.join(' '));
      }
    }
  }
  const phraseFile = join(work, 'phrases.txt');
  writeFileSync(phraseFile, [...literals].join('\n') + '\n');
  const grep = (targets) => {
    const g0 = performance.now();
    spawnSync('grep', ['-r', '-F', '-i', '-c', '-f', phraseFile, ...targets], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 30 });
    return (performance.now() - g0) / 1000;
  };
  const grepS = grep([corpus]);
  const realGrepS = grep(realFiles);

  // Start-up: classify a 1 KB file against node -e 0.
  const small = join(work, 'call.txt');
  writeFileSync(small, readFileSync(paths[0], 'utf8').slice(0, 1024));
  const time = (argv) =>
    median(
      Array.from({ length: 7 }, () => {
        const t = performance.now();
        spawnSync(process.execPath, argv, { stdio: 'ignore' });
        return performance.now() - t;
      }),
    );
  const nodeMs = time(['-e', '0']);
  const classifyMs = time([bin, 'classify', small, '--fail-on', 'never']);

  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const out = [];
  out.push(`scamscan bench, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  out.push(`corpus: ${paths.length} files, ${f(mb)} MB (scripts/gen-corpus.mjs, seed 42); ${literals.size} lexicon phrases for grep`);
  out.push('');
  out.push('| what | seconds | files/s | MB/s | vs grep | peak RSS MB |');
  out.push('|---|---|---|---|---|---|');
  out.push(`| grep -F -i -c -f phrases (C locale) | ${f(grepS, 2)} | ${f(paths.length / grepS, 0)} | ${f(mb / grepS)} | 1.00x | |`);
  for (const [name, s, rss] of rows) out.push(`| ${name} | ${f(s, 2)} | ${f(paths.length / s, 0)} | ${f(mb / s)} | ${f(grepS / s, 2)}x | ${f(rss)} |`);
  out.push(`| pure classifier, in memory, warm (${texts.length} files) | ${f(pureS, 2)} | ${f(texts.length / pureS, 0)} | ${f(pureBytes / 1e6 / pureS)} | | |`);
  out.push(
    `| pure classifier, in memory, warm, samples/ and devset/ (${shipped.length} files) | ${f(shippedS, 2)} | ${f(shipped.length / shippedS, 0)} | ${f(shippedBytes / 1e6 / shippedS)} | | |`,
  );
  out.push('');
  out.push(`--jobs default vs --jobs 1: ${f(one.s / all.s, 2)}x; outputs: ${one.lines} and ${all.lines} lines for ${paths.length} files`);
  out.push('');
  out.push(`real-call corpus: ${realNames}: ${realFiles.length} files, ${realOne.lines} calls, ${f(realBytes / 1e6)} MB`);
  out.push('');
  out.push('| what | seconds | calls/s | MB/s | vs grep | peak RSS MB |');
  out.push('|---|---|---|---|---|---|');
  out.push(`| grep -F -i -c -f phrases (C locale), same files | ${f(realGrepS, 2)} | | ${f(realBytes / 1e6 / realGrepS)} | 1.00x | |`);
  for (const [name, r] of [
    ['scamscan scan --jobs 1', realOne],
    [`scamscan scan (default${realAll.workers ? '' : ': no workers'})`, realAll],
  ])
    out.push(`| ${name} | ${f(r.s, 2)} | ${f(r.lines / r.s, 0)} | ${f(realBytes / 1e6 / r.s)} | ${f(realGrepS / r.s, 2)}x | ${f(r.rss)} |`);
  out.push('');
  out.push(
    `samples batch: ${walk(batch).length} files (copies of samples/), ${f(batchBytes / 1e6, 2)} MB, default jobs${batchRun.workers ? '' : ' (no workers)'}: ${f(batchRun.s, 2)} s, ${f(walk(batch).length / batchRun.s, 0)} files/s (${f(walk(batch).length / (batchRun.s - classifyMs / 1000), 0)} files/s less the start-up below), peak RSS ${f(batchRun.rss)} MB`,
  );
  out.push(
    `start-up (NODE_EXTRA_CA_CERTS unset): classify of a 1 KB file ${f(classifyMs, 0)} ms, node -e 0 ${f(nodeMs, 0)} ms (${f(classifyMs / nodeMs, 2)}x)`,
  );
  console.log(out.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
