import type { GetUsersDistributionParams, GetUsersSegmentsParams } from '../core/contract';
import type { UsersDistribution, UsersSegments } from '../core/results';
import { binUserRows } from './distribution-fallback';
import type { HookParams } from './query-hooks';
import type { QueryHookOptions, QueryResult } from './query-result';
import { scanActiveUsers } from './scan-users';
import { groupUserRows } from './segments-fallback';
import { useProviderQuery } from './use-provider-query';
import { useUserscope } from './userscope-provider';

/** Most active users a fallback reads (through `listUsers`) when the provider lacks the population method. */
export const DEFAULT_FALLBACK_SCAN_LIMIT = 20_000;

/** Options of the population hooks: the usual hook options plus the fallback's scan bound. */
export interface PopulationHookOptions extends QueryHookOptions {
  /**
   * Without the provider method, the most active users read through `listUsers` (in pages of `MAX_PAGE_SIZE`) to
   * compute the answer; past it the answer is `null`. Default {@link DEFAULT_FALLBACK_SCAN_LIMIT}.
   */
  fallbackScanLimit?: number;
}

/**
 * The active users of a range binned by one per-user measure (`provider.getUsersDistribution`): cost, traces,
 * error rate or p95 latency, with the asked-for user's position when `userId` is given.
 *
 * When the provider leaves the optional method out, the hook reads the range's active users through `listUsers`
 * (at most `fallbackScanLimit`, default 20,000) and bins their rows with core's `distributionEdges`, so the bins are
 * the ones a provider would answer. Past the limit, `data` is `null`: binning part of the population would mislead.
 * Key: `['userscope', providerId, 'getUsersDistribution', params]` (plus `fallbackScanLimit` on the fallback).
 */
export function useUsersDistribution(
  params: HookParams<GetUsersDistributionParams>,
  options: PopulationHookOptions = {},
): QueryResult<UsersDistribution | null> {
  const { fallbackScanLimit = DEFAULT_FALLBACK_SCAN_LIMIT, ...queryOptions } = options;
  const direct = typeof useUserscope().provider.getUsersDistribution === 'function';
  return useProviderQuery<UsersDistribution | null>(
    {
      method: 'getUsersDistribution',
      params: direct ? params : { ...params, fallbackScanLimit },
      fetch: async (provider, signal) => {
        if (provider.getUsersDistribution) return provider.getUsersDistribution({ ...params, signal });
        const rows = await scanActiveUsers(provider, params.range, fallbackScanLimit, signal);
        return rows === null ? null : binUserRows(rows, params.metric, params.binCount, params.userId);
      },
    },
    queryOptions,
  );
}

/**
 * The active users of a range broken down by one metadata key (`provider.getUsersSegments`): users, traces, error
 * rate, p50 / p95 latency and cost per segment, most traces first.
 *
 * When the provider leaves the optional method out, the hook reads the range's active users through `listUsers`
 * (at most `fallbackScanLimit`, default 20,000) and groups their rows. Rows carry no trace latencies, so the
 * fallback's `latencyP50Ms` and `latencyP95Ms` are `null` (unknown, shown as "—"), never a per-user approximation.
 * Past the limit, `data` is `null`. Key: `['userscope', providerId, 'getUsersSegments', params]` (plus
 * `fallbackScanLimit` on the fallback).
 */
export function useUsersSegments(
  params: HookParams<GetUsersSegmentsParams>,
  options: PopulationHookOptions = {},
): QueryResult<UsersSegments | null> {
  const { fallbackScanLimit = DEFAULT_FALLBACK_SCAN_LIMIT, ...queryOptions } = options;
  const direct = typeof useUserscope().provider.getUsersSegments === 'function';
  return useProviderQuery<UsersSegments | null>(
    {
      method: 'getUsersSegments',
      params: direct ? params : { ...params, fallbackScanLimit },
      fetch: async (provider, signal) => {
        if (provider.getUsersSegments) return provider.getUsersSegments({ ...params, signal });
        const rows = await scanActiveUsers(provider, params.range, fallbackScanLimit, signal);
        return rows === null ? null : groupUserRows(rows, params.key, params.limit);
      },
    },
    queryOptions,
  );
}
