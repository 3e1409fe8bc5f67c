/**
 * `userscope/core`: the domain model, the DataProvider contract, errors, validation and the aggregation engine.
 * No React, no DOM.
 * @module
 */
export * from './model';
export * from './results';
export * from './contract';
export * from './errors';
export * from './engine/time';
export * from './engine/stats';
export * from './engine/trace-index';
export * from './engine/selection';
export * from './engine/users';
export * from './metrics/user-metrics';
export * from './metrics/tokens';
export * from './engine/metrics';
export * from './engine/trends';
export { computeModelUsage, UNKNOWN_MODEL } from './engine/models';
export { REGRESSION_RULE, type RegressionMeasure } from './engine/models-changes';
export { inferNumericScale, normaliseFeedback, numericScale, scaleValue, type NumericScale } from './engine/feedback-normalise';
export { buildFeedbackIndex, type FeedbackIndex } from './engine/feedback-index';
export { computeFeedback } from './engine/feedback';
export { listComments } from './engine/feedback-comments';
export { summarizeConversations, sortConversations, NO_CONVERSATION } from './engine/conversations';
export * from './engine/verdict';
export * from './schema/records';
export * from './schema/results';
export * from './schema/validate';
export { isValidTrace } from './schema/fast-trace';
export { lttb, lttbWithGaps } from './engine/lttb';
export { binIndex, distributionEdges, distributionOf, DISTRIBUTION_METRICS } from './engine/distribution';
export {
  compareSegments,
  MIN_WORST_SEGMENT_TRACES,
  rankSegments,
  segmentKey,
  segmentOf,
  segmentValue,
  worstSegments,
  type SegmentTraces,
  type WorstSegmentMeasure,
} from './engine/segments';
export { computeUsersDistribution, computeUsersSegments, rowMeasureValue, userMetricValue } from './engine/users-population';
export {
  buildChangeCallout,
  changeCalloutLabels,
  type ChangeCalloutFormat,
  type ChangeCalloutLabels,
} from './engine/change-callout';
export * from './cursor';
export * from './limits';
export * from './params';
export * from './params-filters';
export * from './timeout';
export * from './schema/cross-field';
export { createProgressHub, isProgressSource, type LoadProgress, type ProgressHub, type ProgressSource } from './progress';
