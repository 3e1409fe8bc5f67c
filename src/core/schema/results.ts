/**
 * Schemas (zod's mini build, as in `records.ts`) of every result shape in `results.ts`, for adapters that receive results from outside (REST).
 * Same rules as the record schemas: no coercion, unknown extra keys tolerated, unknown numbers are `null`.
 * @module
 */
import * as z from 'zod/mini';
import type {
  AttentionReason,
  ChangeEvent,
  ChangeRef,
  Cohort,
  CohortMetrics,
  CohortTrends,
  CommentMomentumBucket,
  ConversationSummary,
  DistributionBin,
  DistributionMetric,
  DistributionPosition,
  FeedbackComment,
  FeedbackKeyStat,
  FeedbackOverview,
  FeedbackSummary,
  FeedbackTrendBucket,
  KeyMetrics,
  ModelMixBucket,
  ModelStat,
  ModelUsage,
  Page,
  ScoreBin,
  SparkPoint,
  TraceRow,
  TrendBucket,
  UserMetrics,
  UserRow,
  UserSegment,
  UserTrends,
  UsersDistribution,
  UsersSegments,
  UsersSummary,
  WindowMetrics,
} from '../results';
import type { Granularity } from '../model';
import { USER_METRICS, type MetricUnit, type UserMetricDef } from '../metrics/user-metrics';
import {
  countSchema,
  feedbackValueSchema,
  fractionSchema,
  idSchema,
  isoTimestampSchema,
  metadataValueSchema,
  nonNegativeSchema,
  traceShape,
  userSchema,
} from './records';

const rate = z.nullable(fractionSchema);
const ms = z.nullable(nonNegativeSchema);
const usd = z.nullable(nonNegativeSchema);
const tokens = z.nullable(countSchema);
const traceStatus = z.enum(['ok', 'error']);

/** A bucket size: `hour`, `day` or `week`. */
export const granularitySchema: z.ZodMiniType<Granularity> = z.enum(['hour', 'day', 'week']);

/** A {@link Page} of rows validated by `row`. */
export function pageSchema<T>(row: z.ZodMiniType<T>): z.ZodMiniType<Page<T>> {
  return z.looseObject({
    rows: z.array(row),
    total: z.optional(countSchema),
    nextCursor: z.optional(z.nullable(z.string())),
  });
}

/** A {@link SparkPoint}. */
export const sparkPointSchema: z.ZodMiniType<SparkPoint> = z.looseObject({
  t: isoTimestampSchema,
  traceCount: countSchema,
  errorCount: countSchema,
});

/** An {@link AttentionReason}. */
export const attentionReasonSchema: z.ZodMiniType<AttentionReason> = z.looseObject({
  kind: z.enum(['errors', 'latency', 'cost']),
  message: z.string(),
  value: z.number(),
  baseline: z.number(),
  sampleCount: z.optional(countSchema),
  failedCount: z.optional(countSchema),
});

/** The schema of a metric value of each unit. */
const UNIT_SCHEMAS: Readonly<Record<MetricUnit, z.ZodMiniType<number>>> = {
  count: countSchema,
  fraction: fractionSchema,
  ms: nonNegativeSchema,
  usd: nonNegativeSchema,
  tokens: countSchema,
};

/** The schema of one metric: by its unit, `null` allowed when nullable, absent allowed when optional. */
function metricSchema(m: UserMetricDef): z.ZodMiniType<number | null | undefined> {
  const value = m.nullable ? z.nullable(UNIT_SCHEMAS[m.unit]) : UNIT_SCHEMAS[m.unit];
  return m.optional ? z.optional(value) : value;
}

/** The metric fields of a {@link UserRow}, from the metric registry. */
const userMetricShape = Object.fromEntries(USER_METRICS.map((m) => [m.id, metricSchema(m)]));

/** A {@link UserRow}. */
export const userRowSchema = z.looseObject({
  user: userSchema,
  ...userMetricShape,
  firstSeen: isoTimestampSchema,
  lastSeen: isoTimestampSchema,
  sparkline: z.array(sparkPointSchema),
  attention: z.array(attentionReasonSchema),
}) as unknown as z.ZodMiniType<UserRow>;

/** A {@link DistributionMetric}: `costUsd`, `traceCount`, `errorRate` or `latencyP95Ms`. */
export const distributionMetricSchema: z.ZodMiniType<DistributionMetric> = z.enum(['costUsd', 'traceCount', 'errorRate', 'latencyP95Ms']);

/** A {@link DistributionBin}. */
export const distributionBinSchema: z.ZodMiniType<DistributionBin> = z.looseObject({
  from: z.number(),
  to: z.number(),
  userCount: countSchema,
});

