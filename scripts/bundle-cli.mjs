#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles the CLI (dist/cli/main.js, with commander and chalk)
// into dist/bundle/, so that start-up loads a handful of files instead of resolving and linking
// some sixty modules one by one. Each command stays in its own chunk, loaded only when it runs.
// The scan worker is an entry point too: the pool starts `./worker.js` next to its own module.
// dist/bundle/ sits two levels below the package like every dist/*/ folder, so the paths the code
// resolves from import.meta.url (package.json, lexicons/, dist/lexicons.compiled.json) still hold.
// The library (dist/index.js and its types) is tsc's per-file output and does not use the bundle.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

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
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // commander is CommonJS: its require() of Node's modules needs a real require in an ES module.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [lazyChildProcess],
    logLevel: 'warning',
  });
} catch (e) {
  console.error(`bundle-cli: ${e.message}`);
  process.exit(1);
}
