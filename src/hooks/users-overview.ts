import { useMemo } from 'react';
import type { FilterItem, OffsetPagination, SortingItem } from '../core/contract';
import type { TimeRange } from '../core/model';
import { MAX_RANGE_MS } from '../core/limits';
import type { Page, UserRow } from '../core/results';
import { useUsers, useUsersScan, useUsersSummary } from './query-hooks';
import { discoverMetadataFacets, type MetadataFacet } from './metadata-facets';

/**
 * Population totals of a range, for the users page's header strip: `UsersSummary`'s figures, each `null` when
 * unknown (not computed, or not computable without `getUsersSummary`).
 */
export interface UsersOverviewTotals {
  /** Users with a trace before the end of the range (all time). */
  userCount: number | null;
  /** Users with a trace in the range. */
  activeUserCount: number | null;
  /** Active users with at least one attention reason. */
  attentionUserCount: number | null;
  /** Traces in the range. */
  traceCount: number | null;
  /** Failed / all traces in the range; `null` without traces. */
  errorRate: number | null;
  /** Sum of known costs in the range; `null` when none is known. */
  costUsd: number | null;
  /** Active users whose first trace ever starts in the range. */
  newUserCount: number | null;
  /** Traces in the range without a user id; `null` when the provider cannot tell (no `getUsersSummary`). */
  unattributedTraceCount: number | null;
}

/** What {@link useUsersOverview} returns. */
export interface UsersOverview {
  /** Load state of the totals. */
  status: 'pending' | 'error' | 'success';
  /** Totals (all `null` while pending). */
  totals: UsersOverviewTotals;
  /**
   * True when the provider has no `getUsersSummary` and the active users outnumber the scan limit, so traces,
   * error rate and cost were not totalled.
   */
  tooLarge: boolean;
  /** Metadata filters discovered from (a sample of) the active users. */
  facets: MetadataFacet[];
  /** The sample of active users has not answered yet, so `facets` is not known (empty until then). */
  facetsPending: boolean;
  /** Any request in flight. */
  isFetching: boolean;
}

/** Users read to discover metadata filters, and to total the range when there are no more active users. */
const SUMMARY_SAMPLE_SIZE = 1000;
/** Default cap on the active users read to total traces, errors and cost. */
export const DEFAULT_SUMMARY_SCAN_LIMIT = 20_000;

/**
 * The start of "all time" for the users count: the longest range a provider accepts (`MAX_RANGE_DAYS`) before
 * `to`, and never before 1970.
 */
function allTimeFrom(to: string): string {
  return new Date(Math.max(0, Date.parse(to) - MAX_RANGE_MS)).toISOString();
}
const ONE: OffsetPagination = { pageIndex: 0, pageSize: 1 };
const NEWEST_FIRST: SortingItem[] = [{ id: 'firstSeen', desc: true }];
const ATTENTION: FilterItem[] = [{ id: 'attention', value: true }];
const NO_ROWS: UserRow[] = [];
const UNKNOWN_SUMMARY: UsersOverviewTotals = {
  userCount: null,
  activeUserCount: null,
  attentionUserCount: null,
  traceCount: null,
  errorRate: null,
  costUsd: null,
  newUserCount: null,
  unattributedTraceCount: null,
};

function totals(rows: readonly UserRow[]): Pick<UsersOverviewTotals, 'traceCount' | 'errorRate' | 'costUsd'> {
  let traces = 0;
  let errors = 0;
  let cost: number | null = null;
  for (const row of rows) {
    traces += row.traceCount;
    errors += row.errorCount;
    if (row.costUsd !== null) cost = (cost ?? 0) + row.costUsd;
  }
  return { traceCount: traces, errorRate: traces === 0 ? null : errors / traces, costUsd: cost };
}

/**
 * Users of an all-time page sorted by `firstSeen` descending whose first trace starts in `range`; `null` when the
 * page holds only such users and more follow (the count would be short).
 */
function countNewUsers(page: Page<UserRow>, range: TimeRange): number | null {
  const from = Date.parse(range.from);
  const count = page.rows.filter((row) => Date.parse(row.firstSeen) >= from).length;
  const complete = count < page.rows.length || page.rows.length >= (page.total ?? page.rows.length);
  return complete ? count : null;
}

