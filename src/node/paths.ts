/**
 * The package's own files, found from this module's URL: the only place that turns import.meta.url
 * into a path (module resolution by createRequire aside).
 *
 * This module must sit exactly one folder below src/ (src/node/paths.ts). tsc writes it to
 * dist/node/paths.js, and scripts/bundle-cli.mjs replaces import.meta.url by the bundle's own URL,
 * dist/bundle/cli.js or dist/bundle/worker.js: both are two levels below the package root, so
 * `../../` is the package root and `../` is dist/ in both builds (and src/ under vitest, where no
 * precompiled lexicons exist and they are compiled afresh). Moving this file to another depth
 * breaks the bundle with no compile error; tests/paths.test.ts fails first.
 */
import { fileURLToPath } from 'node:url';

const HERE = import.meta.url;

/** package.json, for the version. */
export const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', HERE));

/** The lexicons shipped with scamscan. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../lexicons/', HERE));

/** Written by `npm run build` (scripts/build-lexicons.mjs) next to the compiled code. */
export const PRECOMPILED = fileURLToPath(new URL('../lexicons.compiled.json', HERE));

/**
 * Whether this code runs from the bundle: there every module shares the bundle file's URL, so this
 * module's URL does not end in node/paths.js (tsc's output) or node/paths.ts (the sources).
 */
export const IN_BUNDLE = !/\/node\/paths\.[jt]s$/.test(HERE);

/**
 * The scan worker's script: dist/batch/worker.js from tsc's output, dist/bundle/worker.js in the
 * bundle (an entry point of its own, beside cli.js). Under vitest it names src/batch/worker.js,
 * which does not exist, and the pool scans in the main thread.
 */
export const WORKER_SCRIPT = new URL(IN_BUNDLE ? './worker.js' : '../batch/worker.js', HERE);
