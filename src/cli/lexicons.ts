import { Command, Option } from 'commander';
import { classifyText, loadLexicons } from '../index.js';
import { ScamscanError } from '../errors.js';
import { safeJson } from '../report/safe.js';
import type { Language } from '../types.js';
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
  lex
    .command('show')
    .description('show one lexicon entry: its phrases or frames, weight, note, examples and the file it comes from')
    .argument('<id>', 'the entry id, as findings name it (en.remote_access.install-tool)')
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable)', collect)
    .option('--json', 'print the entry as JSON')
    .action((id: string, opts: { lexicons?: string[]; json?: boolean }) => {
      const extra = opts.lexicons ?? state.config?.lexicons.value ?? [];
      const set = loadLexiconSet([BUILTIN_DIR, ...extra]);
      // Later folders override earlier ones: the last file holding the id has the entry in use.
      const found = set.files.flatMap((f) => f.data.entries.filter((e) => e.id === id).map((e) => ({ file: f.path, data: f.data, entry: e }))).pop();
      if (!found) {
        const near = [...new Set(set.files.flatMap((f) => f.data.entries.map((e) => e.id)))]
          .filter((other) => other.includes(id.split('.').pop() ?? id))
          .slice(0, 5);
        throw new ScamscanError(`no lexicon entry "${id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
      }
      const { file, data, entry } = found;
      if (opts.json) {
        io.stdout(safeJson({ file, category: data.category, language: data.language, ...entry }, 2) + '\n');
        return;
      }
      const out = [`${entry.id}  (${data.category}, ${data.language}, weight ${entry.weight})`, `file: ${file}`, `note: ${entry.note}`];
      const list = (name: string, items: readonly unknown[] | undefined) => {
        if (!items?.length) return;
        out.push(`${name}:`);
        for (const item of items) out.push(`  ${typeof item === 'string' ? item : JSON.stringify(item)}`);
      };
      list('phrases', entry.phrases);
      list('frames', entry.frames);
      list('examples', entry.examples);
      list('counter-examples', entry.counterExamples);
      io.stdout(out.map(safeText).join('\n') + '\n');
    });
  lex
    .command('test')
    .description('show which lexicon entries match a sentence, and where')
    .argument('<sentence>', 'the text to try, as said (a line of a transcript)')
    .addOption(new Option('-l, --lang <language>', 'the language (default: detected)').choices(['en', 'fr']))
    .option(LEXICONS_FLAGS, 'an extra lexicon folder (repeatable)', collect)
    .option('--json', 'print the matches as JSON')
    .action((sentence: string, opts: { lang?: Language; lexicons?: string[]; json?: boolean }) => {
      const lexicons = loadLexicons(opts.lexicons ?? state.config?.lexicons.value ?? []);
      // Read as one utterance, exactly as classify reads it (context, negation and roles included).
      const r = classifyText(sentence, { file: '-', ...(opts.lang ? { language: opts.lang } : {}) }, lexicons);
      const matches = r.findings.map((f) => ({
        id: f.id,
        category: f.category,
        text: f.text,
        column: f.column,
        utterance: f.utterance,
        weight: f.weight,
        effective: f.effective,
        modifiers: f.modifiers,
        source: f.source,
      }));
      if (opts.json) {
        io.stdout(safeJson({ text: sentence, language: r.language, matches }, 2) + '\n');
        return;
      }
      io.stdout(
        `${safeText(JSON.stringify(sentence))} (${r.language}): ${matches.length ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : 'no entry matches'}\n`,
      );
      for (const m of matches) {
        const where = `${r.utterances > 1 ? `#${m.utterance} ` : ''}col ${m.column}`;
        const mods = m.modifiers.length ? ` [${m.modifiers.join(', ')}: counts ${m.effective} of ${m.weight}]` : '';
        io.stdout(`  ${where.padEnd(8)} ${safeText(JSON.stringify(m.text))}  ${m.id} (${m.category}, weight ${m.weight})${mods}  ${safeText(m.source)}\n`);
      }
      // The sentence's own column ruler: where each match starts, under the sentence.
      if (matches.length && r.utterances === 1 && !/[\n\r]/.test(sentence)) {
        io.stdout(`  ${safeText(sentence)}\n`);
        const marks = Array.from(safeText(sentence), () => ' ');
        for (const f of r.findings) {
          const from = f.column - 1;
          const len = Array.from(f.text).length;
          for (let i = from; i < from + len && i < marks.length; i++) marks[i] = marks[i] === ' ' ? '^' : marks[i]!;
        }
        io.stdout(`  ${marks.join('').trimEnd()}\n`);
      }
    });
}
