import type {
  GetUserMetricsParams,
  GetUserParams,
  GetUserTrendsParams,
  GetUsersSummaryParams,
  ListUsersParams,
  SeriesParams,
} from '../core/contract';
import { ProviderError } from '../core/errors';
import type { User } from '../core/model';
import type { FeedbackOverview, ModelUsage, Page, UserMetrics, UserRow, UsersSummary, UserTrends } from '../core/results';
import type { QueryHookOptions, QueryResult } from './query-result';
import { scanUserRows } from './scan-users';
import { useProviderQuery } from './use-provider-query';

/** A contract method's params as a hook takes them: the hook supplies the abort `signal` itself. */
export type HookParams<P> = Omit<P, 'signal'>;

/**
 * The users list for a range (`provider.listUsers`), offset-paged with `pagination`.
 * Key: `['userscope', providerId, 'listUsers', params]`.
 */
export function useUsers(params: HookParams<ListUsersParams>, options?: QueryHookOptions): QueryResult<Page<UserRow>> {
  return useProviderQuery(
    { method: 'listUsers', params, fetch: (provider, signal) => provider.listUsers({ ...params, signal }) },
    options,
  );
}

/** Params of {@link useUsersScan}: a users query without pagination, and how many rows to read at most. */
export type UsersScanParams = HookParams<Omit<ListUsersParams, 'pagination'>> & {
  /** Most rows read; the scan stops there even when `total` is larger. */
  maxRows: number;
};

/**
 * Every row of a users query, up to `maxRows`, read in pages of `MAX_PAGE_SIZE` (the largest page a provider
 * accepts) as one query. The loop is bounded (`⌈maxRows / MAX_PAGE_SIZE⌉` calls) and checks the abort signal
 * before each call. `total` is the provider's. Key: `['userscope', providerId, 'listUsers', { ...params, scan }]`.
 */
export function useUsersScan(params: UsersScanParams, options?: QueryHookOptions): QueryResult<Page<UserRow>> {
  const { maxRows, ...query } = params;
  return useProviderQuery(
    {
      method: 'listUsers',
      params: { ...query, scan: maxRows },
      fetch: (provider, signal) => scanUserRows(provider, query, maxRows, signal),
    },
    options,
  );
}

/**
 * Population totals of a range (`provider.getUsersSummary`): users, active users, attention users, traces, error
 * rate and cost. Held (`isEnabled: false`, status `pending`, no request) when the provider leaves this optional
 * method out; `useUsersOverview` falls back to `listUsers` then. Key: `['userscope', providerId, 'getUsersSummary', params]`.
 */
export function useUsersSummary(params: HookParams<GetUsersSummaryParams>, options?: QueryHookOptions): QueryResult<UsersSummary> {
  return useProviderQuery(
    {
      method: 'getUsersSummary',
      params,
      optional: true,
      fetch: (provider, signal) =>
        provider.getUsersSummary?.({ ...params, signal }) ??
        Promise.reject(new ProviderError('invalid-data', 'The provider has no getUsersSummary')),
    },
    options,
  );
}

/** One user (`provider.getUser`); a missing user fails with `ProviderError('not-found')`, never retried. */
export function useUser(params: HookParams<GetUserParams>, options?: QueryHookOptions): QueryResult<User> {
  return useProviderQuery(
    { method: 'getUser', params, fetch: (provider, signal) => provider.getUser({ ...params, signal }) },
    options,
  );
}

/**
 * A user's key metrics with the previous period and, when `compare.cohort` is set, the cohort
 * (`provider.getUserMetrics`). The `cohorts` capability is not enforced here: ask for a cohort only when
 * `useCapabilities().cohorts` is true.
 */
export function useUserMetrics(
  params: HookParams<GetUserMetricsParams>,
  options?: QueryHookOptions,
): QueryResult<UserMetrics> {
  return useProviderQuery(
    { method: 'getUserMetrics', params, fetch: (provider, signal) => provider.getUserMetrics({ ...params, signal }) },
    options,
  );
}

/**
 * A user's time-bucketed trends and, when `compare.cohort` is set, the cohort's over the same buckets
 * (`provider.getUserTrends`; the cohort is part of the query key). As with {@link useUserMetrics}, ask for a cohort
 * only when `useCapabilities().cohorts` is true; a provider may still leave `data.cohort` out.
 */
export function useUserTrends(params: HookParams<GetUserTrendsParams>, options?: QueryHookOptions): QueryResult<UserTrends> {
  return useProviderQuery(
    { method: 'getUserTrends', params, fetch: (provider, signal) => provider.getUserTrends({ ...params, signal }) },
    options,
  );
}

/**
 * Models, model mix, switches and releases (`provider.getModelUsage`). Held (`isEnabled: false`, status
 * `pending`, no request) when `capabilities.modelUsage` is false.
 */
export function useModelUsage(params: HookParams<SeriesParams>, options?: QueryHookOptions): QueryResult<ModelUsage> {
  return useProviderQuery(
    {
      method: 'getModelUsage',
      params,
      capability: 'modelUsage',
      fetch: (provider, signal) => provider.getModelUsage({ ...params, signal }),
    },
    options,
  );
}

/**
 * Feedback summary, trend, histogram, keys and comment momentum (`provider.getFeedback`). Held
 * (`isEnabled: false`, status `pending`, no request) when `capabilities.feedback` is false.
 */
export function useFeedback(
  params: HookParams<SeriesParams>,
  options?: QueryHookOptions,
): QueryResult<FeedbackOverview> {
  return useProviderQuery(
    {
      method: 'getFeedback',
      params,
      capability: 'feedback',
      fetch: (provider, signal) => provider.getFeedback({ ...params, signal }),
    },
    options,
  );
}
