import { createRequire } from 'node:module';
import type { z } from 'zod';

const require = createRequire(import.meta.url);
let loaded: typeof z | undefined;

/**
 * zod, loaded on first use (its CommonJS build, synchronously): a run with the built-in lexicons,
 * which are validated at build time, and no config file never pays the ~100 ms of loading it.
 */
export function loadZod(): typeof z {
  return (loaded ??= (require('zod') as { z: typeof z }).z);
}
