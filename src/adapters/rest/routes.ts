/**
 * The REST contract as data: one GET route per DataProvider method, with its path and query parameters. The client
 * (`createRestProvider`), the server-side handler (`createRestRequestHandler`), the msw handlers and the published
 * OpenAPI document (`docs/rest-api.yaml`) are all driven by this table, so they cannot disagree.
 * @module
 */
import * as z from 'zod/mini';
import type { DataProvider } from '../../core/contract';
import {
  DEFAULT_DISTRIBUTION_BINS,
  DEFAULT_SEGMENTS,
  MAX_DISTRIBUTION_BINS,
  MAX_PAGE_SIZE,
  MAX_PARAM_ID_CHARS,
  MAX_RANGE_DAYS,
  MAX_SEARCH_CHARS,
  MAX_SEGMENTS,
  MAX_SERIES_BUCKETS,
} from '../../core/limits';
import { USERS_SORT_IDS } from '../../core/params-filters';
import { isoTimestampSchema, userSchema } from '../../core/schema/records';
import {
  cohortSchema,
  conversationSummarySchema,
  distributionMetricSchema,
  feedbackCommentSchema,
  feedbackOverviewSchema,
  granularitySchema,
  modelUsageSchema,
  pageSchema,
  traceRowSchema,
  userMetricsSchema,
  userRowSchema,
  usersDistributionSchema,
  usersSegmentsSchema,
  usersSummarySchema,
  userTrendsSchema,
} from '../../core/schema/results';

/**
 * The DataProvider methods the REST contract serves (every method, the optional `getUsersSummary` included;
 * `capabilities` is configured on the client).
 */
export type RestMethodName = Exclude<keyof DataProvider, 'capabilities'>;

/** How a query parameter is written: `text` as is, `integer` as decimal digits, `json` as (URL-encoded) JSON. */
export type RestParamEncoding = 'text' | 'integer' | 'json';

/** One query parameter of a route and where it lives in the method's params object. */
export interface RestQueryParam {
  /** Name in the query string. */
  name: string;
  /** Property path inside the method's params, e.g. `['range', 'from']`. */
  target: readonly string[];
  /** How the value is written in the query string. */
  encoding: RestParamEncoding;
  /** The decoded value's schema: the server validates with it, the OpenAPI document is generated from it. */
  schema: z.ZodMiniType;
  /** True when the server rejects a request without it. */
  required: boolean;
  /** Value the server uses when it is absent (none: the provider's own default applies). */
  default?: number;
  /** What it means, for the OpenAPI document. */
  description: string;
}

/** One route of the REST contract. */
export interface RestRoute {
  /** The DataProvider method it answers. */
  method: RestMethodName;
  /** Path under the base URL; `:userId` is the only path parameter. */
  path: string;
  /** Query parameters. */
  query: readonly RestQueryParam[];
  /** One-line summary. */
  summary: string;
  /** Schema of the 200 response body; the client validates every answer with it. */
  response: z.ZodMiniType;
}

/** `sorting`: TanStack `SortingState`. */
export const sortingParamSchema = z.array(z.looseObject({ id: z.string().check(z.minLength(1)), desc: z.boolean() }));

/** `filters`: TanStack `ColumnFiltersState`. */
export const filtersParamSchema = z.array(z.looseObject({ id: z.string().check(z.minLength(1)), value: z.unknown() }));

