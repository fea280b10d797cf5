import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const TRANSCRIPT_EXTENSIONS = ['txt', 'srt', 'vtt', 'json', 'jsonl', 'csv'];

/**
 * Transcript files under the paths, sorted: folders are walked recursively, skipping hidden
 * folders and node_modules; files given by name are kept whatever their extension. Paths that
 * cannot be read are returned too, so that the caller reports them rather than dropping them.
 */
export function walk(paths: string[], extensions = TRANSCRIPT_EXTENSIONS): string[] {
  const out: string[] = [];
  const visit = (path: string, top: boolean) => {
    let isDir = false;
    try {
      const st = statSync(path);
      isDir = st.isDirectory();
      if (!isDir && !st.isFile() && !top) return;
    } catch {
      out.push(path);
      return;
    }
    if (!isDir) {
      const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
      if (top || extensions.includes(ext)) out.push(path);
      return;
    }
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      out.push(path);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      visit(join(path, name), false);
    }
  };
  for (const p of paths) visit(p, true);
  return [...new Set(out)].sort();
}
