/**
 * The users list (`listUsers`) over a {@link TraceIndex}: aggregate every user in one columnar pass, filter and
 * sort user positions on typed arrays, and materialise `UserRow` objects only for the returned page.
 * @module
 */
import type { FilterItem, OffsetPagination, SortingItem } from '../contract';
import { ProviderError } from '../errors';
import type { Granularity } from '../model';
import type { Page, SparkPoint, UserRow } from '../results';
import { bucketSizeMs, bucketStarts, toIso, type MsRange } from './time';
import type { TraceIndex } from './trace-index';
import { aggregateUsers, type UserAggregates } from './users-aggregate';
import { attentionReasons } from './users-attention';
import { compileFilters, compileSearch, matchingUsers } from './users-filters';
import { compileSorting, firstSorted, userComparator } from './users-sort';

export { aggregateUsers, type PopulationBaseline, type UserAggregates } from './users-aggregate';
export { ATTENTION_BIT, ATTENTION_RULE, attentionReasons } from './users-attention';

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
  /** Sparkline bucket size; default `day`. */
  sparkGranularity?: Granularity;
}

/** Sorting used when none (or an empty list) is given. */
export const DEFAULT_USERS_SORTING: readonly SortingItem[] = [{ id: 'lastSeen', desc: true }];

/** Page used when none is given. */
export const DEFAULT_USERS_PAGINATION: Readonly<OffsetPagination> = { pageIndex: 0, pageSize: 50 };

function validPagination(pagination: OffsetPagination | undefined): OffsetPagination {
  const p = pagination ?? DEFAULT_USERS_PAGINATION;
  if (!Number.isInteger(p.pageIndex) || p.pageIndex < 0) {
    throw new ProviderError('invalid-data', `pageIndex must be an integer ≥ 0, got ${p.pageIndex}`, { field: 'pagination.pageIndex' });
  }
  if (!Number.isInteger(p.pageSize) || p.pageSize < 1) {
    throw new ProviderError('invalid-data', `pageSize must be an integer ≥ 1, got ${p.pageSize}`, { field: 'pagination.pageSize' });
  }
  return p;
}

function sparkline(idx: TraceIndex, agg: UserAggregates, u: number, starts: readonly number[], size: number): SparkPoint[] {
  const traces = new Int32Array(starts.length);
  const errors = new Int32Array(starts.length);
  const first = starts[0];
  for (let r = agg.rowLo[u]; r < agg.rowHi[u]; r++) {
    const b = Math.floor((idx.startMs[r] - first) / size);
    traces[b]++;
    errors[b] += idx.isError[r];
  }
  return starts.map((t, b) => ({ t: toIso(t), traceCount: traces[b], errorCount: errors[b] }));
}

/** Builds the `UserRow` of user `u` (who has at least one trace in range). */
function userRow(idx: TraceIndex, agg: UserAggregates, u: number, starts: readonly number[], size: number): UserRow {
  const n = agg.traceCount[u];
  const costN = agg.costCount[u];
  const fbN = agg.feedbackScoreCount[u];
  return {
    user: idx.users[u],
    traceCount: n,
    conversationCount: agg.conversationCount[u],
    errorCount: agg.errorCount[u],
    successRate: (n - agg.errorCount[u]) / n,
    latencyP50Ms: agg.latencyP50Ms[u],
    latencyP95Ms: agg.latencyP95Ms[u],
    costUsd: costN === 0 ? null : agg.costUsd[u],
    costPerTraceUsd: costN === 0 ? null : agg.costUsd[u] / costN,
    inputTokens: agg.inputTokensKnown[u] ? agg.inputTokens[u] : null,
    outputTokens: agg.outputTokensKnown[u] ? agg.outputTokens[u] : null,
    feedbackAvgScore: fbN === 0 ? null : agg.feedbackScoreSum[u] / fbN,
    firstSeen: toIso(agg.firstMs[u]),
    lastSeen: toIso(agg.lastMs[u]),
    sparkline: sparkline(idx, agg, u, starts, size),
    attention: attentionReasons(agg, u),
  };
}

/**
 * The whole `listUsers`: users with at least one trace in `range`, narrowed by search and filters, sorted (unknown
 * values last in both directions, ties by user id) and paged. `total` counts every matching user. Throws
 * `ProviderError('invalid-data')` naming `filters[i].id`, `filters[i].value`, `sorting[i].id` or `pagination.*`.
 */
export function queryUsers(idx: TraceIndex, params: QueryUsersParams): Page<UserRow> {
  const { pageIndex, pageSize } = validPagination(params.pagination);
  const predicates = compileFilters(idx, params.filters ?? []);
  const search = compileSearch(idx, params.search);
  if (search) predicates.unshift(search);
  const sorting = compileSorting(idx, params.sorting?.length ? params.sorting : DEFAULT_USERS_SORTING);

  const agg = aggregateUsers(idx, params.range);
  const matching = matchingUsers(agg, predicates);
  const start = pageIndex * pageSize;
  if (start >= matching.length) return { rows: [], total: matching.length };

  const keys = sorting.map((s) => ({ column: s.build(agg), desc: s.desc }));
  const ordered = firstSorted(matching, start + pageSize, userComparator(keys, idx.users));
  const granularity = params.sparkGranularity ?? 'day';
  const starts = bucketStarts(params.range, granularity);
  const size = bucketSizeMs(granularity);
  const rows = Array.from(ordered.subarray(start), (u) => userRow(idx, agg, u, starts, size));
  return { rows, total: matching.length };
}
