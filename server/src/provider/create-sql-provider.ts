/**
 * `createSqlProvider(db)`: the DataProvider contract over a userscope database (DuckDB or ClickHouse). Every method
 * validates its params with core's `validateParams` (the same bounds and field names as every other engine), binds
 * every value as a parameter, passes the caller's signal to the engine, and bounds each query by a timeout.
 * @module
 */
import {
  parseUserId,
  sparklineGranularity,
  validateParams,
  type DataProvider,
  type GetUserMetricsParams,
  type GetUserParams,
  type GetUsersDistributionParams,
  type GetUsersSegmentsParams,
  type GetUsersSummaryParams,
  type GetUserTrendsParams,
  type ListConversationsParams,
  type ListFeedbackCommentsParams,
  type ListTracesParams,
  type ListUsersParams,
  type MsRange,
  type ProviderCapabilities,
  type SeriesParams,
  type UserMetrics,
  previousRange,
} from 'userscope/core';
import type { Database } from '../db/types';
import { createSharedLoads } from './shared-loads';

/** How long a user row or a user's traces are shared between calls, in ms: the concurrent calls of one page. */
const SHARED_LOAD_TTL_MS = 2_000;
import { cohortTraces, inRange, requireUser, userTraces, type SqlContext } from './context';
import { keyMetrics, keyMetricsByGroup, noTraces } from './key-metrics';
import { usersDistribution } from './distribution';
import { rowToUser } from './records';
import { usersSegments } from './segments';
import { listTracesPage } from './traces-list';
import { trendBuckets } from './trends';
import { commentsOf, conversationsOf, feedbackOf, modelUsageOf } from './user-slice';
import { computeBaseline, usersPage, usersSummary } from './users-page';

/** Options of {@link createSqlProvider}. */
export interface SqlProviderOptions {
  /** Longest one query may run before the call rejects with `ProviderError('network')`, in ms. Default 30,000. */
  queryTimeoutMs?: number;
  /** Most traces (or feedback records) of one user a per-user answer loads for one range. Default 200,000. */
  maxUserTraces?: number;
  /** How long a range's population baseline is reused, in ms. Default 60,000; `invalidate()` drops it at once. */
  baselineTtlMs?: number;
  /** Overrides of the declared capabilities. Default: everything on. */
  capabilities?: Partial<ProviderCapabilities>;
}

/** A DataProvider over SQL, plus cache control for the process that ingests. */
export interface SqlProvider extends DataProvider {
  /** Drops cached range baselines (call after writing to the database). */
  invalidate(): void;
  /** The database it reads. */
  readonly db: Database;
}

