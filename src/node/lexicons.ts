import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { ScamscanError } from '../errors.js';
import type { Language } from '../types.js';
import type { LexiconSet } from '../core/lexicon/compile.js';
import { lexiconSchemas } from '../core/lexicon/schema.js';
import { entryIdAt } from '../core/lexicon/entryId.js';

import { BUILTIN_DIR } from './paths.js';
import { issuePath } from './issuePath.js';

/** The built-in lexicon folder (defined in paths.ts), beside the loader of lexicon folders. */
export { BUILTIN_DIR };

/** `entries[3].phrases[1]` from a zod issue path. */
const pathText = (path: ReadonlyArray<PropertyKey>): string => issuePath(path) || '(top level)';

function readJson<T>(file: string, schema: z.ZodType<T>, shown: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ScamscanError(`not valid JSON: ${(e as Error).message}`, shown);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const entry = entryIdAt(raw, issue.path); // name the entry by its id as well
    throw new ScamscanError(`${pathText(issue.path)}: ${issue.message}${entry ? ` (entry ${entry})` : ''}`, shown);
  }
  return parsed.data;
}

/** The lexicon JSON files under a folder, sorted (schema.json, the editors' schema, is not one). */
export function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (name.endsWith('.json') && name !== 'schema.json') out.push(full);
  }
  return out;
}

/**
 * Reads and validates every lexicon file in the folders, in order: later folders add entries and
 * override entries with the same id, language profiles and the model. The first folder must be complete.
 */
export function loadLexiconSet(dirs: string[] = [BUILTIN_DIR]): LexiconSet {
  const set: Partial<LexiconSet> & Pick<LexiconSet, 'files' | 'profiles'> = { files: [], profiles: {} };
  // Folders and files are known by their real path: the built-in folder named again (`lexicons check
  // lexicons`) is loaded once, and a user's file never shares a shown name with another file.
  const loaded = new Set<string>();
  const shownFiles = new Map<string, string>();
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  for (const dir of dirs) {
    let files: string[];
    try {
      files = jsonFiles(dir);
    } catch (e) {
      throw new ScamscanError(`cannot read lexicon folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, dir);
    }
    const realDir = real(dir);
    if (loaded.has(realDir)) continue;
    loaded.add(realDir);
    for (const file of files) {
      let shown = dir === BUILTIN_DIR ? join('lexicons', relative(dir, file)) : file;
      const realFile = real(file);
      if ((shownFiles.get(shown) ?? realFile) !== realFile) shown = realFile;
      shownFiles.set(shown, realFile);
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (name === 'model.json') set.model = readJson(file, lexiconSchemas().modelSchema, shown);
      else if (name === 'language.json') {
        const profile = readJson(file, lexiconSchemas().languageProfileSchema, shown);
        set.profiles[profile.language as Language] = profile;
      } else if (name === 'classes.json') {
        // A later folder's class of the same name replaces the earlier one.
        const classFile = readJson(file, lexiconSchemas().classFileSchema, shown);
        const lang = classFile.language as Language;
        const classes = ((set.classes ??= {})[lang] ??= {});
        for (const [cls, members] of Object.entries(classFile.classes)) classes[cls] = { path: shown, members };
      } else set.files.push({ path: shown, data: readJson(file, lexiconSchemas().lexiconFileSchema, shown) });
    }
  }
  if (!set.model) throw new ScamscanError('no model.json found', dirs[0]);
  return set as LexiconSet;
}
