/**
 * Checks of list filters and sort ids per method, and {@link validateParams}, which checks every param of one
 * DataProvider call. Values of the wrong kind are refused (`status: "maybe"`, `metadata.plan: {"$ne": null}`) with
 * `ProviderError('invalid-data')` naming `filters[i].value`, never answered with an empty page.
 * @module
 */
import type { FilterItem } from './contract';
import type { Granularity } from './model';
import type { DistributionBin, DistributionMetric } from './results';
import { CONVERSATION_SORT_IDS } from './engine/conversations';
import type { MsRange } from './engine/time';
import { ATTENTION_BIT } from './engine/users-attention';
import { MAX_FILTER_VALUES, MAX_FILTERS } from './limits';
import { DISTRIBUTION_METRICS } from './engine/distribution';
import { SORTABLE_USER_METRIC_IDS, type UserMetricId } from './metrics/user-metrics';
import {
  invalidParam,
  parseBinCount,
  parseGranularity,
  parseIdParam,
  parseLimit,
  parsePagination,
  parseRange,
  parseSearch,
  parseSegmentsLimit,
  parseSorting,
  parseUserId,
  showValue,
} from './params';

/** A checked filter: its id and the values it accepts (never empty: filters without values are dropped). */
export interface CheckedFilter {
  /** Filter id. */
  id: string;
  /** Accepted values; a row passes when it matches any. */
  values: readonly unknown[];
}

/** How one filter id's values are checked: a description for messages and a test per value. */
interface FilterRule {
  expected: string;
  accepts: (value: unknown, values: readonly unknown[]) => boolean;
}

const isString = (v: unknown): boolean => typeof v === 'string';
const STATUS: FilterRule = { expected: '"ok" or "error"', accepts: (v) => v === 'ok' || v === 'error' };
const TEXT: FilterRule = { expected: 'a string or an array of strings', accepts: isString };
const METADATA: FilterRule = {
  expected: 'a string, finite number, boolean or null (or an array of them)',
  accepts: (v) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
};
const ATTENTION: FilterRule = {
  expected: 'true, false, or attention kinds "errors", "latency", "cost"',
  accepts: (v, all) =>
    typeof v === 'boolean' ? all.length === 1 : typeof v === 'string' && Object.prototype.hasOwnProperty.call(ATTENTION_BIT, v),
};

/**
 * The value of a measure filter of `listUsers` (ids: the {@link DISTRIBUTION_METRICS}): keeps users whose value `v`
 * is known and `from ≤ v < to`; a missing bound is open. {@link binRange} gives the range of a distribution bin.
 */
export interface MetricRange {
  /** Inclusive lower bound; none when absent. */
  from?: number;
  /** Exclusive upper bound; none when absent. */
  to?: number;
}

/** True when `value` is known and inside `range` (`from ≤ value < to`, absent bounds open). */
export function inMetricRange(range: MetricRange, value: number | null): boolean {
  return value !== null && (range.from === undefined || value >= range.from) && (range.to === undefined || value < range.to);
}

/**
 * The {@link MetricRange} holding exactly the users of bin `index` of a distribution's `bins`, as core's `binIndex`
 * places them: `[from, to)`, with the first bin open below and the last one open above (a value outside the edges
 * goes to the nearest end bin, and the last bin is closed), so a measure filter with it lists the bin's
 * `userCount` users.
 */
export function binRange(bins: readonly DistributionBin[], index: number): MetricRange {
  const bin = bins[index];
  if (bin === undefined) throw new RangeError(`binRange: no bin ${index} of ${bins.length}`);
  return { ...(index > 0 ? { from: bin.from } : {}), ...(index < bins.length - 1 ? { to: bin.to } : {}) };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const METRIC_RANGE: FilterRule = {
  expected: '{ from?, to? } with finite numbers, from < to',
  accepts: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const r = v as Record<string, unknown>;
    if (Object.keys(r).some((k) => (k !== 'from' && k !== 'to') || r[k] === undefined)) return false;
    if ((r.from !== undefined && !isFiniteNumber(r.from)) || (r.to !== undefined && !isFiniteNumber(r.to))) return false;
    return r.from === undefined || r.to === undefined || (r.from as number) < (r.to as number);
  },
};

/** Filter ids of `listUsers` besides `metadata.<key>`: the measure filters take a {@link MetricRange}. */
export const USERS_FILTER_IDS = ['status', 'model', 'attention', ...DISTRIBUTION_METRICS] as const;

