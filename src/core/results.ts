/**
 * Result shapes returned by a DataProvider. Field names are part of the public contract.
 * Suffixes carry units: `…Ms` milliseconds, `…Usd` dollars, `…Count` counts; rates are fractions 0..1; unknown is `null`.
 * @module
 */
import type { UserMetricValues } from './metrics/user-metrics';
import type { FeedbackSource, FeedbackValue, Granularity, Trace, User } from './model';

/** One page of results. Offset-paged lists set `total`; cursor-paged lists set `nextCursor` (`null` on the last page). */
export interface Page<T> {
  /** The rows of this page. */
  rows: T[];
  /** Total matching rows, when the provider knows it. */
  total?: number;
  /** Opaque cursor of the next page; `null` or absent when there is none. */
  nextCursor?: string | null;
}

/** One point of the users-list sparkline (traces per day, errors overlaid). */
export interface SparkPoint {
  /** Bucket start (ISO UTC). */
  t: string;
  /** Traces started in the bucket. */
  traceCount: number;
  /** Failed traces started in the bucket. */
  errorCount: number;
}

/** Why a user needs attention. */
export type AttentionKind = 'errors' | 'latency' | 'cost';

/** One explained reason a user row needs attention. `value` is the user's number, `baseline` the population's. */
export interface AttentionReason {
  /** Which signal fired. */
  kind: AttentionKind;
  /** Plain-language explanation, e.g. "Error rate 32 % vs 4 % across all users". */
  message: string;
  /** The user's value (error rate as a fraction, p95 in ms, or cost per trace in USD). */
  value: number;
  /** The population's value for the same measure and range. */
  baseline: number;
  /**
   * How many of the user's traces the value rests on: every trace in range for `errors` and `latency`, the traces with
   * a known cost for `cost`. Lets a UI write the message in its own language; optional (older providers omit it, and a
   * UI then shows `message`).
   */
  sampleCount?: number;
  /** For `errors`: how many of those traces failed. */
  failedCount?: number;
}

/**
 * A users-list row: one user and their numbers within the requested range. The numbers are the metric registry's
 * (`USER_METRICS` in `core/metrics/user-metrics.ts`: traces, conversations, success rate, errors, latency, cost,
 * tokens, feedback), each `number | null` where it can be unknown.
 */
export interface UserRow extends UserMetricValues {
  /** The user. */
  user: User;
  /** First trace start within the range (ISO UTC). */
  firstSeen: string;
  /** Last trace start within the range (ISO UTC). */
  lastSeen: string;
  /** Traces per day across the range. */
  sparkline: SparkPoint[];
  /** Reasons the user needs attention; empty when none. */
  attention: AttentionReason[];
}

/**
 * Population totals of a range, for a users page's header (`getUsersSummary`). Every number covers the whole
 * population: search and filters do not apply. Definitions: docs/metrics.md, "Users summary".
 */
export interface UsersSummary {
  /** Users with at least one trace starting before `range.to`, over all time. */
  userCount: number;
  /** Users with at least one trace in the range (what an unfiltered `listUsers` counts as `total`). */
  activeUserCount: number;
  /** Active users with at least one attention reason in the range. */
  attentionUserCount: number;
  /** Traces in the range. */
  traceCount: number;
  /** Failed traces / traces in the range; `null` without traces. */
  errorRate: number | null;
  /** Sum of the known costs of the traces in the range; `null` when no trace in range carries a cost. */
  costUsd: number | null;
  /** Active users whose first trace ever starts in the range. */
  newUserCount: number;
  /**
   * Traces in the range without a user id (`Trace.userId === null`). They count in no other figure: `traceCount`,
   * `errorRate` and `costUsd` cover attributed traces only, so the share of traces with a user id is
   * `traceCount / (traceCount + unattributedTraceCount)`.
   */
  unattributedTraceCount: number;
}

/** Key metrics of a set of traces. */
export interface KeyMetrics {
  /** Traces in range. */
  traceCount: number;
  /** Distinct conversations among those traces. */
  conversationCount: number;
  /** Distinct UTC days with at least one trace. */
  activeDays: number;
  /** Failed traces. */
  errorCount: number;
  /** ok / total; `null` without traces. */
  successRate: number | null;
  /** Most frequent `errorType` among failed traces (ties: alphabetical); `null` when none. */
  topErrorType: string | null;
  /** Mean latency; `null` without traces. */
  latencyAvgMs: number | null;
  /** Median latency; `null` without traces. */
  latencyP50Ms: number | null;
  /** 95th percentile latency; `null` without traces. */
  latencyP95Ms: number | null;
  /** Sum of known costs; `null` when none known. */
  costUsd: number | null;
  /** Cost divided by traces that carry a cost; `null` when none do. */
  costPerTraceUsd: number | null;
  /** Sum of known input tokens; `null` when none known. */
  inputTokens: number | null;
  /** Sum of known output tokens; `null` when none known. */
  outputTokens: number | null;
}

