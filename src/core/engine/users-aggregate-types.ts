/**
 * The shapes of the users aggregation: per-user columns and the population baseline. A leaf module, so the
 * aggregation (users-aggregate) and the attention rule it applies (users-attention) both depend on it and not on
 * each other.
 * @module
 */
import type { MsRange } from './time';

/** Pooled numbers over every trace in range (all users together). */
export interface PopulationBaseline {
  /** Users with at least one trace in range. */
  userCount: number;
  /** Traces in range. */
  traceCount: number;
  /** Failed traces in range. */
  errorCount: number;
  /** errorCount / traceCount; `null` without traces. */
  errorRate: number | null;
  /** p95 of the latencies of every trace in range; `null` without traces. */
  latencyP95Ms: number | null;
  /** Traces in range that carry a cost. */
  costTraceCount: number;
  /** Total known cost / costTraceCount; `null` when no trace carries a cost. */
  costPerTraceUsd: number | null;
}

/**
 * Columnar per-user statistics over a range, indexed by user position (`idx.users[u]`).
 * Unknown numbers are `NaN` in the Float64 columns; counts are 0 for users without traces in range.
 */
export interface UserAggregates {
  /** The range the numbers cover. */
  range: MsRange;
  /** Number of users (length of every column). */
  userCount: number;
  /** First index row of the user's traces in range. */
  rowLo: Int32Array;
  /** One past the last index row of the user's traces in range. */
  rowHi: Int32Array;
  /** Traces in range. */
  traceCount: Int32Array;
  /** Failed traces in range. */
  errorCount: Int32Array;
  /** Distinct conversation ids among the traces in range. */
  conversationCount: Int32Array;
  /** Median latency (numpy linear); `NaN` without traces. */
  latencyP50Ms: Float64Array;
  /** 95th percentile latency (numpy linear); `NaN` without traces. */
  latencyP95Ms: Float64Array;
  /** Sum of known costs (0 when none are known: check `costCount`). */
  costUsd: Float64Array;
  /** Traces that carry a cost. */
  costCount: Int32Array;
  /** Sum of known input tokens (check `inputTokensKnown`). */
  inputTokens: Float64Array;
  /** 1 when at least one trace in range has input tokens. */
  inputTokensKnown: Uint8Array;
  /** Sum of known output tokens (check `outputTokensKnown`). */
  outputTokens: Float64Array;
  /** 1 when at least one trace in range has output tokens. */
  outputTokensKnown: Uint8Array;
  /** Sum of normalised feedback scores on traces in range. */
  feedbackScoreSum: Float64Array;
  /** Scored feedback records on traces in range. */
  feedbackScoreCount: Int32Array;
  /** Earliest trace start in range (epoch ms); `NaN` without traces. */
  firstMs: Float64Array;
  /** Latest trace start in range (epoch ms); `NaN` without traces. */
  lastMs: Float64Array;
  /** Attention flags per user: OR of {@link ATTENTION_BIT} values. */
  attention: Uint8Array;
  /** The population baseline of the range. */
  baseline: PopulationBaseline;
}
