/**
 * Zod schemas of every result shape in `results.ts`, for adapters that receive results from outside (REST).
 * Same rules as the record schemas: no coercion, unknown extra keys tolerated, unknown numbers are `null`.
 * @module
 */
import { z } from 'zod';
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

const rate = fractionSchema.nullable();
const ms = nonNegativeSchema.nullable();
const usd = nonNegativeSchema.nullable();
const tokens = countSchema.nullable();
const traceStatus = z.enum(['ok', 'error']);

/** A bucket size: `hour`, `day` or `week`. */
export const granularitySchema: z.ZodType<Granularity> = z.enum(['hour', 'day', 'week']);

/** A {@link Page} of rows validated by `row`. */
export function pageSchema<T>(row: z.ZodType<T>): z.ZodType<Page<T>> {
  return z.looseObject({
    rows: z.array(row),
    total: countSchema.optional(),
    nextCursor: z.string().nullable().optional(),
  });
}

/** A {@link SparkPoint}. */
export const sparkPointSchema: z.ZodType<SparkPoint> = z.looseObject({
  t: isoTimestampSchema,
  traceCount: countSchema,
  errorCount: countSchema,
});

/** An {@link AttentionReason}. */
export const attentionReasonSchema: z.ZodType<AttentionReason> = z.looseObject({
  kind: z.enum(['errors', 'latency', 'cost']),
  message: z.string(),
  value: z.number(),
  baseline: z.number(),
});

/** A {@link UserRow}. */
export const userRowSchema: z.ZodType<UserRow> = z.looseObject({
  user: userSchema,
  traceCount: countSchema,
  conversationCount: countSchema,
  errorCount: countSchema,
  successRate: rate,
  latencyP50Ms: ms,
  latencyP95Ms: ms,
  costUsd: usd,
  costPerTraceUsd: usd,
  inputTokens: tokens,
  outputTokens: tokens,
  feedbackAvgScore: rate,
  firstSeen: isoTimestampSchema,
  lastSeen: isoTimestampSchema,
  sparkline: z.array(sparkPointSchema),
  attention: z.array(attentionReasonSchema),
});

/** A {@link DistributionMetric}: `costUsd`, `traceCount`, `errorRate` or `latencyP95Ms`. */
export const distributionMetricSchema: z.ZodType<DistributionMetric> = z.enum(['costUsd', 'traceCount', 'errorRate', 'latencyP95Ms']);

/** A {@link DistributionBin}. */
export const distributionBinSchema: z.ZodType<DistributionBin> = z.looseObject({
  from: z.number(),
  to: z.number(),
  userCount: countSchema,
});

/** A {@link DistributionPosition}. */
export const distributionPositionSchema: z.ZodType<DistributionPosition> = z.looseObject({
  value: z.number().nullable(),
  aboveCount: countSchema.nullable(),
});

/** A {@link UsersDistribution}. */
export const usersDistributionSchema: z.ZodType<UsersDistribution> = z.looseObject({
  metric: distributionMetricSchema,
  bins: z.array(distributionBinSchema),
  userCount: countSchema,
  unknownCount: countSchema,
  position: distributionPositionSchema.optional(),
});