/** A {@link DistributionPosition}. */
export const distributionPositionSchema: z.ZodMiniType<DistributionPosition> = z.looseObject({
  value: z.nullable(z.number()),
  aboveCount: z.nullable(countSchema),
});

/** A {@link UsersDistribution}. */
export const usersDistributionSchema: z.ZodMiniType<UsersDistribution> = z.looseObject({
  metric: distributionMetricSchema,
  bins: z.array(distributionBinSchema),
  userCount: countSchema,
  unknownCount: countSchema,
  position: z.optional(distributionPositionSchema),
});

/** A {@link UserSegment}. */
export const userSegmentSchema: z.ZodMiniType<UserSegment> = z.looseObject({
  value: metadataValueSchema,
  userCount: countSchema,
  traceCount: countSchema,
  errorRate: rate,
  latencyP50Ms: ms,
  latencyP95Ms: ms,
  costUsd: usd,
  costPerTraceUsd: usd,
});

/** A {@link UsersSegments}. */
export const usersSegmentsSchema: z.ZodMiniType<UsersSegments> = z.looseObject({
  key: z.string().check(z.minLength(1)),
  segments: z.array(userSegmentSchema),
  omittedCount: countSchema,
});

/** A {@link UsersSummary}. */
export const usersSummarySchema: z.ZodMiniType<UsersSummary> = z.looseObject({
  userCount: countSchema,
  activeUserCount: countSchema,
  attentionUserCount: countSchema,
  traceCount: countSchema,
  errorRate: rate,
  costUsd: usd,
  newUserCount: countSchema,
  unattributedTraceCount: countSchema,
});

const keyMetricsShape = {
  traceCount: countSchema,
  conversationCount: countSchema,
  activeDays: countSchema,
  errorCount: countSchema,
  successRate: rate,
  topErrorType: z.nullable(z.string()),
  latencyAvgMs: ms,
  latencyP50Ms: ms,
  latencyP95Ms: ms,
  costUsd: usd,
  costPerTraceUsd: usd,
  inputTokens: tokens,
  outputTokens: tokens,
};

/** {@link KeyMetrics}. */
export const keyMetricsSchema: z.ZodMiniType<KeyMetrics> = z.looseObject(keyMetricsShape);

/** {@link CohortMetrics}: key metrics plus the cohort's user count and active days per user. */
export const cohortMetricsSchema: z.ZodMiniType<CohortMetrics> = z.looseObject({
  ...keyMetricsShape,
  userCount: countSchema,
  activeDaysPerUser: z.nullable(nonNegativeSchema),
});

/** A {@link Cohort} selector. */
export const cohortSchema: z.ZodMiniType<Cohort> = z.looseObject({ key: z.string(), value: metadataValueSchema });

/** {@link UserMetrics}, the `getUserMetrics` answer. */
export const userMetricsSchema: z.ZodMiniType<UserMetrics> = z.looseObject({
  current: keyMetricsSchema,
  previous: keyMetricsSchema,
  cohort: z.optional(cohortMetricsSchema),
  population: z.optional(cohortMetricsSchema),
});

/** A {@link TrendBucket}. */
export const trendBucketSchema: z.ZodMiniType<TrendBucket> = z.looseObject({
  t: isoTimestampSchema,
  traceCount: countSchema,
  errorCount: countSchema,
  successRate: rate,
  latencyP50Ms: ms,
  latencyP95Ms: ms,
  costUsd: usd,
  tokens,
});

/** {@link CohortTrends}: the cohort's buckets and user count. */
export const cohortTrendsSchema: z.ZodMiniType<CohortTrends> = z.looseObject({
  userCount: countSchema,
  buckets: z.array(trendBucketSchema),
});

/** {@link UserTrends}, the `getUserTrends` answer. */
export const userTrendsSchema: z.ZodMiniType<UserTrends> = z.looseObject({
  granularity: granularitySchema,
  buckets: z.array(trendBucketSchema),
  cohort: z.optional(cohortTrendsSchema),
});

/** {@link WindowMetrics}. */
export const windowMetricsSchema: z.ZodMiniType<WindowMetrics> = z.looseObject({
  traceCount: countSchema,
  successRate: rate,
  latencyP95Ms: ms,
  costPerTraceUsd: usd,
});

/** A {@link ModelStat}. */
export const modelStatSchema: z.ZodMiniType<ModelStat> = z.looseObject({
  model: z.string(),
  traceCount: countSchema,
  share: fractionSchema,
  firstSeen: isoTimestampSchema,
  lastSeen: isoTimestampSchema,
  successRate: rate,
  latencyP95Ms: ms,
  costPerTraceUsd: usd,
});

/** A {@link ModelMixBucket}. */
export const modelMixBucketSchema: z.ZodMiniType<ModelMixBucket> = z.looseObject({
  t: isoTimestampSchema,
  counts: z.record(z.string(), countSchema),
});