/** Creates the provider over `db` (already migrated: see `migrate`). */
export function createSqlProvider(db: Database, options: SqlProviderOptions = {}): SqlProvider {
  const ctx: SqlContext = {
    db,
    queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
    maxUserTraces: options.maxUserTraces ?? 200_000,
    shared: createSharedLoads(64, SHARED_LOAD_TTL_MS),
    cached: createSharedLoads(32, options.baselineTtlMs ?? 60_000),
  };
  // A range's baseline is computed without any one caller's signal and shared; each caller stops waiting on its own.
  const baselineOf = (range: MsRange, signal?: AbortSignal) =>
    ctx.cached.get(`baseline:${range.from}:${range.to}`, () => computeBaseline(ctx, range), signal);
  // Every attributed trace of a range, aggregated as a cohort: the same for every user's page, so shared like the baseline.
  const populationOf = (range: MsRange, signal?: AbortSignal) =>
    ctx.cached.get(`population:${range.from}:${range.to}`, () => keyMetrics(ctx, (b) => inRange(b, range)), signal);
  const capabilities: ProviderCapabilities = Object.freeze({ feedback: true, cohorts: true, modelUsage: true, conversations: true, ...options.capabilities });

  const userOf = async (userId: string, signal?: AbortSignal) => rowToUser(await requireUser(ctx, userId, signal));

  return {
    db,
    capabilities,
    invalidate: () => {
      ctx.cached.clear();
      ctx.shared.clear();
    },

    async listUsers(params: ListUsersParams) {
      const v = validateParams('listUsers', params);
      const range = v.range as MsRange;
      const { pageIndex, pageSize } = v.pagination as { pageIndex: number; pageSize: number };
      const search = v.search?.trim().toLowerCase();
      return usersPage(
        ctx,
        { range, search: search || undefined, filters: v.filters ?? [], sorting: params.sorting ?? [], baseline: null },
        pageIndex,
        pageSize,
        sparklineGranularity(range),
        baselineOf,
        params.signal,
      );
    },

    async getUsersSummary(params: GetUsersSummaryParams) {
      const v = validateParams('getUsersSummary', params);
      return usersSummary(ctx, v.range as MsRange, baselineOf, params.signal);
    },

    async getUsersDistribution(params: GetUsersDistributionParams) {
      const v = validateParams('getUsersDistribution', params);
      const req = { range: v.range as MsRange, metric: params.metric, binCount: v.binCount as number, userId: params.userId };
      if (params.userId !== undefined) await requireUser(ctx, params.userId, params.signal);
      return usersDistribution(ctx, req, params.signal);
    },

    async getUsersSegments(params: GetUsersSegmentsParams) {
      const v = validateParams('getUsersSegments', params);
      return usersSegments(ctx, v.range as MsRange, params.key, v.limit as number, params.signal);
    },

    async getUser(params: GetUserParams) {
      validateParams('getUser', params);
      return userOf(parseUserId(params.userId), params.signal);
    },

    async getUserMetrics(params: GetUserMetricsParams) {
      const range = validateParams('getUserMetrics', params).range as MsRange;
      await requireUser(ctx, params.userId, params.signal);
      const cohort = params.compare?.cohort;
      const previous = previousRange(range);
      const [periods, cohortMetrics, populationMetrics] = await Promise.all([
        // One scan over both periods: group 1 is the range, 0 the previous period.
        keyMetricsByGroup(
          ctx,
          (b) => userTraces(b, params.userId, { from: previous.from, to: range.to }),
          (b) => `CASE WHEN start_ms >= ${b.int(range.from)} THEN 1 ELSE 0 END`,
          params.signal,
        ),
        cohort ? keyMetrics(ctx, (b) => cohortTraces(b, cohort, range), params.signal) : undefined,
        params.compare?.population ? populationOf(range, params.signal) : undefined,
      ]);
      const { userCount: _c, activeDaysPerUser: _cd, ...currentMetrics } = periods.get(1) ?? noTraces();
      const { userCount: _p, activeDaysPerUser: _pd, ...previousMetrics } = periods.get(0) ?? noTraces();
      const metrics: UserMetrics = { current: currentMetrics, previous: previousMetrics };
      if (cohortMetrics) metrics.cohort = cohortMetrics;
      if (populationMetrics) metrics.population = populationMetrics;
      return metrics;
    },

    async getUserTrends(params: GetUserTrendsParams) {
      const v = validateParams('getUserTrends', params);
      const range = v.range as MsRange;
      const granularity = v.granularity as NonNullable<typeof v.granularity>;
      await requireUser(ctx, params.userId, params.signal);
      const cohort = params.compare?.cohort;
      const [buckets, cohortBuckets, cohortUsers] = await Promise.all([
        trendBuckets(ctx, (b) => userTraces(b, params.userId, range), range, granularity, params.signal),
        cohort ? trendBuckets(ctx, (b) => cohortTraces(b, cohort, range), range, granularity, params.signal) : undefined,
        cohort ? keyMetrics(ctx, (b) => cohortTraces(b, cohort, range), params.signal) : undefined,
      ]);
      return cohortBuckets && cohortUsers
        ? { granularity, buckets, cohort: { userCount: cohortUsers.userCount, buckets: cohortBuckets } }
        : { granularity, buckets };
    },

    async getModelUsage(params: SeriesParams) {
      const v = validateParams('getModelUsage', params);
      const user = await userOf(params.userId, params.signal);
      return modelUsageOf(ctx, user, v.range as MsRange, v.granularity as NonNullable<typeof v.granularity>, params.signal);
    },

    async getFeedback(params: SeriesParams) {
      const v = validateParams('getFeedback', params);
      const user = await userOf(params.userId, params.signal);
      return feedbackOf(ctx, user, v.range as MsRange, v.granularity as NonNullable<typeof v.granularity>, params.signal);
    },

    async listFeedbackComments(params: ListFeedbackCommentsParams) {
      const v = validateParams('listFeedbackComments', params);
      const user = await userOf(params.userId, params.signal);
      return commentsOf(ctx, user, v.range as MsRange, params.cursor, v.limit as number, params.signal);
    },

    async listConversations(params: ListConversationsParams) {
      const v = validateParams('listConversations', params);
      const user = await userOf(params.userId, params.signal);
      return conversationsOf(ctx, user, v.range as MsRange, params.sorting ?? [], params.cursor, v.limit as number, params.signal);
    },

    async listTraces(params: ListTracesParams) {
      const v = validateParams('listTraces', params);
      await requireUser(ctx, params.userId, params.signal);
      return listTracesPage(ctx, params, v.range as MsRange, v.filters ?? [], v.limit as number);
    },
  };
}