/** A {@link UserSegment}. */
export const userSegmentSchema: z.ZodType<UserSegment> = z.looseObject({
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
export const usersSegmentsSchema: z.ZodType<UsersSegments> = z.looseObject({
  key: z.string().min(1),
  segments: z.array(userSegmentSchema),
  omittedCount: countSchema,
});

/** A {@link UsersSummary}. */
export const usersSummarySchema: z.ZodType<UsersSummary> = z.looseObject({
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
  topErrorType: z.string().nullable(),
  latencyAvgMs: ms,
  latencyP50Ms: ms,
  latencyP95Ms: ms,
  costUsd: usd,
  costPerTraceUsd: usd,
  inputTokens: tokens,
  outputTokens: tokens,
};

/** {@link KeyMetrics}. */
export const keyMetricsSchema: z.ZodType<KeyMetrics> = z.looseObject(keyMetricsShape);

/** {@link CohortMetrics}: key metrics plus the cohort's user count and active days per user. */
export const cohortMetricsSchema: z.ZodType<CohortMetrics> = z.looseObject({
  ...keyMetricsShape,
  userCount: countSchema,
  activeDaysPerUser: nonNegativeSchema.nullable(),
});

/** A {@link Cohort} selector. */
export const cohortSchema: z.ZodType<Cohort> = z.looseObject({ key: z.string(), value: metadataValueSchema });

/** {@link UserMetrics}, the `getUserMetrics` answer. */
export const userMetricsSchema: z.ZodType<UserMetrics> = z.looseObject({
  current: keyMetricsSchema,
  previous: keyMetricsSchema,
  cohort: cohortMetricsSchema.optional(),
  population: cohortMetricsSchema.optional(),
});

/** A {@link TrendBucket}. */
export const trendBucketSchema: z.ZodType<TrendBucket> = z.looseObject({
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
export const cohortTrendsSchema: z.ZodType<CohortTrends> = z.looseObject({
  userCount: countSchema,
  buckets: z.array(trendBucketSchema),
});

/** {@link UserTrends}, the `getUserTrends` answer. */
export const userTrendsSchema: z.ZodType<UserTrends> = z.looseObject({
  granularity: granularitySchema,
  buckets: z.array(trendBucketSchema),
  cohort: cohortTrendsSchema.optional(),
});

/** {@link WindowMetrics}. */
export const windowMetricsSchema: z.ZodType<WindowMetrics> = z.looseObject({
  traceCount: countSchema,
  successRate: rate,
  latencyP95Ms: ms,
  costPerTraceUsd: usd,
});

/** A {@link ModelStat}. */
export const modelStatSchema: z.ZodType<ModelStat> = z.looseObject({
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
export const modelMixBucketSchema: z.ZodType<ModelMixBucket> = z.looseObject({
  t: isoTimestampSchema,
  counts: z.record(z.string(), countSchema),
});

/** A {@link ChangeRef}: a change named by kind, instant and new value. */
export const changeRefSchema: z.ZodType<ChangeRef> = z.looseObject({
  kind: z.enum(['model-switch', 'release']),
  at: isoTimestampSchema,
  to: z.string(),
});

/** A {@link ChangeEvent} (model switch or release). */
export const changeEventSchema: z.ZodType<ChangeEvent> = z.looseObject({
  kind: z.enum(['model-switch', 'release']),
  at: isoTimestampSchema,
  from: z.string().nullable(),
  to: z.string(),
  before: windowMetricsSchema,
  after: windowMetricsSchema,
  regression: z.boolean(),
  regressedOn: z.array(z.enum(['successRate', 'latencyP95Ms', 'costPerTraceUsd'])),
  overlapsWith: z.array(changeRefSchema).optional(),
});

/** {@link ModelUsage}, the `getModelUsage` answer. */
export const modelUsageSchema: z.ZodType<ModelUsage> = z.looseObject({
  granularity: granularitySchema,
  models: z.array(modelStatSchema),
  mix: z.array(modelMixBucketSchema),
  changes: z.array(changeEventSchema),
});

/** A {@link FeedbackSummary}. */
export const feedbackSummarySchema: z.ZodType<FeedbackSummary> = z.looseObject({
  count: countSchema,
  avgScore: rate,
  tracesWithFeedback: countSchema,
  traceCount: countSchema,
  coverage: rate,
  commentCount: countSchema,
});

/** A {@link FeedbackTrendBucket}. */
export const feedbackTrendBucketSchema: z.ZodType<FeedbackTrendBucket> = z.looseObject({
  t: isoTimestampSchema,
  count: countSchema,
  avgScore: rate,
  positiveCount: countSchema,
  negativeCount: countSchema,
});

/** A {@link ScoreBin}. */
export const scoreBinSchema: z.ZodType<ScoreBin> = z.looseObject({
  from: fractionSchema,
  to: fractionSchema,
  count: countSchema,
});

/** A {@link FeedbackKeyStat}. */
export const feedbackKeyStatSchema: z.ZodType<FeedbackKeyStat> = z.looseObject({
  key: z.string(),
  kind: z.enum(['numeric', 'boolean', 'categorical']),
  count: countSchema,
  avgScore: rate,
  categories: z.record(z.string(), countSchema),
});

/** A {@link CommentMomentumBucket}. */
export const commentMomentumBucketSchema: z.ZodType<CommentMomentumBucket> = z.looseObject({
  t: isoTimestampSchema,
  commentCount: countSchema,
  feedbackCount: countSchema,
});

/** {@link FeedbackOverview}, the `getFeedback` answer. */
export const feedbackOverviewSchema: z.ZodType<FeedbackOverview> = z.looseObject({
  granularity: granularitySchema,
  summary: feedbackSummarySchema,
  trend: z.array(feedbackTrendBucketSchema),
  histogram: z.array(scoreBinSchema),
  topKeys: z.array(feedbackKeyStatSchema),
  commentMomentum: z.array(commentMomentumBucketSchema),
});

/** A {@link FeedbackComment}, with the optional summary of its trace. */
export const feedbackCommentSchema: z.ZodType<FeedbackComment> = z.looseObject({
  id: idSchema,
  traceId: idSchema,
  key: z.string(),
  value: feedbackValueSchema,
  score: rate,
  comment: z.string(),
  createdAt: isoTimestampSchema,
  source: z.enum(['user', 'reviewer']).optional(),
  trace: z
    .looseObject({
      id: idSchema,
      name: z.string().optional(),
      status: traceStatus,
      latencyMs: nonNegativeSchema,
      model: z.string().optional(),
      startTime: isoTimestampSchema,
    })
    .optional(),
});

/** A {@link ConversationSummary}. */
export const conversationSummarySchema: z.ZodType<ConversationSummary> = z.looseObject({
  id: idSchema,
  traceCount: countSchema,
  firstTime: isoTimestampSchema,
  lastTime: isoTimestampSchema,
  durationMs: nonNegativeSchema,
  errorCount: countSchema,
  costUsd: usd,
  title: z.string().nullable(),
  models: z.array(z.string()),
  steps: z.array(traceStatus),
});

/** A {@link TraceRow}: a trace plus its optional mean feedback score (a fraction, or `null` without scored feedback). */
export const traceRowSchema: z.ZodType<TraceRow> = z.looseObject({
  ...traceShape,
  feedbackScore: rate.optional(),
});
