#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle it runs: built by `npm run build`
// (scripts/bundle-cli.mjs), it starts faster than the CLI's modules loaded one by one.
const { run } = require('./load-bundle.js').loadBundle().cli;

// A reader that goes away (`scamscan --help | head`) ends the output, not the process with a trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
