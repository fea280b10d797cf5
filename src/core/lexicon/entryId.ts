/** The id of the entry a validation issue is in (path `entries[3]…`), when the file gives one: errors name it. */
export function entryIdAt(raw: unknown, path: ReadonlyArray<PropertyKey>): string | null {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') return null;
  const entry = (raw as { entries?: unknown[] } | null)?.entries?.[path[1]];
  const id = (entry as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id.length <= 100 ? id : null;
}
