import { mkdtempSync, readFileSync, readdirSync, cpSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBytes } from '../src/index.js';
import { compileLexicons } from '../src/core/lexicon/compile.js';
import { loadLexiconSet } from '../src/node/lexicons.js';
import { BUILTIN_DIR } from '../src/node/paths.js';
import { deserializeLexicons, serializeLexicons } from '../src/core/lexicon/serialize.js';
import { lexiconFingerprint, loadPrecompiled } from '../src/node/precompiled.js';
import { ROOT } from './helpers.js';

const fresh = compileLexicons(loadLexiconSet([BUILTIN_DIR]));
const loaded = deserializeLexicons(JSON.parse(JSON.stringify(serializeLexicons(fresh))));

describe('precompiled built-in lexicons', () => {
  it('classify every sample and devset call exactly as freshly compiled ones', () => {
    for (const dir of ['samples', 'devset']) {
      for (const name of readdirSync(join(ROOT, dir)).filter((f) => !/\.(csv|md)$/.test(f))) {
        const bytes = readFileSync(join(ROOT, dir, name));
        expect(classifyBytes(bytes, { file: name }, loaded)).toEqual(classifyBytes(bytes, { file: name }, fresh));
      }
    }
  });

  it('keep every entry with its examples, and the brands and model', () => {
    expect([...loaded.entries.keys()]).toEqual([...fresh.entries.keys()]);
    expect(loaded.entries.get('en.payment.gift-card')).toEqual(fresh.entries.get('en.payment.gift-card'));
    expect(loaded.brands).toEqual(fresh.brands);
    expect(loaded.model).toEqual(fresh.model);
  });

  it('serialize back to the same data, with every pattern of both languages', () => {
    expect(serializeLexicons(loaded)).toEqual(serializeLexicons(fresh));
  });

  it('are used only while the lexicon files are unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scamscan-lexfp-'));
    cpSync(BUILTIN_DIR, dir, { recursive: true });
    const file = join(mkdtempSync(join(tmpdir(), 'scamscan-compiled-')), 'compiled.json');
    writeFileSync(file, JSON.stringify({ ...serializeLexicons(fresh), fingerprint: lexiconFingerprint(dir) }));
    expect(loadPrecompiled(dir, file)?.entries.size).toBe(fresh.entries.size);
    utimesSync(join(dir, 'en', 'payment.json'), new Date(), new Date(Date.now() + 5_000));
    expect(loadPrecompiled(dir, file)).toBeNull();
  });
});