/**
 * The users page's overview of a range: its totals and the metadata keys to filter on. Unlike
 * {@link useUsersSummary}, which only asks the provider's optional `getUsersSummary` (and is held without it), this
 * always answers. When the provider implements `getUsersSummary`, one call answers them all, exactly, at any
 * size. Otherwise they come from `listUsers` alone: one request counts all-time users, one counts attention users,
 * one reads the first {@link SUMMARY_SAMPLE_SIZE} active users and, when there are more but at most `scanLimit`,
 * one reads them all to total traces, error rate and cost. Either way the first {@link SUMMARY_SAMPLE_SIZE} active
 * users are read to discover metadata filters, and previous totals stay while a new range loads. Without
 * `getUsersSummary`, new users come from the first {@link SUMMARY_SAMPLE_SIZE} all-time users sorted by first seen
 * (unknown when all of them are new), and unattributed traces are unknown (`listUsers` rows never count them).
 */
export function useUsersOverview(range: TimeRange, options: { scanLimit?: number; facetKeys?: readonly string[] } = {}): UsersOverview {
  const { scanLimit = DEFAULT_SUMMARY_SCAN_LIMIT, facetKeys } = options;
  const keep = { keepPreviousData: true };
  const direct = useUsersSummary({ range }, keep);
  const fallback = { enabled: !direct.isEnabled, keepPreviousData: true };
  const sample = useUsers({ range, pagination: { pageIndex: 0, pageSize: SUMMARY_SAMPLE_SIZE } }, keep);
  // All-time users, newest first: the total counts every user, and the rows whose first trace starts in the range
  // are the new users (exact when the page reaches past them).
  const allTime = useUsers(
    { range: { from: allTimeFrom(range.to), to: range.to }, sorting: NEWEST_FIRST, pagination: { pageIndex: 0, pageSize: SUMMARY_SAMPLE_SIZE } },
    fallback,
  );
  const attention = useUsers({ range, filters: ATTENTION, pagination: ONE }, fallback);
  const sampleRows = sample.data?.rows ?? NO_ROWS;
  const active = sample.data ? (sample.data.total ?? sampleRows.length) : undefined;
  const sampleComplete = active !== undefined && active <= sampleRows.length;
  const tooLarge = !direct.isEnabled && active !== undefined && active > scanLimit;
  const full = useUsersScan(
    { range, maxRows: Math.max(1, active ?? 1) },
    { enabled: fallback.enabled && active !== undefined && !sampleComplete && !tooLarge, keepPreviousData: true },
  );

  const allRows = sampleComplete ? sampleRows : full.data?.rows;
  const derived = useMemo<UsersOverviewTotals>(() => {
    if (direct.isEnabled || active === undefined) return UNKNOWN_SUMMARY;
    return {
      userCount: allTime.data?.total ?? null,
      activeUserCount: active,
      newUserCount: allTime.data ? countNewUsers(allTime.data, range) : null,
      unattributedTraceCount: null,
      attentionUserCount: attention.data?.total ?? null,
      ...(allRows && !tooLarge ? totals(allRows) : { traceCount: null, errorRate: null, costUsd: null }),
    };
  }, [direct.isEnabled, active, allTime.data, attention.data, allRows, tooLarge, range]);
  const summary = direct.isEnabled ? (direct.data ?? UNKNOWN_SUMMARY) : derived;
  const facetKeysKey = facetKeys?.join('\u0000');
  const facets = useMemo(
    () => discoverMetadataFacets(sampleRows, facetKeys),
    // facetKeys is compared by content so an inline array does not recompute the facets.
    [sampleRows, facetKeysKey],
  );

  const queries = [direct, sample, allTime, attention, full];
  const lead = direct.isEnabled ? direct : sample;
  return {
    status: queries.some((q) => q.status === 'error') ? 'error' : lead.status === 'success' ? 'success' : 'pending',
    totals: summary,
    tooLarge,
    facets,
    facetsPending: sample.status === 'pending',
    isFetching: queries.some((q) => q.isFetching),
  };
}
