const BARS = '▁▂▃▄▅▆▇█';

/** A run of consecutive values shown as one: `from` and `to` are indexes (inclusive), `value` its highest. */
export interface Bucket {
  from: number;
  to: number;
  value: number;
}

/**
 * Groups values into at most `width` buckets of consecutive values, each showing its highest, so a
 * spike of risk never disappears when a long call is squeezed into a narrow terminal.
 */
export function buckets(values: readonly number[], width: number): Bucket[] {
  const n = Math.max(1, Math.floor(width));
  const count = Math.min(values.length, n);
  const out: Bucket[] = [];
  for (let b = 0; b < count; b++) {
    const from = Math.floor((b * values.length) / count);
    const to = Math.floor(((b + 1) * values.length) / count) - 1;
    let value = -Infinity;
    for (let i = from; i <= to; i++) value = Math.max(value, values[i]!);
    out.push({ from, to, value });
  }
  return out;
}

/** One block character for a value in [0, 1]: ▁ for 0, █ for 1. */
export function bar(value: number): string {
  const v = Math.max(0, Math.min(1, value));
  return BARS[Math.min(BARS.length - 1, Math.floor(v * BARS.length))]!;
}

/** Values in [0, 1] as a sparkline at most `width` characters wide. */
export function sparkline(values: readonly number[], width: number): string {
  return buckets(values, width)
    .map((b) => bar(b.value))
    .join('');
}
