#!/usr/bin/env node
// Writes lexicons/schema.json, the JSON Schema of a lexicon category file, generated from the zod
// schema the loader validates with (so the two never disagree). Lexicon files may point at it with
// "$schema": "../schema.json" for completion and checks in editors.
//
//   npm run lexicon-schema              # build, then write lexicons/schema.json
//   node scripts/lexicon-schema.mjs --check   # exit 1 when the checked-in file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// Build-time internals the library has no business exporting: the zod schemas of lexicon files.
import { lexiconSchemas } from '../dist/core/lexicon/schema.js';
import { loadZod } from '../dist/core/lexicon/zod.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../lexicons/schema.json', import.meta.url));

/** The text of lexicons/schema.json. */
export function lexiconSchemaText() {
  // io: 'input' describes what may be written in a file (before any defaults are filled in).
  // The same zod instance the schemas were built with.
  const schema = { ...loadZod().toJSONSchema(lexiconSchemas().lexiconFileSchema, { io: 'input' }), title: 'scamscan lexicon file' };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = lexiconSchemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      /* missing counts as out of date */
    }
    if (current !== text) {
      process.stderr.write('lexicons/schema.json is out of date: run npm run lexicon-schema\n');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write('wrote lexicons/schema.json\n');
  }
}
