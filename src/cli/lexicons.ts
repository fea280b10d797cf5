import { Command } from 'commander';
import { loadLexicons } from '../index.js';
import { checkExamples } from '../core/match/check.js';
import { compileLexicons } from '../core/lexicon/compile.js';
import { loadLexiconSet } from '../node/lexicons.js';
import { BUILTIN_DIR } from '../node/paths.js';
import { safeText } from '../report/safe.js';
import { CATEGORIES } from '../types.js';
import type { CliIO } from './io.js';
import { collect, LEXICONS_FLAGS, type CliState } from './shared.js';

export function lexiconsCommand(cmd: Command, io: CliIO, state: CliState): void {
  const lex = cmd.command('lexicons').description('inspect and check lexicons');
  lex
    .command('check')
    .description('validate lexicon folders and run every entry example and counter-example')
    .argument('[dirs...]', "lexicon folders to check after the built-in ones (none: the config file's, if any)")
    .action((dirs: string[]) => {
      const extra = dirs.length ? dirs : (state.config?.lexicons.value ?? []);
      const compiled = compileLexicons(loadLexiconSet([BUILTIN_DIR, ...extra]));
      const failures = checkExamples(compiled);
      for (const f of failures) io.stderr(`${safeText(f.file)}: ${f.id}: ${safeText(f.message)}\n`);
      io.stdout(`${compiled.entries.size} entries checked, ${failures.length} failure${failures.length === 1 ? '' : 's'}\n`);
      state.outcome = { failed: failures.length > 0 };
    });
  lex
    .command('list')
    .description('show categories, entry counts and languages')
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable)', collect)
    .action((opts: { lexicons?: string[] }) => {
      const compiled = loadLexicons(opts.lexicons ?? []);
      const rows = new Map<string, number>();
      for (const e of compiled.entries.values()) rows.set(`${e.category}\t${e.language}`, (rows.get(`${e.category}\t${e.language}`) ?? 0) + 1);
      io.stdout('category       language  entries\n');
      for (const cat of CATEGORIES)
        for (const lang of ['any', 'en', 'fr']) {
          const n = rows.get(`${cat}\t${lang}`);
          if (n) io.stdout(`${cat.padEnd(14)} ${lang.padEnd(9)} ${n}\n`);
        }
    });
}
