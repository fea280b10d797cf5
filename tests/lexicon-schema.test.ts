import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types; it reads the zod schema from the built dist/
import { lexiconSchemaText, SCHEMA_FILE } from '../scripts/lexicon-schema.mjs';

describe('lexicons/schema.json', () => {
  it('is what npm run lexicon-schema generates from the zod schema (run it after changing src/core/lexicon/schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(lexiconSchemaText());
  });

  it('describes a category file strictly, as the loader does', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['category', 'language', 'entries']);
    expect(schema.properties.entries.items.required).toEqual(['id', 'weight', 'note', 'examples']);
  });
});