const FROM: RestQueryParam = {
  name: 'from',
  target: ['range', 'from'],
  encoding: 'text',
  schema: isoTimestampSchema,
  required: true,
  description: 'Inclusive start of the range (ISO-8601).',
};
const TO: RestQueryParam = {
  name: 'to',
  target: ['range', 'to'],
  encoding: 'text',
  schema: isoTimestampSchema,
  required: true,
  description: `Exclusive end of the range (ISO-8601); must be after \`from\`, at most ${MAX_RANGE_DAYS} days later.`,
};
const GRANULARITY: RestQueryParam = {
  name: 'granularity',
  target: ['granularity'],
  encoding: 'text',
  schema: granularitySchema,
  required: false,
  description: `Bucket size; when absent: \`hour\` up to 2 days, \`day\` up to 120 days, \`week\` beyond. At most ${MAX_SERIES_BUCKETS} buckets over the range.`,
};
const COHORT: RestQueryParam = {
  name: 'cohort',
  target: ['compare', 'cohort'],
  encoding: 'json',
  schema: cohortSchema,
  required: false,
  description: 'Compare with the users whose `metadata[key] === value` over the same range.',
};
const POPULATION: RestQueryParam = {
  name: 'population',
  target: ['compare', 'population'],
  encoding: 'json',
  schema: z.boolean(),
  required: false,
  description: '`true` adds `population`: every user over the same range, aggregated like a cohort.',
};
const CURSOR: RestQueryParam = {
  name: 'cursor',
  target: ['cursor'],
  encoding: 'text',
  schema: z.string(),
  required: false,
  description: 'Opaque `nextCursor` of the previous page, sent with the same other parameters.',
};
const LIMIT: RestQueryParam = {
  name: 'limit',
  target: ['limit'],
  encoding: 'integer',
  schema: z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE)),
  required: false,
  description: `Page size (default 50, at most ${MAX_PAGE_SIZE}).`,
};
const sorting = (ids: string): RestQueryParam => ({
  name: 'sorting',
  target: ['sorting'],
  encoding: 'json',
  schema: sortingParamSchema,
  required: false,
  description: `Sort keys, first wins; unknown values sort last. Ids: ${ids}.`,
});
const filters = (ids: string): RestQueryParam => ({
  name: 'filters',
  target: ['filters'],
  encoding: 'json',
  schema: filtersParamSchema,
  required: false,
  description: `Column filters, all must match; an array value matches any of its items. Ids: ${ids}.`,
});

