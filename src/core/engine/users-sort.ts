/**
 * Sorting of the users list on typed arrays: each sort key becomes a Float64Array column over user positions
 * (`NaN` = unknown, always last), positions are ordered with one comparator, and only the rows up to the requested
 * page are fully ordered (a bounded heap keeps the best `k` when `k` is small). String keys also carry a precomputed
 * order (see `users-string-order.ts`) that a single-key sort walks instead.
 * @module
 */
import type { SortingItem } from '../contract';
import { ProviderError } from '../errors';
import type { User } from '../model';
import { USER_METRICS } from '../metrics/user-metrics';
import { parseSorting } from '../params';
import { isUsersSortId, USERS_SORT_IDS } from '../params-filters';
import type { TraceIndex } from './trace-index';
import type { UserAggregates } from './users-aggregate';
import { attentionSeverity } from './users-attention';
import { isStringSortId, stringOrder, type StringOrder } from './users-string-order';

/** One ready sort key. */
export interface SortKey {
  /** Value per user position; `NaN` sorts last in both directions. */
  column: Float64Array;
  /** Descending when true. */
  desc: boolean;
}

/** Builds the column of a sort key once the aggregates exist. */
export type ColumnBuilder = (agg: UserAggregates) => Float64Array;

function perUser(agg: UserAggregates, value: (u: number) => number): Float64Array {
  const out = new Float64Array(agg.userCount);
  for (let u = 0; u < agg.userCount; u++) out[u] = value(u);
  return out;
}

/** The sortable metrics of the registry and `firstSeen` / `lastSeen`, as columns. */
const NUMERIC_COLUMNS: Readonly<Record<string, ColumnBuilder>> = {
  ...Object.fromEntries(USER_METRICS.filter((m) => m.sortable).map((m) => [m.id, (a: UserAggregates) => perUser(a, (u) => m.fromAggregates(a, u))])),
  firstSeen: (a) => a.firstMs,
  lastSeen: (a) => a.lastMs,
};

/** The two columns of the `attention` sort: reason count, then the largest value/baseline ratio (`NaN` without reasons). */
function severityColumn(agg: UserAggregates, part: 'count' | 'ratio'): Float64Array {
  return perUser(agg, (u) => attentionSeverity(agg, u)?.[part] ?? NaN);
}

/** A validated sort item, ready to build its column over the aggregates of any range. */
export interface CompiledSort {
  /** The sort id. */
  id: string;
  /** Descending when true. */
  desc: boolean;
  /** Builds the key column (`NaN` = unknown) from the aggregates of a range. */
  build: ColumnBuilder;
  /** For string keys (`user`, `metadata.<key>`): the precomputed order, independent of the range. */
  stringOrder?: () => StringOrder;
}

/**
 * Validates one sort item: every sortable metric of the registry, `firstSeen`, `lastSeen`, `attention` (severity: two
 * keys, see {@link attentionSeverity}), `user` (display name or id, ICU `en` collation) and `metadata.<key>`. Unknown
 * ids throw `ProviderError('invalid-data')` naming `sorting[i].id`.
 */
function compileSort(idx: TraceIndex, item: SortingItem, i: number): CompiledSort[] {
  const { id, desc } = item;
  const numeric = Object.prototype.hasOwnProperty.call(NUMERIC_COLUMNS, id) ? NUMERIC_COLUMNS[id] : undefined;
  if (numeric) return [{ id, desc, build: numeric }];
  if (id === 'attention') {
    return [
      { id: 'attention', desc, build: (a) => severityColumn(a, 'count') },
      { id: 'attention.ratio', desc, build: (a) => severityColumn(a, 'ratio') },
    ];
  }
  if (isStringSortId(id)) {
    const order = (): StringOrder => stringOrder(idx, id);
    return [{ id, desc, build: () => order().rank, stringOrder: order }];
  }
  throw new ProviderError('invalid-data', `Unknown users sort "${id}"`, { field: `sorting[${i}].id` });
}

/** Compiles sort items (an `attention` item becomes two keys), validating every item first (`parseSorting`: at most `MAX_SORT_KEYS`, known ids, boolean `desc`). */
export function compileSorting(idx: TraceIndex, sorting: readonly SortingItem[]): CompiledSort[] {
  return parseSorting(sorting, isUsersSortId, `${USERS_SORT_IDS.join(', ')}, metadata.<key>`).flatMap((item, i) => compileSort(idx, item, i));
}

/** Comparator over user positions: keys in order (unknown last), then user id ascending. */
export function userComparator(keys: readonly SortKey[], users: readonly User[]): (a: number, b: number) => number {
  return (a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const { column, desc } = keys[k];
      const x = column[a];
      const y = column[b];
      const xUnknown = x !== x;
      const yUnknown = y !== y;
      if (xUnknown || yUnknown) {
        if (xUnknown && yUnknown) continue;
        return xUnknown ? 1 : -1;
      }
      if (x < y) return desc ? 1 : -1;
      if (x > y) return desc ? -1 : 1;
    }
    const ia = users[a].id;
    const ib = users[b].id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}

/** Restores the max-heap property (by `cmp`) below `i` in `heap[0..n)`. */
function siftDown(heap: Int32Array, n: number, i: number, cmp: (a: number, b: number) => number): void {
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) return;
    const r = l + 1;
    const c = r < n && cmp(heap[r], heap[l]) > 0 ? r : l;
    if (cmp(heap[c], heap[i]) <= 0) return;
    const t = heap[i];
    heap[i] = heap[c];
    heap[c] = t;
    i = c;
  }
}

/**
 * The first `k` of `positions` in `cmp` order, sorted. Uses a bounded max-heap when `k` is small relative to the
 * input (O(n log k)), a full sort otherwise. Does not modify `positions`.
 */
export function firstSorted(positions: Int32Array, k: number, cmp: (a: number, b: number) => number): Int32Array {
  const n = positions.length;
  k = Math.min(k, n);
  if (k <= 0) return new Int32Array(0);
  if (k * 8 >= n) return positions.slice().sort(cmp).subarray(0, k);
  const heap = positions.slice(0, k);
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(heap, k, i, cmp);
  for (let i = k; i < n; i++) {
    const p = positions[i];
    if (cmp(p, heap[0]) < 0) {
      heap[0] = p;
      siftDown(heap, k, 0, cmp);
    }
  }
  return heap.sort(cmp);
}
