import { readFileSync } from 'node:fs';
import { ScamscanError } from '../../errors.js';
import { issuePath } from '../issuePath.js';
import { configSchema, type Config } from './schema.js';

/** Reads and validates a config file; every problem is one line naming the file and the key. */
export function readConfig(file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScamscanError(code ? `cannot read config file (${code})` : `not valid JSON: ${(e as Error).message}`, file);
  }
  const parsed = configSchema().safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issuePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (where ? `${where}.${k}` : k));
    const known = where
      ? ''
      : ` (known: ${Object.keys(configSchema().shape)
          .filter((k) => k !== '$schema')
          .join(', ')})`;
    throw new ScamscanError(`unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}${known}`, file);
  }
  throw new ScamscanError(`${where || '(top level)'}: ${issue.message}`, file);
}