/** Every route of the REST contract, in the order of the DataProvider methods. */
export const REST_ROUTES: readonly RestRoute[] = [
  {
    method: 'listUsers',
    path: '/users',
    summary: 'Users with at least one trace in the range, one row each, offset-paged.',
    response: pageSchema(userRowSchema),
    query: [
      FROM,
      TO,
      { name: 'search', target: ['search'], encoding: 'text', schema: z.string().check(z.maxLength(MAX_SEARCH_CHARS)), required: false, description: 'Case-insensitive substring over id, display name, email and metadata values.' },
      filters('`metadata.<key>`, `status`, `model`, `attention`, and the measures `costUsd`, `traceCount`, `errorRate`, `latencyP95Ms` (value `{ from?, to? }`: from ≤ v < to)'),
      // The sort ids from the metric registry (USERS_SORT_IDS), so the OpenAPI text lists each new metric.
      sorting(`${USERS_SORT_IDS.map((id) => (id === 'attention' ? '`attention` (severity)' : `\`${id}\``)).join(', ')}, \`metadata.<key>\`; default \`lastSeen\` descending`),
      { name: 'pageIndex', target: ['pagination', 'pageIndex'], encoding: 'integer', schema: z.int().check(z.gte(0)), required: false, default: 0, description: 'Zero-based page.' },
      { name: 'pageSize', target: ['pagination', 'pageSize'], encoding: 'integer', schema: z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE)), required: false, default: 50, description: `Rows per page (at most ${MAX_PAGE_SIZE}).` },
    ],
  },
  {
    method: 'getUsersSummary',
    path: '/users-summary',
    summary: 'Population totals of the range (optional: 404 when the backend does not serve it).',
    response: usersSummarySchema,
    query: [FROM, TO],
  },
  {
    method: 'getUsersDistribution',
    path: '/users-distribution',
    summary: 'The active users of the range binned by one per-user measure (optional: 404 when the backend does not serve it).',
    response: usersDistributionSchema,
    query: [
      FROM,
      TO,
      { name: 'metric', target: ['metric'], encoding: 'text', schema: distributionMetricSchema, required: true, description: 'The per-user measure: `costUsd`, `traceCount`, `errorRate` or `latencyP95Ms`.' },
      { name: 'binCount', target: ['binCount'], encoding: 'integer', schema: z.int().check(z.gte(1), z.lte(MAX_DISTRIBUTION_BINS)), required: false, default: DEFAULT_DISTRIBUTION_BINS, description: `Most bins (at most ${MAX_DISTRIBUTION_BINS}); edges by core's \`distributionEdges\`.` },
      { name: 'userId', target: ['userId'], encoding: 'text', schema: z.string().check(z.minLength(1), z.maxLength(MAX_PARAM_ID_CHARS)), required: false, description: 'Adds `position`: this user’s value and how many users have a larger one.' },
    ],
  },
  {
    method: 'getUsersSegments',
    path: '/users-segments',
    summary: 'The active users of the range broken down by a metadata key (optional: 404 when the backend does not serve it).',
    response: usersSegmentsSchema,
    query: [
      FROM,
      TO,
      { name: 'key', target: ['key'], encoding: 'text', schema: z.string().check(z.minLength(1), z.maxLength(MAX_PARAM_ID_CHARS)), required: true, description: 'The metadata key, e.g. `plan` or `region`.' },
      { name: 'limit', target: ['limit'], encoding: 'integer', schema: z.int().check(z.gte(1), z.lte(MAX_SEGMENTS)), required: false, default: DEFAULT_SEGMENTS, description: `Most segments (at most ${MAX_SEGMENTS}), most traces first; the rest are counted in \`omittedCount\`.` },
    ],
  },
  { method: 'getUser', path: '/users/:userId', summary: 'One user; 404 when unknown.', response: userSchema, query: [] },
  {
    method: 'getUserMetrics',
    path: '/users/:userId/metrics',
    summary: 'Key metrics for the range, the previous period of equal length and, on request, a cohort and the population.',
    response: userMetricsSchema,
    query: [FROM, TO, COHORT, POPULATION],
  },
  {
    method: 'getUserTrends',
    path: '/users/:userId/trends',
    summary: 'Time-bucketed trends and, on request, the cohort’s trends over the same buckets.',
    response: userTrendsSchema,
    query: [FROM, TO, GRANULARITY, COHORT],
  },
  { method: 'getModelUsage', path: '/users/:userId/models', summary: 'Models seen, model mix per bucket, switches and releases.', response: modelUsageSchema, query: [FROM, TO, GRANULARITY] },
  { method: 'getFeedback', path: '/users/:userId/feedback', summary: 'Feedback summary, trend, histogram, keys and comment momentum.', response: feedbackOverviewSchema, query: [FROM, TO, GRANULARITY] },
  { method: 'listFeedbackComments', path: '/users/:userId/feedback/comments', summary: 'Feedback comments, newest first, cursor-paged.', response: pageSchema(feedbackCommentSchema), query: [FROM, TO, CURSOR, LIMIT] },
  {
    method: 'listConversations',
    path: '/users/:userId/conversations',
    summary: 'Conversation summaries, cursor-paged.',
    response: pageSchema(conversationSummarySchema),
    query: [FROM, TO, sorting('`lastTime` (default, descending), `firstTime`, `errorCount`, `costUsd`, `traceCount`, `durationMs`'), CURSOR, LIMIT],
  },
  {
    method: 'listTraces',
    path: '/users/:userId/traces',
    summary: 'Traces of a user, each with its mean normalised feedback score, cursor-paged.',
    response: pageSchema(traceRowSchema),
    query: [
      FROM,
      TO,
      { name: 'conversationId', target: ['conversationId'], encoding: 'text', schema: z.string(), required: false, description: 'Only this conversation’s traces; `(none)` selects traces without a conversation.' },
      filters('`status`, `model`, `name`, `errorType`, `release`'),
      sorting('`startTime` (default, descending), `latencyMs`, `costUsd`, `inputTokens`, `outputTokens`, `name`, `model`, `status`'),
      CURSOR,
      LIMIT,
    ],
  },
];

/** The route of a method. */
export function routeOf(method: RestMethodName): RestRoute {
  return REST_ROUTES.find((r) => r.method === method) as RestRoute;
}
