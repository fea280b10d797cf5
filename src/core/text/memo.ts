/**
 * Stores `value` under `key` in a cache and returns it. A cache that has reached `limit` entries is
 * emptied first, so caches keyed by words or names stay bounded whatever the vocabulary of a batch.
 * Pure memoization: what the caches hold is recomputed identically after they are emptied.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