/** True for a measure filter id of `listUsers` (a {@link DistributionMetric}, value a {@link MetricRange}). */
export function isMetricFilterId(id: string): id is DistributionMetric {
  return (DISTRIBUTION_METRICS as readonly string[]).includes(id);
}

/** Filter ids of `listTraces`. */
export const TRACE_FILTER_IDS = ['status', 'model', 'name', 'errorType', 'release'] as const;

/** Sort ids of `listTraces`. */
export const TRACE_SORT_IDS = ['startTime', 'latencyMs', 'costUsd', 'inputTokens', 'outputTokens', 'name', 'model', 'status'] as const;

/**
 * Sort ids of `listUsers` besides `metadata.<key>`: the sortable metrics of the registry (`USER_METRICS`), then
 * `firstSeen`, `lastSeen`, `attention` (severity) and `user`.
 */
export const USERS_SORT_IDS: readonly UsersSortId[] = [...SORTABLE_USER_METRIC_IDS, 'firstSeen', 'lastSeen', 'attention', 'user'];

/** A `listUsers` sort id besides `metadata.<key>`. */
export type UsersSortId = UserMetricId | 'firstSeen' | 'lastSeen' | 'attention' | 'user';

const isMetadataId = (id: string): boolean => id.startsWith('metadata.') && id.length > 'metadata.'.length;

function usersRule(id: string): FilterRule | undefined {
  if (isMetadataId(id)) return METADATA;
  if (isMetricFilterId(id)) return METRIC_RANGE;
  return id === 'status' ? STATUS : id === 'model' ? TEXT : id === 'attention' ? ATTENTION : undefined;
}

function tracesRule(id: string): FilterRule | undefined {
  if (!(TRACE_FILTER_IDS as readonly string[]).includes(id)) return undefined;
  return id === 'status' ? STATUS : TEXT;
}

function checkFilters(filters: unknown, ruleOf: (id: string) => FilterRule | undefined, ids: string): CheckedFilter[] {
  if (filters === undefined || filters === null) return [];
  if (!Array.isArray(filters)) throw invalidParam('filters', `expected an array, got ${showValue(filters)}`);
  if (filters.length > MAX_FILTERS) throw invalidParam('filters', `expected at most ${MAX_FILTERS} filters, got ${filters.length}`);
  const out: CheckedFilter[] = [];
  filters.forEach((item: unknown, i) => {
    const { id, value } = (typeof item === 'object' && item !== null ? item : {}) as Partial<FilterItem>;
    const rule = typeof id === 'string' ? ruleOf(id) : undefined;
    if (rule === undefined) throw invalidParam(`filters[${i}].id`, `unknown filter ${showValue(id)}; expected one of ${ids}`);
    const values: readonly unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
    if (values.length > MAX_FILTER_VALUES) {
      throw invalidParam(`filters[${i}].value`, `expected at most ${MAX_FILTER_VALUES} values, got ${values.length}`);
    }
    const bad = values.find((v) => !rule.accepts(v, values));
    if (bad !== undefined || values.some((v) => v === undefined)) {
      throw invalidParam(`filters[${i}].value`, `${id} expects ${rule.expected}, got ${showValue(bad ?? value)}`);
    }
    if (values.length > 0) out.push({ id: id as string, values });
  });
  return out;
}

/**
 * `listUsers` filters: `metadata.<key>` (scalars or `null`), `status` (`"ok"`/`"error"`), `model` (strings),
 * `attention` (one boolean, or kinds), and the measures `costUsd`, `traceCount`, `errorRate`, `latencyP95Ms`
 * ({@link MetricRange}s). Throws naming `filters`, `filters[i].id` or `filters[i].value`.
 */
export function checkUsersFilters(filters: unknown): CheckedFilter[] {
  return checkFilters(filters, usersRule, `\`metadata.<key>\`, ${USERS_FILTER_IDS.join(', ')}`);
}

/** `listTraces` filters: `status` (`"ok"`/`"error"`), `model`, `name`, `errorType`, `release` (strings). */
export function checkTracesFilters(filters: unknown): CheckedFilter[] {
  return checkFilters(filters, tracesRule, TRACE_FILTER_IDS.join(', '));
}