/** A {@link ChangeRef}: a change named by kind, instant and new value. */
export const changeRefSchema: z.ZodMiniType<ChangeRef> = z.looseObject({
  kind: z.enum(['model-switch', 'release']),
  at: isoTimestampSchema,
  to: z.string(),
});

/** A {@link ChangeEvent} (model switch or release). */
export const changeEventSchema: z.ZodMiniType<ChangeEvent> = z.looseObject({
  kind: z.enum(['model-switch', 'release']),
  at: isoTimestampSchema,
  from: z.nullable(z.string()),
  to: z.string(),
  before: windowMetricsSchema,
  after: windowMetricsSchema,
  regression: z.boolean(),
  regressedOn: z.array(z.enum(['successRate', 'latencyP95Ms', 'costPerTraceUsd'])),
  overlapsWith: z.optional(z.array(changeRefSchema)),
});

/** {@link ModelUsage}, the `getModelUsage` answer. */
export const modelUsageSchema: z.ZodMiniType<ModelUsage> = z.looseObject({
  granularity: granularitySchema,
  models: z.array(modelStatSchema),
  mix: z.array(modelMixBucketSchema),
  changes: z.array(changeEventSchema),
});

/** A {@link FeedbackSummary}. */
export const feedbackSummarySchema: z.ZodMiniType<FeedbackSummary> = z.looseObject({
  count: countSchema,
  avgScore: rate,
  tracesWithFeedback: countSchema,
  traceCount: countSchema,
  coverage: rate,
  commentCount: countSchema,
});

/** A {@link FeedbackTrendBucket}. */
export const feedbackTrendBucketSchema: z.ZodMiniType<FeedbackTrendBucket> = z.looseObject({
  t: isoTimestampSchema,
  count: countSchema,
  avgScore: rate,
  positiveCount: countSchema,
  negativeCount: countSchema,
});

/** A {@link ScoreBin}. */
export const scoreBinSchema: z.ZodMiniType<ScoreBin> = z.looseObject({
  from: fractionSchema,
  to: fractionSchema,
  count: countSchema,
});

/** A {@link FeedbackKeyStat}. */
export const feedbackKeyStatSchema: z.ZodMiniType<FeedbackKeyStat> = z.looseObject({
  key: z.string(),
  kind: z.enum(['numeric', 'boolean', 'categorical']),
  count: countSchema,
  avgScore: rate,
  categories: z.record(z.string(), countSchema),
});

/** A {@link CommentMomentumBucket}. */
export const commentMomentumBucketSchema: z.ZodMiniType<CommentMomentumBucket> = z.looseObject({
  t: isoTimestampSchema,
  commentCount: countSchema,
  feedbackCount: countSchema,
});

/** {@link FeedbackOverview}, the `getFeedback` answer. */
export const feedbackOverviewSchema: z.ZodMiniType<FeedbackOverview> = z.looseObject({
  granularity: granularitySchema,
  summary: feedbackSummarySchema,
  trend: z.array(feedbackTrendBucketSchema),
  histogram: z.array(scoreBinSchema),
  topKeys: z.array(feedbackKeyStatSchema),
  commentMomentum: z.array(commentMomentumBucketSchema),
});

/** A {@link FeedbackComment}, with the optional summary of its trace. */
export const feedbackCommentSchema: z.ZodMiniType<FeedbackComment> = z.looseObject({
  id: idSchema,
  traceId: idSchema,
  key: z.string(),
  value: feedbackValueSchema,
  score: rate,
  comment: z.string(),
  createdAt: isoTimestampSchema,
  source: z.optional(z.enum(['user', 'reviewer'])),
  trace: z.optional(
    z.looseObject({
      id: idSchema,
      name: z.optional(z.string()),
      status: traceStatus,
      latencyMs: nonNegativeSchema,
      model: z.optional(z.string()),
      startTime: isoTimestampSchema,
    }),
  ),
});

/** A {@link ConversationSummary}. */
export const conversationSummarySchema: z.ZodMiniType<ConversationSummary> = z.looseObject({
  id: idSchema,
  traceCount: countSchema,
  firstTime: isoTimestampSchema,
  lastTime: isoTimestampSchema,
  durationMs: nonNegativeSchema,
  errorCount: countSchema,
  costUsd: usd,
  title: z.nullable(z.string()),
  models: z.array(z.string()),
  steps: z.array(traceStatus),
});

/** A {@link TraceRow}: a trace plus its optional mean feedback score (a fraction, or `null` without scored feedback). */
export const traceRowSchema: z.ZodMiniType<TraceRow> = z.looseObject({
  ...traceShape,
  feedbackScore: z.optional(rate),
});
