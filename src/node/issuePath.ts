/** Where a zod issue is, as a user writes it: `thresholds.scam`, `entries[3].phrases[1]`, `allow[2]`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
