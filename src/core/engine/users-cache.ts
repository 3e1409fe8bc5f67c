/**
 * Cache of the users list's per-range work. The aggregates of a range (one pass over every trace in it) depend only
 * on the index and the range, and an index never changes, so they are computed once per range and reused by every
 * search, filter, sort and page change on that range; entries are never invalidated, only evicted (least recently
 * used first) past a small number of ranges to bound memory (about 100 bytes per user per range, plus 8 bytes per
 * user for each sort column built).
 * @module
 */
import type { MsRange } from './time';
import type { TraceIndex } from './trace-index';
import { aggregateUsers, type UserAggregates } from './users-aggregate';
import type { CompiledSort } from './users-sort';

/** What the users list derives from the aggregates of one range. Treat as read-only. */
export interface UsersRangeEntry {
  /** The aggregates of the range. */
  agg: UserAggregates;
  /** Sort key columns by sort id, built on first use. */
  columns: Map<string, Float64Array>;
  /** Positions of the users with at least one trace in range (position order), built on first use. */
  active: Int32Array | null;
}

/** A bounded, least-recently-used cache of {@link UsersRangeEntry} by range, for one index. */
export interface UsersCache {
  /** The index every entry was computed from. */
  readonly idx: TraceIndex;
  /** Most ranges held at once; 0 keeps none. */
  readonly maxRanges: number;
  /** The entry of `range`: the cached one (marked most recently used), or a new one, cached unless `maxRanges` is 0. */
  entry(range: MsRange): UsersRangeEntry;
  /** Ranges held now, least recently used first. */
  ranges(): MsRange[];
}

/** Ranges the memory provider keeps by default: enough for the range presets a users page switches between. */
export const DEFAULT_USERS_CACHE_RANGES = 4;

/** A fresh, uncached entry: aggregates `range` now. */
export function rangeEntry(idx: TraceIndex, range: MsRange): UsersRangeEntry {
  return { agg: aggregateUsers(idx, range), columns: new Map(), active: null };
}

/**
 * Creates the cache of `idx`, holding at most `maxRanges` ranges (default {@link DEFAULT_USERS_CACHE_RANGES}).
 * @throws RangeError when `maxRanges` is not an integer ≥ 0.
 */
export function createUsersCache(idx: TraceIndex, maxRanges: number = DEFAULT_USERS_CACHE_RANGES): UsersCache {
  if (!Number.isSafeInteger(maxRanges) || maxRanges < 0) throw new RangeError(`maxRanges must be an integer ≥ 0, got ${maxRanges}`);
  const entries = new Map<string, { range: MsRange; entry: UsersRangeEntry }>();
  return {
    idx,
    maxRanges,
    entry(range) {
      const key = `${range.from}/${range.to}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.entry;
      }
      const entry = rangeEntry(idx, range);
      if (maxRanges === 0) return entry;
      entries.set(key, { range: { from: range.from, to: range.to }, entry });
      if (entries.size > maxRanges) entries.delete(entries.keys().next().value as string);
      return entry;
    },
    ranges: () => Array.from(entries.values(), (e) => ({ ...e.range })),
  };
}

/** The column of `sort` over the entry's aggregates, built once per entry. */
export function entryColumn(entry: UsersRangeEntry, sort: CompiledSort): Float64Array {
  let column = entry.columns.get(sort.id);
  if (!column) {
    column = sort.build(entry.agg);
    entry.columns.set(sort.id, column);
  }
  return column;
}

/** Positions of the users with at least one trace in the entry's range, computed once per entry. */
export function activeUsers(entry: UsersRangeEntry): Int32Array {
  if (!entry.active) {
    const { traceCount, userCount } = entry.agg;
    const out = new Int32Array(entry.agg.baseline.userCount);
    let n = 0;
    for (let u = 0; u < userCount; u++) if (traceCount[u] > 0) out[n++] = u;
    entry.active = out;
  }
  return entry.active;
}
