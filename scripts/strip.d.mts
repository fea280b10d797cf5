// Types of scripts/strip.mjs, for the type-checked tests that import it.
export function speakerLabels(lines: string[]): Set<string>;
export function stripPunctuation(text: string): string;
export function stripPlain(text: string, options?: { join?: boolean }): string;
export function stripCues(text: string): string;
export function stripJson(text: string): string;
export function formatOf(text: string): 'json' | 'srt' | 'vtt' | 'text';
export function strip(text: string, options?: { join?: boolean }): string;
