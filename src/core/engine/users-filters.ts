/**
 * Search and column filters of the users list, compiled once per query into predicates over user positions.
 * Filter ids and values are validated before any aggregation runs.
 * @module
 */
import type { MetadataValue } from '../model';
import { checkUsersFilters, inMetricRange, isMetricFilterId, type MetricRange } from '../params-filters';
import type { AttentionKind, DistributionMetric } from '../results';
import type { TraceIndex } from './trace-index';
import type { UserAggregates } from './users-aggregate';
import { ATTENTION_BIT } from './users-attention';
import { userMetricValue } from './users-population';

/** A compiled filter: true when user `u` passes. */
export type UserPredicate = (agg: UserAggregates, u: number) => boolean;

/** Lower-cased searchable fields per user (id, display name, email, metadata values), cached per index. */
const searchFieldsCache = new WeakMap<TraceIndex, string[][]>();

function searchFields(idx: TraceIndex): string[][] {
  let fields = searchFieldsCache.get(idx);
  if (!fields) {
    fields = idx.users.map((user) => {
      const out = [user.id.toLowerCase()];
      if (user.displayName) out.push(user.displayName.toLowerCase());
      if (user.email) out.push(user.email.toLowerCase());
      for (const v of Object.values(user.metadata)) if (v !== null && v !== undefined) out.push(String(v).toLowerCase());
      return out;
    });
    searchFieldsCache.set(idx, fields);
  }
  return fields;
}

/** Case-insensitive substring search over id, display name, email and metadata values; `null` for a blank search. */
export function compileSearch(idx: TraceIndex, search: string | undefined): UserPredicate | null {
  const needle = (search ?? '').trim().toLowerCase();
  if (needle === '') return null;
  const fields = searchFields(idx);
  return (_agg, u) => fields[u].some((f) => f.includes(needle));
}

function compileMetadata(idx: TraceIndex, key: string, values: readonly unknown[]): UserPredicate {
  return (_agg, u) => {
    const metadata = idx.users[u].metadata;
    if (!Object.prototype.hasOwnProperty.call(metadata, key)) return false;
    const v: MetadataValue = metadata[key];
    for (const wanted of values) if (wanted === v) return true;
    return false;
  };
}

function compileStatus(values: readonly unknown[]): UserPredicate {
  const wantError = values.includes('error');
  const wantOk = values.includes('ok');
  return (agg, u) => (wantError && agg.errorCount[u] > 0) || (wantOk && agg.errorCount[u] === 0);
}

function compileModel(idx: TraceIndex, values: readonly unknown[]): UserPredicate {
  const wanted = new Set<number>();
  for (const v of values) {
    const code = idx.model.values.indexOf(v as string);
    if (code >= 0) wanted.add(code);
  }
  const codes = idx.model.codes;
  return (agg, u) => {
    for (let r = agg.rowLo[u]; r < agg.rowHi[u]; r++) if (wanted.has(codes[r])) return true;
    return false;
  };
}

function compileAttention(values: readonly unknown[]): UserPredicate {
  if (typeof values[0] === 'boolean') {
    const want = values[0];
    return (agg, u) => (agg.attention[u] !== 0) === want;
  }
  let mask = 0;
  for (const v of values) mask |= ATTENTION_BIT[v as AttentionKind];
  return (agg, u) => (agg.attention[u] & mask) !== 0;
}

function compileMetricRange(metric: DistributionMetric, values: readonly unknown[]): UserPredicate {
  const ranges = values as readonly MetricRange[];
  return (agg, u) => {
    const v = userMetricValue(agg, u, metric);
    return ranges.some((r) => inMetricRange(r, v));
  };
}

/**
 * Compiles `listUsers` filters, checked first by `checkUsersFilters` (core `params-filters.ts`). Ids:
 * `metadata.<key>` (strict equality with the value or any array item), `status` (`"error"`: at least one failed
 * trace in range; `"ok"`: none), `model` (a trace in range on that model), `attention` (`true`/`false`, or kinds),
 * and the measures `costUsd`, `traceCount`, `errorRate`, `latencyP95Ms` (the row figure, as the distribution
 * bins it, in any of the `MetricRange`s; unknown never matches). An `undefined` value or an empty array disables
 * the filter.
 * Throws `ProviderError('invalid-data')` naming `filters`, `filters[i].id` or `filters[i].value`.
 */
export function compileFilters(idx: TraceIndex, filters: unknown): UserPredicate[] {
  return checkUsersFilters(filters).map(({ id, values }) => {
    if (id === 'status') return compileStatus(values);
    if (id === 'model') return compileModel(idx, values);
    if (id === 'attention') return compileAttention(values);
    if (isMetricFilterId(id)) return compileMetricRange(id, values);
    return compileMetadata(idx, id.slice('metadata.'.length), values);
  });
}

/** Positions of the users with at least one trace in range that pass every predicate, in position order. */
export function matchingUsers(agg: UserAggregates, predicates: readonly UserPredicate[]): Int32Array {
  const out = new Int32Array(agg.userCount);
  let n = 0;
  for (let u = 0; u < agg.userCount; u++) {
    if (agg.traceCount[u] === 0) continue;
    let ok = true;
    for (let p = 0; p < predicates.length && ok; p++) ok = predicates[p](agg, u);
    if (ok) out[n++] = u;
  }
  return out.subarray(0, n);
}
