/**
 * The bounds every request is checked against before any work starts. Every engine (the memory provider, the REST
 * request handler, a SQL server) imports these same numbers and the checks in `params.ts`, so they all refuse the
 * same inputs with the same `ProviderError('invalid-data')` field names. See `docs/reliability.md`.
 * @module
 */
import { DAY_MS } from './engine/time';

/**
 * Longest range any method accepts, in days: 3,660 (ten years and their leap days). A longer range is refused with
 * `invalid-data`, field `range`. The previous period of `getUserMetrics` may reach as far again before `from`.
 */
export const MAX_RANGE_DAYS = 3_660;

/** {@link MAX_RANGE_DAYS} in milliseconds. */
export const MAX_RANGE_MS = MAX_RANGE_DAYS * DAY_MS;

/**
 * Most buckets in one time series (trends, model mix, feedback trend, comment momentum). An explicit granularity
 * that would give more buckets over the range is refused with `invalid-data`, field `granularity` (e.g. `hour` over
 * more than 41 days). The automatic granularity never exceeds it within {@link MAX_RANGE_DAYS} (at most 524 weeks).
 */
export const MAX_SERIES_BUCKETS = 1_000;

/**
 * Longest range, in days, whose users-list sparklines are daily; longer ranges get weekly sparklines (at most 524
 * points for {@link MAX_RANGE_DAYS}). Bounds a users page to `pageSize × 524` sparkline points.
 */
export const MAX_DAILY_SPARKLINE_DAYS = 190;

/** Most rows one page may ask for: `pagination.pageSize` of `listUsers` and `limit` of the cursor lists. */
export const MAX_PAGE_SIZE = 1_000;

/** Rows per page when none is asked for (`pageSize`, `limit`). */
export const DEFAULT_PAGE_SIZE = 50;

/** Longest `search` text, in UTF-16 code units; longer is refused with field `search`. */
export const MAX_SEARCH_CHARS = 500;

/** Most filter items in one call (`filters`). */
export const MAX_FILTERS = 50;

/** Most values in one filter's array value. */
export const MAX_FILTER_VALUES = 1_000;

/** Most sort keys in one call (`sorting`). */
export const MAX_SORT_KEYS = 20;

/** Longest id accepted in a param (`userId`, `conversationId`), in UTF-16 code units. */
export const MAX_PARAM_ID_CHARS = 1_024;

/** Most bins of a `getUsersDistribution` answer (`binCount`). */
export const MAX_DISTRIBUTION_BINS = 100;

/** Bins of a `getUsersDistribution` answer when `binCount` is absent. */
export const DEFAULT_DISTRIBUTION_BINS = 20;

/** Most segments of a `getUsersSegments` answer (`limit`). */
export const MAX_SEGMENTS = 100;

/** Segments of a `getUsersSegments` answer when `limit` is absent. */
export const DEFAULT_SEGMENTS = 20;

/**
 * Default timeout of one provider call over the network, in ms (`timeoutMs` of the REST provider): every attempt,
 * retry and backoff wait included. When it elapses the call rejects with `ProviderError('network')` whose message
 * says it timed out.
 */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The bounds above as one frozen object, for documentation tables and servers that log their configuration. */
export const LIMITS = Object.freeze({
  maxRangeDays: MAX_RANGE_DAYS,
  maxSeriesBuckets: MAX_SERIES_BUCKETS,
  maxDailySparklineDays: MAX_DAILY_SPARKLINE_DAYS,
  maxPageSize: MAX_PAGE_SIZE,
  defaultPageSize: DEFAULT_PAGE_SIZE,
  maxSearchChars: MAX_SEARCH_CHARS,
  maxFilters: MAX_FILTERS,
  maxFilterValues: MAX_FILTER_VALUES,
  maxSortKeys: MAX_SORT_KEYS,
  maxParamIdChars: MAX_PARAM_ID_CHARS,
  maxDistributionBins: MAX_DISTRIBUTION_BINS,
  maxSegments: MAX_SEGMENTS,
  defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
});
