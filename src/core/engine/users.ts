/**
 * The users list (`listUsers`) over a {@link TraceIndex}: aggregate every user in one columnar pass, filter and
 * sort user positions on typed arrays, and materialise `UserRow` objects only for the returned page.
 * @module
 */
import type { FilterItem, OffsetPagination, SortingItem } from '../contract';
import { parsePagination, parseSearch, sparklineGranularity } from '../params';
import type { Granularity } from '../model';
import { userMetricValues } from '../metrics/user-metrics';
import type { Page, SparkPoint, UserRow } from '../results';
import { bucketSizeMs, bucketStarts, toIso, type MsRange } from './time';
import type { TraceIndex } from './trace-index';
import type { UserAggregates } from './users-aggregate';
import { attentionReasons } from './users-attention';
import { activeUsers, entryColumn, rangeEntry, type UsersCache, type UsersRangeEntry } from './users-cache';
import { compileFilters, compileSearch, matchingUsers } from './users-filters';
import { compileSorting, firstSorted, userComparator, type CompiledSort } from './users-sort';
import { walkStringOrder } from './users-string-order';

export { aggregateUsers, type PopulationBaseline, type UserAggregates } from './users-aggregate';
export { createUsersCache, DEFAULT_USERS_CACHE_RANGES, type UsersCache, type UsersRangeEntry } from './users-cache';
export { ATTENTION_BIT, ATTENTION_RULE, attentionReasons } from './users-attention';
export { summarizeUsers } from './users-summary';

/** Params of {@link queryUsers}: `ListUsersParams` with the range in epoch ms. */
export interface QueryUsersParams {
  /** Half-open range in epoch ms. */
  range: MsRange;
  /** Case-insensitive substring over id, display name, email and metadata values. */
  search?: string;
  /** Column filters (ids: `metadata.<key>`, `status`, `model`, `attention`). */
  filters?: readonly FilterItem[];
  /** Sort keys, first wins; default `lastSeen` descending. Ties always end on user id ascending. */
  sorting?: readonly SortingItem[];
  /** Page; default `{ pageIndex: 0, pageSize: 50 }`. */
  pagination?: OffsetPagination;
  /** Sparkline bucket size; default `sparklineGranularity(range)`: `day`, or `week` over long ranges. */
  sparkGranularity?: Granularity;
}

/** Sorting used when none (or an empty list) is given. */
export const DEFAULT_USERS_SORTING: readonly SortingItem[] = [{ id: 'lastSeen', desc: true }];

/** Page used when none is given. */
export const DEFAULT_USERS_PAGINATION: Readonly<OffsetPagination> = { pageIndex: 0, pageSize: 50 };

/** The sparkline buckets of a query: bucket starts (epoch ms and ISO, formatted once per query) and size. */
interface SparkBuckets {
  /** Bucket starts, epoch ms. */
  starts: readonly number[];
  /** The same starts as ISO strings. */
  isoStarts: readonly string[];
  /** Bucket length in ms. */
  size: number;
}

function sparkBuckets(range: MsRange, granularity: Granularity): SparkBuckets {
  const starts = bucketStarts(range, granularity);
  return { starts, isoStarts: starts.map(toIso), size: bucketSizeMs(granularity) };
}

function sparkline(idx: TraceIndex, agg: UserAggregates, u: number, buckets: SparkBuckets): SparkPoint[] {
  const { starts, isoStarts, size } = buckets;
  const traces = new Int32Array(starts.length);
  const errors = new Int32Array(starts.length);
  const first = starts[0];
  for (let r = agg.rowLo[u]; r < agg.rowHi[u]; r++) {
    const b = Math.floor((idx.startMs[r] - first) / size);
    traces[b]++;
    errors[b] += idx.isError[r];
  }
  const out = new Array<SparkPoint>(starts.length);
  for (let b = 0; b < starts.length; b++) out[b] = { t: isoStarts[b], traceCount: traces[b], errorCount: errors[b] };
  return out;
}

/** Builds the `UserRow` of user `u` (who has at least one trace in range). */
function userRow(idx: TraceIndex, agg: UserAggregates, u: number, buckets: SparkBuckets): UserRow {
  return {
    user: idx.users[u],
    ...userMetricValues(agg, u),
    firstSeen: toIso(agg.firstMs[u]),
    lastSeen: toIso(agg.lastMs[u]),
    sparkline: sparkline(idx, agg, u, buckets),
    attention: attentionReasons(agg, u),
  };
}

/**
 * The first `k` of `matching` in sort order. A sort led by a string key whose order decides alone (a single key, or
 * `user`, whose ranks are all distinct) walks that key's precomputed order; any other sort orders the cached key
 * columns with one comparator (a bounded heap for small `k`).
 */
function firstInOrder(
  idx: TraceIndex,
  entry: UsersRangeEntry,
  sorting: readonly CompiledSort[],
  matching: Int32Array,
  filtered: boolean,
  k: number,
): Int32Array {
  const lead = sorting[0];
  const order = lead.stringOrder?.();
  if (order && (sorting.length === 1 || order.groupStart === null)) {
    const { traceCount } = entry.agg;
    if (!filtered) return walkStringOrder(order, lead.desc, k, (u) => traceCount[u] > 0);
    const member = new Uint8Array(idx.users.length);
    for (let i = 0; i < matching.length; i++) member[matching[i]] = 1;
    return walkStringOrder(order, lead.desc, k, (u) => member[u] === 1);
  }
  const keys = sorting.map((s) => ({ column: entryColumn(entry, s), desc: s.desc }));
  return firstSorted(matching, k, userComparator(keys, idx.users));
}

/**
 * The whole `listUsers`: users with at least one trace in `range`, narrowed by search and filters, sorted (unknown
 * values last in both directions, ties by user id) and paged. `total` counts every matching user. Throws
 * `ProviderError('invalid-data')` naming `filters[i].id`, `filters[i].value`, `sorting[i].id`, `search` or
 * `pagination.*` (page size at most `MAX_PAGE_SIZE`).
 *
 * With a `cache` (from `createUsersCache` for this same `idx`) the range's aggregates and sort columns are reused
 * across calls, so a search, filter, sort or page change on a range already seen skips the aggregation pass; the
 * answers are the same with or without it.
 */
export function queryUsers(idx: TraceIndex, params: QueryUsersParams, cache?: UsersCache): Page<UserRow> {
  if (cache && cache.idx !== idx) throw new Error('queryUsers: the cache belongs to another index');
  const { pageIndex, pageSize } = parsePagination(params.pagination);
  const search = compileSearch(idx, parseSearch(params.search));
  const predicates = compileFilters(idx, params.filters);
  if (search) predicates.unshift(search);
  const sorting = compileSorting(idx, params.sorting?.length ? params.sorting : DEFAULT_USERS_SORTING);

  const entry = cache ? cache.entry(params.range) : rangeEntry(idx, params.range);
  const agg = entry.agg;
  const filtered = predicates.length > 0;
  const matching = filtered ? matchingUsers(agg, predicates) : activeUsers(entry);
  const start = pageIndex * pageSize;
  if (start >= matching.length) return { rows: [], total: matching.length };

  const ordered = firstInOrder(idx, entry, sorting, matching, filtered, start + pageSize);
  const buckets = sparkBuckets(params.range, params.sparkGranularity ?? sparklineGranularity(params.range));
  const rows = Array.from(ordered.subarray(start), (u) => userRow(idx, agg, u, buckets));
  return { rows, total: matching.length };
}
