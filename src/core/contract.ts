/**
 * The DataProvider contract: what a host implements (or picks from userscope's adapters) to feed the hooks.
 * Lists use TanStack Table shapes so table state can be passed straight through.
 * @module
 */
import type { Granularity, TimeRange, User } from './model';
import type {
  Cohort,
  ConversationSummary,
  FeedbackComment,
  FeedbackOverview,
  ModelUsage,
  Page,
  TraceRow,
  UserMetrics,
  UserRow,
  UserTrends,
  UsersDistribution,
  UsersSegments,
  UsersSummary,
  DistributionMetric,
} from './results';

/** One sort key, as TanStack Table's `SortingState` item. */
export interface SortingItem {
  /** Column id, e.g. `traceCount`, `latencyP95Ms`, `metadata.plan`. */
  id: string;
  /** Descending when true. */
  desc: boolean;
}

/** One column filter, as TanStack Table's `ColumnFiltersState` item. */
export interface FilterItem {
  /** What to filter on (see each method for the ids it understands). */
  id: string;
  /** The value to match; an array matches any of its items. */
  value: unknown;
}

/** Offset pagination, as TanStack Table's `PaginationState`. */
export interface OffsetPagination {
  /** Zero-based page. */
  pageIndex: number;
  /** Rows per page. */
  pageSize: number;
}

/** Common to every call. */
export interface BaseParams {
  /** Cancels the request; providers reject with `ProviderError('aborted')`. */
  signal?: AbortSignal;
}

/**
 * `listUsers` params. Filter ids: `metadata.<key>` (value or array of values), `status` (`"error"`: users with at
 * least one failed trace), `model` (users with a trace on that model), `attention` (`true` or an array of
 * attention kinds). Sorting ids: every numeric `UserRow` field, `firstSeen`, `lastSeen`, `user` (display name or id),
 * `metadata.<key>`. Unknown values sort last in both directions.
 */
export interface ListUsersParams extends BaseParams {
  /** Time window. */
  range: TimeRange;
  /** Case-insensitive substring over id, display name, email and metadata values. */
  search?: string;
  /** Column filters. */
  filters?: FilterItem[];
  /** Sort keys, first wins. Default: `lastSeen` descending. */
  sorting?: SortingItem[];
  /** Page to return. Default: first 50. */
  pagination?: OffsetPagination;
}

/**
 * `getUsersSummary` params. Only a range: the summary describes the whole population of the range, so search and
 * filters do not apply (the `total` of a filtered `listUsers` page counts the users of a filtered view).
 */
export interface GetUsersSummaryParams extends BaseParams {
  /** Time window. */
  range: TimeRange;
}

/** `getUsersDistribution` params. */
export interface GetUsersDistributionParams extends BaseParams {
  /** Time window; the active users of the range are binned. */
  range: TimeRange;
  /** The per-user measure to bin. */
  metric: DistributionMetric;
  /** Number of bins, 1..100 (`MAX_DISTRIBUTION_BINS`). Default 20. */
  binCount?: number;
  /** Adds `position`: where this user sits. */
  userId?: string;
}

/** `getUsersSegments` params. */
export interface GetUsersSegmentsParams extends BaseParams {
  /** Time window. */
  range: TimeRange;
  /** Metadata key to break the active users down by, e.g. `plan` or `region`. */
  key: string;
  /** Most segments to return, 1..100. Default 20. */
  limit?: number;
}

/** `getUser` params. */
export interface GetUserParams extends BaseParams {
  /** User id. */
  userId: string;
}

/** `getUserMetrics` params. */
export interface GetUserMetricsParams extends BaseParams {
  /** User id. */
  userId: string;
  /** Time window. */
  range: TimeRange;
  /** Comparisons to include. The previous period is always included. */
  compare?: CohortComparison;
}

/** A comparison a method can add to its answer: the cohort over the same range. */
export interface CohortComparison {
  /** Users whose `metadata[key] === value`; absent for no cohort. */
  cohort?: Cohort;
  /** Every user over the same range (`UserMetrics.population`); `getUserMetrics` only. */
  population?: boolean;
}

/** Params of the time-series methods. */
export interface SeriesParams extends BaseParams {
  /** User id. */
  userId: string;
  /** Time window. */
  range: TimeRange;
  /** Bucket size; default chosen from the range length (see `autoGranularity`). */
  granularity?: Granularity;
}

/** `getUserTrends` params: the series params, plus an optional cohort computed over the same range and granularity. */
export interface GetUserTrendsParams extends SeriesParams {
  /** Comparisons to include; `compare.cohort` adds `UserTrends.cohort`. */
  compare?: CohortComparison;
}

