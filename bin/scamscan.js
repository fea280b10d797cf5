#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle it runs: built by `npm run build`
// (scripts/bundle-cli.mjs), it starts faster than the CLI's modules loaded one by one.
const { run } = require('./load-bundle.js').loadBundle().cli;

// The CLI's processIO() handles stdout's EPIPE and Ctrl-C (src/cli/io.ts); run() decides the exit code.
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
