#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles the CLI (dist/cli/main.js, with commander and chalk)
// into dist/bundle/cli.js, so that start-up reads one file instead of resolving and linking some
// seventy modules one by one. Modules stay lazy inside it: each command's code runs only when that
// command does. The bundle is CommonJS (dist/bundle/package.json says so, and bin/package.json for
// bin/scamscan.js), which Node loads synchronously, without its ES module loader: measurably
// faster to start than the same bundle as ES modules.
// The scan worker is an entry point too: the pool starts `./worker.js` next to its own module.
// dist/bundle/ sits two levels below the package like every dist/*/ folder, so the paths that
// src/node/paths.ts resolves from import.meta.url (package.json, lexicons/, dist/lexicons.compiled.json)
// still hold; that module also tells the bundle's worker (dist/bundle/worker.js) from tsc's.
// Last, V8's code cache for the bundle (see bin/load-bundle.js), made after classifying a sample so
// that it holds the functions a classify runs; the sample run also fails the build if the bundle
// cannot classify.
// The library (dist/index.js and its types) is tsc's per-file ES module output and does not use it.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const SAMPLE = `${root}samples/en-scam-cold-call-windows-dept-resists.txt`;

/**
 * commander requires node:child_process at load (only to run executable subcommands, which
 * scamscan has none of), and loading it pulls in net, dgram and streams: the bundle gets a stand-in
 * that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: `let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });`,
      loader: 'js',
    }));
  },
};

try {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { cli: `${root}dist/cli/main.js`, worker: `${root}dist/batch/worker.js` },
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // The sources are ES modules: strict mode (the banner goes before esbuild's own 'use strict',
    // which would not count after another statement), and import.meta.url as the bundle's own URL.
    banner: { js: "'use strict';\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundleUrl' },
    // Any other use of import.meta would be empty in CommonJS: fail the build rather than the run.
    logOverride: { 'empty-import-meta': 'error' },
    plugins: [lazyChildProcess],
    logLevel: 'warning',
  });
  writeFileSync(`${outdir}/package.json`, '{ "type": "commonjs" }\n');

  const { BUNDLE, cacheFile, cacheOf, loadBundle } = createRequire(import.meta.url)('../bin/load-bundle.js');
  const { cli, script } = loadBundle({ cache: false });
  let out = '';
  const io = { stdout: (t) => (out += t), stderr: (t) => (out += t), readStdin: async () => new Uint8Array(), stdinIsTTY: false, stdoutIsTTY: false, env: {} };
  if ((await cli.run(['classify', SAMPLE, '--no-config'], io)) !== 1) throw new Error(`the bundle did not classify ${SAMPLE} as a scam:\n${out}`);
  writeFileSync(cacheOf(BUNDLE), cacheFile(script.createCachedData()));
} catch (e) {
  console.error(`bundle-cli: ${e.message}`);
  process.exit(1);
}
