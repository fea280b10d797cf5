import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { childPath, fsPath } from '../node/rawNames.js';
import { fileKind, fsError } from '../node/read.js';
import { CONFIG_NAMES } from '../node/config/schema.js';
import { compileGlob, globMatch, type Glob } from './glob.js';
import { isIgnored, readIgnore, type IgnoreRules } from './ignore.js';

export const TRANSCRIPT_EXTENSIONS = ['txt', 'srt', 'vtt', 'json', 'jsonl', 'csv'];

export interface WalkOptions {
  /** Extensions picked in folders when there is no `include` (default: transcript extensions). */
  extensions?: string[];
  /** Globs a file found in a folder must match (replacing the extension rule). */
  include?: string[];
  /** Globs of files and folders to skip. */
  exclude?: string[];
  /** Follow symbolic links found in folders (named paths are always followed). Default false. */
  followSymlinks?: boolean;
  /** Honour .scamscanignore files. Default false. */
  ignoreFiles?: boolean;
  /** Told about what was skipped for a reason the user may want to know (a symbolic link loop). */
  onNote?: (path: string, message: string) => void;
}

/** A file to scan; `error` when the path could not be walked or read, so it is reported rather than dropped. */
export interface WalkEntry {
  path: string;
  /** Size in bytes from the walk (0 when unknown). */
  size: number;
  error?: string;
}

const ext = (path: string) => {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};
const slash = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));
const dirKey = (st: Stats) => `${st.dev}:${st.ino}`;

/** Why a path given or linked cannot be walked: a dangling link reads better than "no such file". */
function statError(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    try {
      if (lstatSync(fsPath(path)).isSymbolicLink()) return 'dangling symbolic link';
    } catch {
      /* the path itself is missing */
    }
  }
  if (code === 'ELOOP') return 'symbolic link loop';
  return fsError(e, path).problem;
}

/**
 * Transcript files under the paths, sorted by path: folders are walked recursively, skipping hidden
 * names, node_modules and scamscan.config.json; files given by name are kept whatever their extension, include or ignore
 * rules. Folder loops are detected by device and inode, so following links always ends.
 */
export function walkEntries(paths: string[], opts: WalkOptions = {}): WalkEntry[] {
  const extensions = opts.extensions ?? TRANSCRIPT_EXTENSIONS;
  const include: Glob[] = (opts.include ?? []).map(compileGlob);
  const exclude = (opts.exclude ?? []).map(compileGlob);
  const out = new Map<string, WalkEntry>();
  const add = (e: WalkEntry) => void (out.has(e.path) || out.set(e.path, e));
  const visited = new Set<string>();

  // Globs are tried on the path relative to the walked root and on the path as shown.
  const matches = (globs: Array<Glob & { dirOnly?: boolean }>, rel: string, shown: string, isDir: boolean) =>
    globs.some((g) => (!g.dirOnly || isDir) && (globMatch(g, rel) || globMatch(g, shown)));

  const visitDir = (dir: string, root: string, st: Stats, stack: IgnoreRules[], chain: Set<string>, viaLink: boolean) => {
    const key = dirKey(st);
    if (visited.has(key)) {
      if (viaLink) opts.onNote?.(dir, chain.has(key) ? 'symbolic link loop, not followed' : 'folder already scanned through another path');
      return;
    }
    visited.add(key);
    let names: Array<{ name: string; path: string }>;
    try {
      // As bytes: a name that is not UTF-8 is shown with \xHH escapes and opened by its bytes (node/rawNames.ts).
      names = readdirSync(fsPath(dir), { encoding: 'buffer' }).map((raw) => ({ name: raw.toString('utf8'), path: childPath(dir, raw) }));
    } catch (e) {
      add({ path: dir, size: 0, error: fsError(e, dir).problem });
      return;
    }
    const rules = opts.ignoreFiles ? readIgnore(dir) : null;
    const here = rules ? [...stack, rules] : stack;
    const inner = new Set(chain).add(key);
    names.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const { name, path } of names) {
      // A config file is settings, not a call (CONFIG_NAMES[0]: the other name is hidden anyway).
      if (name.startsWith('.') || name === 'node_modules' || name === CONFIG_NAMES[0]) continue;
      const rel = slash(relative(root, path));
      const shown = slash(path);
      let lst: Stats;
      try {
        lst = lstatSync(fsPath(path));
      } catch (e) {
        add({ path, size: 0, error: fsError(e, path).problem }); // vanished since readdir
        continue;
      }
      let target = lst;
      const link = lst.isSymbolicLink();
      if (link) {
        if (!opts.followSymlinks) continue;
        try {
          target = statSync(fsPath(path));
        } catch (e) {
          // A broken link is reported only where a file of that name would have been scanned.
          const wanted = include.length ? matches(include, rel, shown, false) : extensions.includes(ext(name));
          if (wanted && !matches(exclude, rel, shown, false)) add({ path, size: 0, error: statError(e, path) });
          continue;
        }
      }
      const isDir = target.isDirectory();
      if (!isDir && !target.isFile()) {
        // Sockets, FIFOs, devices: never opened (a FIFO with no writer would stop the scan), but
        // reported where a file of that name would have been scanned.
        const wanted = include.length ? matches(include, rel, shown, false) : extensions.includes(ext(name));
        if (wanted && !matches(exclude, rel, shown, false)) add({ path, size: 0, error: `${fileKind(target)}, not a regular file: not read` });
        continue;
      }
      if (matches(exclude, rel, shown, isDir)) continue;
      if (here.length && isIgnored(here, (base) => slash(relative(base, path)), isDir)) continue;
      if (isDir) {
        visitDir(path, root, target, here, inner, link);
        continue;
      }
      const wanted = include.length ? matches(include, rel, shown, false) : extensions.includes(ext(name));
      if (wanted) add({ path, size: target.size });
    }
  };

  for (const path of paths) {
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      add({ path, size: 0, error: statError(e, path) });
      continue;
    }
    if (st.isDirectory()) visitDir(path, path, st, [], new Set(), false);
    else add({ path, size: st.size });
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Transcript file paths under the paths, sorted (the eval command's walk): links are followed,
 * ignore files are not read, and paths that cannot be read are returned for the caller to report.
 */
export function walk(paths: string[], extensions = TRANSCRIPT_EXTENSIONS): string[] {
  return walkEntries(paths, { extensions, followSymlinks: true }).map((e) => e.path);
}