/** Key metrics of a cohort: the aggregate of every trace of the users matching the cohort, plus how many users. */
export type CohortMetrics = KeyMetrics & {
  /** Users in the cohort with at least one trace in range. */
  userCount: number;
  /**
   * Mean over those users of their own active days (distinct UTC days with a trace in range), so a user's
   * `activeDays` compares with a typical member (`activeDays` above counts the group's distinct days). `null` when
   * `userCount` is 0.
   */
  activeDaysPerUser: number | null;
};

/** A cohort selector: users whose `metadata[key] === value`. */
export interface Cohort {
  /** Metadata key, e.g. `plan`. */
  key: string;
  /** Value to match exactly, e.g. `pro`. */
  value: string | number | boolean | null;
}

/** `getUserMetrics` answer. */
export interface UserMetrics {
  /** The requested range. */
  current: KeyMetrics;
  /** The range of equal length ending where the current one starts. */
  previous: KeyMetrics;
  /** The cohort over the same range, when one was asked for. */
  cohort?: CohortMetrics;
  /**
   * Every user over the same range (`compare.population`), aggregated the way a cohort is: every attributed trace in
   * range, plus how many users. Lets a user without a previous period still compare with something.
   */
  population?: CohortMetrics;
}

/** One time bucket of a user's trends. Empty buckets have zero counts and `null` rates. */
export interface TrendBucket {
  /** Bucket start (ISO UTC). */
  t: string;
  /** Traces started in the bucket. */
  traceCount: number;
  /** Failed traces. */
  errorCount: number;
  /** ok / total; `null` when empty. */
  successRate: number | null;
  /** Median latency; `null` when empty. */
  latencyP50Ms: number | null;
  /** 95th percentile latency; `null` when empty. */
  latencyP95Ms: number | null;
  /** Sum of known costs; `null` when none known. */
  costUsd: number | null;
  /** Sum of known input + output tokens; `null` when none known. */
  tokens: number | null;
}

/** `getUserTrends` answer. */
export interface UserTrends {
  /** Bucket size used. */
  granularity: Granularity;
  /** Every bucket overlapping the range, oldest first. */
  buckets: TrendBucket[];
  /** The cohort over the same range and buckets, when one was asked for. */
  cohort?: CohortTrends;
}

/** Trends of a cohort: every trace of the users matching it, bucketed like the user's, plus how many users. */
export interface CohortTrends {
  /** Users in the cohort with at least one trace in range (as `CohortMetrics.userCount`). */
  userCount: number;
  /** The same buckets as `UserTrends.buckets`, over the cohort's traces. */
  buckets: TrendBucket[];
}

/** Metrics of a window of traces, used for before/after comparisons. */
export interface WindowMetrics {
  /** Traces in the window. */
  traceCount: number;
  /** ok / total; `null` when empty. */
  successRate: number | null;
  /** 95th percentile latency; `null` when empty. */
  latencyP95Ms: number | null;
  /** Cost per trace that carries a cost; `null` when none do. */
  costPerTraceUsd: number | null;
}

/** One model (with version) a user's traces ran on. */
export interface ModelStat {
  /** Model id, e.g. `gpt-4o-2024-08-06`; traces without a model are grouped under `"(unknown)"`. */
  model: string;
  /** Traces on this model. */
  traceCount: number;
  /** Share of the user's traces in range, 0..1. */
  share: number;
  /** First trace start on this model in range (ISO UTC). */
  firstSeen: string;
  /** Last trace start on this model in range (ISO UTC). */
  lastSeen: string;
  /** ok / total. */
  successRate: number | null;
  /** 95th percentile latency. */
  latencyP95Ms: number | null;
  /** Cost per trace that carries a cost. */
  costPerTraceUsd: number | null;
}

/** Model mix of one bucket: traces per model. */
export interface ModelMixBucket {
  /** Bucket start (ISO UTC). */
  t: string;
  /** Trace count per model id. */
  counts: Record<string, number>;
}

