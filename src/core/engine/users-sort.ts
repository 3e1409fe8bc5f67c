/**
 * Sorting of the users list on typed arrays: each sort key becomes a Float64Array column over user positions
 * (`NaN` = unknown, always last), positions are ordered with one comparator, and only the rows up to the requested
 * page are fully ordered (a bounded heap keeps the best `k` when `k` is small).
 * @module
 */
import type { SortingItem } from '../contract';
import { ProviderError } from '../errors';
import type { MetadataValue, User } from '../model';
import type { TraceIndex } from './trace-index';
import type { UserAggregates } from './users-aggregate';

/** One ready sort key. */
export interface SortKey {
  /** Value per user position; `NaN` sorts last in both directions. */
  column: Float64Array;
  /** Descending when true. */
  desc: boolean;
}

/** Builds the column of a sort key once the aggregates exist. */
type ColumnBuilder = (agg: UserAggregates) => Float64Array;

function perUser(agg: UserAggregates, value: (u: number) => number): Float64Array {
  const out = new Float64Array(agg.userCount);
  for (let u = 0; u < agg.userCount; u++) out[u] = value(u);
  return out;
}

/** Numeric `UserRow` fields and `firstSeen` / `lastSeen`, as columns. */
const NUMERIC_COLUMNS: Readonly<Record<string, ColumnBuilder>> = {
  traceCount: (a) => Float64Array.from(a.traceCount),
  conversationCount: (a) => Float64Array.from(a.conversationCount),
  errorCount: (a) => Float64Array.from(a.errorCount),
  successRate: (a) => perUser(a, (u) => (a.traceCount[u] === 0 ? NaN : (a.traceCount[u] - a.errorCount[u]) / a.traceCount[u])),
  latencyP50Ms: (a) => a.latencyP50Ms,
  latencyP95Ms: (a) => a.latencyP95Ms,
  costUsd: (a) => perUser(a, (u) => (a.costCount[u] === 0 ? NaN : a.costUsd[u])),
  costPerTraceUsd: (a) => perUser(a, (u) => (a.costCount[u] === 0 ? NaN : a.costUsd[u] / a.costCount[u])),
  inputTokens: (a) => perUser(a, (u) => (a.inputTokensKnown[u] ? a.inputTokens[u] : NaN)),
  outputTokens: (a) => perUser(a, (u) => (a.outputTokensKnown[u] ? a.outputTokens[u] : NaN)),
  feedbackAvgScore: (a) =>
    perUser(a, (u) => (a.feedbackScoreCount[u] === 0 ? NaN : a.feedbackScoreSum[u] / a.feedbackScoreCount[u])),
  firstSeen: (a) => a.firstMs,
  lastSeen: (a) => a.lastMs,
};

/** Code-point order of lower-cased strings, then of the strings themselves. */
function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of metadata values: numbers ascending, then `false` < `true`, then strings (see {@link compareText}). */
function compareMetadata(a: number | boolean | string, b: number | boolean | string): number {
  const group = (v: number | boolean | string): number => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2);
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) return ga - gb;
  if (typeof a === 'string') return compareText(a, b as string);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rank columns of the string keys (`user`, `metadata.<key>`), cached per index since they do not depend on range. */
const rankCache = new WeakMap<TraceIndex, Map<string, Float64Array>>();

function cachedRanks(idx: TraceIndex, id: string, build: () => Float64Array): Float64Array {
  let byId = rankCache.get(idx);
  if (!byId) {
    byId = new Map();
    rankCache.set(idx, byId);
  }
  let ranks = byId.get(id);
  if (!ranks) {
    ranks = build();
    byId.set(id, ranks);
  }
  return ranks;
}

/** Rank by display name (or id when it has none), ties by id. */
function userRanks(users: readonly User[]): Float64Array {
  const order = users.map((_, u) => u);
  const name = users.map((user) => user.displayName || user.id);
  order.sort((a, b) => compareText(name[a], name[b]) || (users[a].id < users[b].id ? -1 : users[a].id > users[b].id ? 1 : 0));
  const ranks = new Float64Array(users.length);
  order.forEach((u, rank) => (ranks[u] = rank));
  return ranks;
}

/** Rank by `metadata[key]`; equal values share a rank; missing, `null` and `NaN` are `NaN`. */
function metadataRanks(users: readonly User[], key: string): Float64Array {
  const valueOf = (user: User): number | boolean | string | null => {
    if (!Object.prototype.hasOwnProperty.call(user.metadata, key)) return null;
    const v: MetadataValue = user.metadata[key];
    return v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
  };
  const values = users.map(valueOf);
  const distinct = [...new Set(values.filter((v): v is number | boolean | string => v !== null))].sort(compareMetadata);
  const rankOf = new Map(distinct.map((v, i) => [v, i]));
  return Float64Array.from(values, (v) => (v === null ? NaN : (rankOf.get(v) as number)));
}

/**
 * Validates one sort id and returns how to build its column: every numeric `UserRow` field, `firstSeen`,
 * `lastSeen`, `user` (display name or id, case-insensitive) and `metadata.<key>`. Unknown ids throw
 * `ProviderError('invalid-data')` naming `sorting[i].id`.
 */
export function sortColumn(idx: TraceIndex, id: string, i: number): ColumnBuilder {
  const numeric = Object.prototype.hasOwnProperty.call(NUMERIC_COLUMNS, id) ? NUMERIC_COLUMNS[id] : undefined;
  if (numeric) return numeric;
  if (id === 'user') return () => cachedRanks(idx, id, () => userRanks(idx.users));
  if (id.startsWith('metadata.') && id.length > 'metadata.'.length) {
    return () => cachedRanks(idx, id, () => metadataRanks(idx.users, id.slice('metadata.'.length)));
  }
  throw new ProviderError('invalid-data', `Unknown users sort "${id}"`, { field: `sorting[${i}].id` });
}

/** Compiles sort items into column builders, validating every id first. */
export function compileSorting(idx: TraceIndex, sorting: readonly SortingItem[]): { build: ColumnBuilder; desc: boolean }[] {
  return sorting.map((item, i) => ({ build: sortColumn(idx, item.id, i), desc: item.desc }));
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