/** True for a `listUsers` sort id: {@link USERS_SORT_IDS} or `metadata.<key>`. */
export function isUsersSortId(id: string): boolean {
  return (USERS_SORT_IDS as readonly string[]).includes(id) || isMetadataId(id);
}

/** The params of one call after {@link validateParams}: the shared ones normalised (absent when the method has none). */
export interface ValidatedParams {
  /** The range in epoch ms. */
  range?: MsRange;
  /** The granularity asked for, or the automatic one (series methods). */
  granularity?: Granularity;
  /** Page of `listUsers`, defaults filled. */
  pagination?: { pageIndex: number; pageSize: number };
  /** Page size of a cursor list, default filled. */
  limit?: number;
  /** Search text of `listUsers`. */
  search?: string;
  /** Checked filters (`listUsers`, `listTraces`). */
  filters?: CheckedFilter[];
  /** Bins of `getUsersDistribution`, default filled. */
  binCount?: number;
}

/** The DataProvider methods {@link validateParams} knows. */
export type ValidatedMethod =
  | 'listUsers'
  | 'getUsersSummary'
  | 'getUsersDistribution'
  | 'getUsersSegments'
  | 'getUser'
  | 'getUserMetrics'
  | 'getUserTrends'
  | 'getModelUsage'
  | 'getFeedback'
  | 'listFeedbackComments'
  | 'listConversations'
  | 'listTraces';

/** Methods about a range's whole population: no `userId` is required. */
const POPULATION_METHODS = new Set<ValidatedMethod>(['listUsers', 'getUsersSummary', 'getUsersDistribution', 'getUsersSegments']);
const SERIES = new Set<ValidatedMethod>(['getUserTrends', 'getModelUsage', 'getFeedback']);
const CURSOR_LISTS = new Set<ValidatedMethod>(['listFeedbackComments', 'listConversations', 'listTraces']);

/**
 * Checks every param of a call to `method` against the bounds of `limits.ts` before any work starts: `userId`,
 * `range` (≤ `MAX_RANGE_DAYS`), `granularity` (≤ `MAX_SERIES_BUCKETS` buckets), `pagination` / `limit`
 * (≤ `MAX_PAGE_SIZE`), `search`, `conversationId`, filter ids and value kinds, and sort ids. Cohorts and cursors
 * are left to the engine. Throws `ProviderError('invalid-data')` naming the first bad param; returns the normalised
 * shared params. The memory provider and the REST request handler call it, and so should any other engine.
 */
export function validateParams(method: ValidatedMethod, params: object): ValidatedParams {
  const p = params as Record<string, unknown>;
  if (!POPULATION_METHODS.has(method)) parseUserId(p.userId);
  if (method === 'getUser') return {};
  const range = parseRange(p.range);
  const out: ValidatedParams = { range };
  if (method === 'getUsersDistribution') {
    if (!(DISTRIBUTION_METRICS as readonly unknown[]).includes(p.metric)) {
      throw invalidParam('metric', `expected one of ${DISTRIBUTION_METRICS.join(', ')}, got ${showValue(p.metric)}`);
    }
    out.binCount = parseBinCount(p.binCount);
    if (p.userId !== undefined) parseUserId(p.userId);
  } else if (method === 'getUsersSegments') {
    parseIdParam(p.key, 'key');
    out.limit = parseSegmentsLimit(p.limit);
  }
  if (SERIES.has(method)) out.granularity = parseGranularity(p.granularity, range);
  if (CURSOR_LISTS.has(method)) out.limit = parseLimit(p.limit);
  if (method === 'listUsers') {
    out.pagination = parsePagination(p.pagination);
    const search = parseSearch(p.search);
    if (search !== undefined) out.search = search;
    out.filters = checkUsersFilters(p.filters);
    parseSorting(p.sorting, isUsersSortId, `${USERS_SORT_IDS.join(', ')}, metadata.<key>`);
  } else if (method === 'listTraces') {
    if (p.conversationId !== undefined && p.conversationId !== null) parseIdParam(p.conversationId, 'conversationId');
    out.filters = checkTracesFilters(p.filters);
    parseSorting(p.sorting, (id) => (TRACE_SORT_IDS as readonly string[]).includes(id), TRACE_SORT_IDS.join(', '));
  } else if (method === 'listConversations') {
    parseSorting(p.sorting, (id) => CONVERSATION_SORT_IDS.includes(id), CONVERSATION_SORT_IDS.join(', '));
  }
  return out;
}