/** A detected change the user was exposed to: a model switch or a new app release. */
export interface ChangeEvent {
  /** What changed. */
  kind: 'model-switch' | 'release';
  /** When it took effect (ISO UTC): the first trace on the new model or release. */
  at: string;
  /** Previous model or release; `null` when there was none in range. */
  from: string | null;
  /** New model or release. */
  to: string;
  /** Metrics over the `window` traces before the change (never reaching back past the previous change). */
  before: WindowMetrics;
  /** Metrics over the same number of traces after the change (never reaching past the next change). */
  after: WindowMetrics;
  /** True when the change passes the regression rule in docs/metrics.md. */
  regression: boolean;
  /** Which measures regressed (empty when `regression` is false). */
  regressedOn: ('successRate' | 'latencyP95Ms' | 'costPerTraceUsd')[];
  /**
   * The other changes too close to this one to tell their effects apart (at the same instant, or fewer than
   * `REGRESSION_RULE.minSample` traces apart), in time order. Such changes are measured as one group: they share
   * `before` (up to the group's first change), `after` (from its last change) and the verdict, so a regression names
   * the whole group rather than blaming each. Absent when the change stands alone.
   */
  overlapsWith?: ChangeRef[];
}

/** Identifies a {@link ChangeEvent} among a `getModelUsage` answer's changes. */
export interface ChangeRef {
  /** What changed. */
  kind: ChangeEvent['kind'];
  /** When it took effect (ISO UTC). */
  at: string;
  /** New model or release. */
  to: string;
}

/** `getModelUsage` answer. */
export interface ModelUsage {
  /** Bucket size of `mix`. */
  granularity: Granularity;
  /** Models seen in range, most used first. */
  models: ModelStat[];
  /** Model mix per bucket across the range. */
  mix: ModelMixBucket[];
  /** Model switches and releases in time order. */
  changes: ChangeEvent[];
}

/** Kind of a feedback key, inferred from its values. */
export type FeedbackKind = 'numeric' | 'boolean' | 'categorical';

/** Summary of a user's feedback within the range. */
export interface FeedbackSummary {
  /** Feedback records in range. */
  count: number;
  /** Mean normalised score (0..1) over scored records; `null` when none are scored. */
  avgScore: number | null;
  /** Distinct traces (in range) with at least one feedback record. */
  tracesWithFeedback: number;
  /** Traces in range. */
  traceCount: number;
  /** tracesWithFeedback / traceCount; `null` without traces. */
  coverage: number | null;
  /** Records with a non-empty comment. */
  commentCount: number;
}

/** One bucket of feedback over time. */
export interface FeedbackTrendBucket {
  /** Bucket start (ISO UTC). */
  t: string;
  /** Records created in the bucket. */
  count: number;
  /** Mean normalised score of scored records; `null` when none. */
  avgScore: number | null;
  /** Records with score ≥ 0.5. */
  positiveCount: number;
  /** Records with score < 0.5. */
  negativeCount: number;
}

/** Count of scored records in one tenth of the 0..1 score scale (`[from, to)`, the last bin closed). */
export interface ScoreBin {
  /** Lower edge (inclusive). */
  from: number;
  /** Upper edge (exclusive, except 1.0). */
  to: number;
  /** Records in the bin. */
  count: number;
}

/** Stats of one feedback key. */
export interface FeedbackKeyStat {
  /** The key, e.g. `thumbs`. */
  key: string;
  /** Kind inferred from the values. */
  kind: FeedbackKind;
  /** Records with this key. */
  count: number;
  /** Mean normalised score; `null` for categorical keys. */
  avgScore: number | null;
  /** For categorical keys: count per category. For boolean keys: `{ true, false }` counts. Empty for numeric keys. */
  categories: Record<string, number>;
}

/** One bucket of comment activity. */
export interface CommentMomentumBucket {
  /** Bucket start (ISO UTC). */
  t: string;
  /** Records with a comment in the bucket. */
  commentCount: number;
  /** All records in the bucket. */
  feedbackCount: number;
}

/** `getFeedback` answer. */
export interface FeedbackOverview {
  /** Bucket size of the series. */
  granularity: Granularity;
  /** Summary numbers. */
  summary: FeedbackSummary;
  /** Volume and sentiment over time. */
  trend: FeedbackTrendBucket[];
  /** Distribution of normalised scores in ten bins. */
  histogram: ScoreBin[];
  /** Keys by count, most first. */
  topKeys: FeedbackKeyStat[];
  /** Comment activity over time. */
  commentMomentum: CommentMomentumBucket[];
}