/** Cursor pagination. */
export interface CursorParams {
  /** Opaque cursor from the previous page's `nextCursor`; absent for the first page. */
  cursor?: string | null;
  /** Page size. Default 50. */
  limit?: number;
}

/** `listFeedbackComments` params. Newest first. */
export interface ListFeedbackCommentsParams extends BaseParams, CursorParams {
  /** User id. */
  userId: string;
  /** Time window (on `createdAt`). */
  range: TimeRange;
}

/**
 * `listConversations` params. Sorting ids: `lastTime` (default, desc), `firstTime`, `errorCount`, `costUsd`,
 * `traceCount`, `durationMs`.
 */
export interface ListConversationsParams extends BaseParams, CursorParams {
  /** User id. */
  userId: string;
  /** Time window; a conversation is included when one of its traces starts in range. */
  range: TimeRange;
  /** Sort keys. */
  sorting?: SortingItem[];
}

/**
 * `listTraces` params. Filter ids: `status`, `model`, `name`, `errorType`, `release` (value or array).
 * Sorting ids: `startTime` (default, desc), `latencyMs`, `costUsd`, `inputTokens`, `outputTokens`, `name`, `model`,
 * `status`. With `conversationId` and no sorting, traces come in step order (startTime ascending).
 */
export interface ListTracesParams extends BaseParams, CursorParams {
  /** User id. */
  userId: string;
  /** Time window. */
  range: TimeRange;
  /** Only this conversation's traces; `"(none)"` selects traces without a conversation. */
  conversationId?: string | null;
  /** Column filters. */
  filters?: FilterItem[];
  /** Sort keys. */
  sorting?: SortingItem[];
}

/** What a provider can answer. Sections whose capability is false are hidden by the pages. */
export interface ProviderCapabilities {
  /** Feedback and comments (`getFeedback`, `listFeedbackComments`). */
  feedback: boolean;
  /** Cohort comparison in `getUserMetrics` and `getUserTrends`. */
  cohorts: boolean;
  /** `getModelUsage`. */
  modelUsage: boolean;
  /** `listConversations`. */
  conversations: boolean;
}

/**
 * The data contract behind every userscope hook. Every method takes one params object with an optional
 * `AbortSignal` and returns a Promise; failures reject with a `ProviderError`.
 *
 * Optional methods (`getUsersSummary`) are their own capability: a provider that cannot answer one leaves it out,
 * the hooks over it stay idle, and the pages fall back on the required methods.
 */
export interface DataProvider {
  /** What this provider can answer. */
  readonly capabilities: ProviderCapabilities;
  /** Users list rows for a range. */
  listUsers(params: ListUsersParams): Promise<Page<UserRow>>;
  /**
   * Optional. Population totals of a range (users, active users, attention users, traces, error rate, cost) in one
   * call. Without it, a users page derives them from `listUsers` and leaves traces, error rate and cost unknown
   * past a scan limit of active users.
   */
  getUsersSummary?(params: GetUsersSummaryParams): Promise<UsersSummary>;
  /** Optional. The active users of a range binned by one measure; without it, hooks bin `listUsers` rows. */
  getUsersDistribution?(params: GetUsersDistributionParams): Promise<UsersDistribution>;
  /** Optional. The active users of a range broken down by a metadata key; without it, hooks group `listUsers` rows. */
  getUsersSegments?(params: GetUsersSegmentsParams): Promise<UsersSegments>;
  /** One user; rejects with `not-found` when unknown. */
  getUser(params: GetUserParams): Promise<User>;
  /** Key metrics with previous period and optional cohort. */
  getUserMetrics(params: GetUserMetricsParams): Promise<UserMetrics>;
  /** Time-bucketed trends, and the cohort's over the same buckets when `compare.cohort` is given. */
  getUserTrends(params: GetUserTrendsParams): Promise<UserTrends>;
  /** Models seen, model mix, switches and releases. */
  getModelUsage(params: SeriesParams): Promise<ModelUsage>;
  /** Feedback summary, trend, histogram, keys and comment momentum. */
  getFeedback(params: SeriesParams): Promise<FeedbackOverview>;
  /** Comments, newest first, with their traces. */
  listFeedbackComments(params: ListFeedbackCommentsParams): Promise<Page<FeedbackComment>>;
  /** Conversation summaries. */
  listConversations(params: ListConversationsParams): Promise<Page<ConversationSummary>>;
  /** Traces of a user, each with its mean feedback score when the provider computes it. */
  listTraces(params: ListTracesParams): Promise<Page<TraceRow>>;
}
