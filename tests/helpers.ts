import { fileURLToPath } from 'node:url';
import { compileLexicons } from '../src/core/lexicon/compile.js';
import { loadLexiconSet } from '../src/node/lexicons.js';

export const FIXTURE_LEXICONS = fileURLToPath(new URL('./fixtures/lexicons/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A small, fixed lexicon set so engine tests do not move when the built-in lexicons are tuned. */
export const fixtureLexicons = () => compileLexicons(loadLexiconSet([FIXTURE_LEXICONS]));