/** A feedback comment with the trace it refers to. */
export interface FeedbackComment {
  /** Feedback id. */
  id: string;
  /** Trace id. */
  traceId: string;
  /** Key. */
  key: string;
  /** Raw value. */
  value: FeedbackValue;
  /** Normalised score, `null` when unscored. */
  score: number | null;
  /** The comment text. */
  comment: string;
  /** When it was left (ISO UTC). */
  createdAt: string;
  /** Who left it (`user` or `reviewer`; `eval` records are never listed); absent means `user`. */
  source?: FeedbackSource;
  /** The related trace, when the provider has it. */
  trace?: Pick<Trace, 'id' | 'name' | 'status' | 'latencyMs' | 'model' | 'startTime'>;
}

/** A conversation summary: traces sharing a `conversationId`. */
export interface ConversationSummary {
  /** Conversation id; traces without one form the `"(none)"` group. */
  id: string;
  /** Traces in range in this conversation. */
  traceCount: number;
  /** First trace start (ISO UTC). */
  firstTime: string;
  /** Last trace start (ISO UTC). */
  lastTime: string;
  /** Last trace end − first trace start (latency used when end is unknown). */
  durationMs: number;
  /** Failed traces. */
  errorCount: number;
  /** Sum of known costs; `null` when none known. */
  costUsd: number | null;
  /** Input preview of the first trace; `null` when absent. */
  title: string | null;
  /** Distinct models used, in order of first use. */
  models: string[];
  /** Status of each trace in step order. */
  steps: Trace['status'][];
}

/** A `listTraces` row: the trace as given, plus what the provider derives about it. */
export interface TraceRow extends Trace {
  /**
   * Mean normalised feedback score (0..1) of the scored feedback records on this trace, whenever they were left
   * (unscored records, e.g. categories, are left out); `null` when the trace has no scored feedback; absent when
   * the provider does not compute it.
   */
  feedbackScore?: number | null;
}

/** A per-user measure the population distribution can bin. */
export type DistributionMetric = 'costUsd' | 'traceCount' | 'errorRate' | 'latencyP95Ms';

/** One bin of a {@link UsersDistribution}: users whose value `v` satisfies `from ≤ v < to` (the last bin is closed). */
export interface DistributionBin {
  /** Lower edge (inclusive). */
  from: number;
  /** Upper edge (exclusive, except for the last bin). */
  to: number;
  /** Users in the bin. */
  userCount: number;
}

/** Where one user sits in a {@link UsersDistribution}. */
export interface DistributionPosition {
  /** The user's value; `null` when unknown (e.g. no trace carries a cost) or the user has no trace in range. */
  value: number | null;
  /** Users with a known value strictly greater than the user's (0 for the top user); `null` when `value` is. */
  aboveCount: number | null;
}

/**
 * `getUsersDistribution` answer: the active users of a range binned by one per-user measure (the `listUsers` row
 * figure: `costUsd`, `traceCount`, `latencyP95Ms`; `errorRate` = `errorCount / traceCount`). Bin edges follow
 * `distributionEdges` in `userscope/core`, so every engine bins alike. Definitions: docs/metrics.md.
 */
export interface UsersDistribution {
  /** The binned measure. */
  metric: DistributionMetric;
  /** Bins, lowest first; empty when no active user has a known value. */
  bins: DistributionBin[];
  /** Active users with a known value (the sum of the bins). */
  userCount: number;
  /** Active users whose value is unknown (`null`), e.g. none of their traces carries a cost. Never binned as 0. */
  unknownCount: number;
  /** The asked-for user's place, when `userId` was given. */
  position?: DistributionPosition;
}

/**
 * One segment of a {@link UsersSegments} breakdown: the active users whose `metadata[key]` equals `value`, with
 * their traces pooled the way a cohort is.
 */
export interface UserSegment {
  /** The metadata value; `null` groups users without the key (or with an explicit `null`). */
  value: string | number | boolean | null;
  /** Active users in the segment. */
  userCount: number;
  /** Their traces in range. */
  traceCount: number;
  /** Failed traces / traces; `null` without traces. */
  errorRate: number | null;
  /** Median latency over the segment's traces. */
  latencyP50Ms: number | null;
  /** 95th percentile latency over the segment's traces. */
  latencyP95Ms: number | null;
  /** Sum of known costs; `null` when none known. */
  costUsd: number | null;
  /** Cost divided by the traces that carry a cost; `null` when none do. */
  costPerTraceUsd: number | null;
}

/** `getUsersSegments` answer: a breakdown of a range's active users by one metadata key. */
export interface UsersSegments {
  /** The metadata key, e.g. `plan`. */
  key: string;
  /** Segments by traces, most first (ties: by value as text), at most `limit`. */
  segments: UserSegment[];
  /** Segments left out past `limit` (0 when all are listed). */
  omittedCount: number;
}
