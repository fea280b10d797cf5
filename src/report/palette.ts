import type { ChalkInstance } from 'chalk';
import type { Category, Verdict } from '../types.js';

type Style = (c: ChalkInstance) => ChalkInstance;

/**
 * The terminal colours of verdicts, in one palette: `badge` where the verdict stands alone
 * (classify, --explain: ` SCAM ` on red), `text` where it heads a line of a list (the scan summary).
 */
export const VERDICT_PALETTE: Record<Verdict, { badge: Style; text: Style }> = {
  scam: { badge: (c) => c.bold.white.bgRed, text: (c) => c.bold.red },
  suspicious: { badge: (c) => c.bold.black.bgYellow, text: (c) => c.bold.yellow },
  clean: { badge: (c) => c.bold.black.bgGreen, text: (c) => c.green },
};

/**
 * The terminal colour of each category, wherever a finding or category is shown. A 16-colour
 * terminal has six hues: each stage gets its own (payment and credentials, both the payment stage,
 * share red, credentials in bold), pressure is bold without a hue, counter-signals are green.
 */
export const CATEGORY_COLOR: Record<Category, Style> = {
  hook: (c) => c.magenta,
  authority: (c) => c.blue,
  remote_access: (c) => c.cyan,
  fake_proof: (c) => c.yellow,
  payment: (c) => c.red,
  credentials: (c) => c.bold.redBright,
  pressure: (c) => c.bold.whiteBright,
  counter: (c) => c.green,
};
