/**
 * A small LRU cache of population baselines per range. Entries expire after `ttlMs` (other processes may write to
 * the database) and are dropped at once by `clear()` (this process's ingests call it).
 * @module
 */
import type { MsRange, PopulationBaseline } from 'userscope/core';

/** A cache of baselines keyed by range. */
export interface BaselineCache {
  /** The cached baseline of `range`, or `compute`'s (cached when it resolves). */
  get(range: MsRange, compute: () => Promise<PopulationBaseline>): Promise<PopulationBaseline>;
  /** Drops every entry. */
  clear(): void;
}

/** A cache holding at most `capacity` ranges for at most `ttlMs` each. */
export function createBaselineCache(capacity: number, ttlMs: number): BaselineCache {
  const entries = new Map<string, { at: number; value: Promise<PopulationBaseline> }>();
  return {
    get(range, compute) {
      const key = `${range.from}:${range.to}`;
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = compute();
      entries.set(key, { at: Date.now(), value });
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      while (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
    clear: () => entries.clear(),
  };
}
