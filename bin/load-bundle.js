'use strict';
// Runs the CLI bundle (dist/bundle/cli.js, built by scripts/bundle-cli.mjs) as Node runs a CommonJS
// module, but compiled with V8's code cache for it (dist/bundle/cli.js.cache, which the build writes
// after a sample run) when there is one: start-up then skips most of the parsing and compiling.
// V8 refuses a cache made by another V8 or under other flags, or cut short, and compiles as usual.
// It does not check the rest (damaged data can crash it, and it compares only the length of the
// source), so the cache file starts with a CRC-32 of the data, and one older than the bundle is not used.
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'cli.js');
const cacheOf = (bundle) => `${bundle}.cache`;

/** The CRC-32 of the data (zlib.crc32 is in Node from 20.15), or undefined. */
function crc32(data) {
  const { crc32: crc } = require('node:zlib');
  return crc ? crc(data) : undefined;
}

/** The cache file's content for V8's data. */
function cacheFile(data) {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(crc32(data) ?? 0);
  return Buffer.concat([head, data]);
}

/** V8's data from the bundle's cache file, when it is intact and not older than the bundle. */
function freshCache(bundle) {
  try {
    if (statSync(cacheOf(bundle)).mtimeMs < statSync(bundle).mtimeMs) return undefined;
    const file = readFileSync(cacheOf(bundle));
    const data = file.subarray(4);
    return file.length > 4 && file.readUInt32LE(0) === crc32(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle's exports, and its compiled script (to make the cache from after a run). */
function loadBundle({ bundle = BUNDLE, cache = true } = {}) {
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n});`, {
    filename: bundle,
    cachedData: cache ? freshCache(bundle) : undefined,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script };
}

module.exports = { BUNDLE, cacheFile, cacheOf, loadBundle };
