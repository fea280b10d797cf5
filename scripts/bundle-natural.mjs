#!/usr/bin/env node
// Part of `npm run build`, right after tsc: bundles dist/core/text/natural.js (src/core/text/natural.ts,
// what scamscan uses of natural: two Porter stemmers, Jaro-Winkler, double metaphone) with that code
// of natural, in place, as an ES module. The library (dist/index.js) and the CLI bundle then need no
// `natural` at run time, so natural is a devDependency: installs skip its ~50 packages (database
// clients among them). tests/install.test.ts runs the built package without it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const target = fileURLToPath(new URL('../dist/core/text/natural.js', import.meta.url));

try {
  await build({
    entryPoints: [target],
    outfile: target,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'inline',
    logLevel: 'warning',
  });
  if (/\bfrom\s*["']natural|require\(["']natural/.test(readFileSync(target, 'utf8'))) throw new Error(`${target} still imports natural`);
} catch (e) {
  console.error(`bundle-natural: ${e.message}`);
  process.exit(1);
}
