#!/usr/bin/env node
// The CLI as bundled by `npm run build` (scripts/bundle-cli.mjs): a few files load faster than many.
import { run } from '../dist/bundle/cli.js';

// A reader that goes away (`scamscan --help | head`) ends the output, not the process with a trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await run(process.argv.slice(2));
