/**
 * The `getUsersSegments` fallback: the active users' `listUsers` rows grouped by one metadata key. Rows carry no
 * trace latencies, so a segment's p50 / p95 latency stays `null` (unknown) here.
 * @module
 */
import { rankSegments, segmentKey, segmentValue } from '../core/engine/segments';
import { DEFAULT_SEGMENTS } from '../core/limits';
import type { UserRow, UserSegment, UsersSegments } from '../core/results';

interface SegmentSums {
  value: UserSegment['value'];
  userCount: number;
  traceCount: number;
  errorCount: number;
  costUsd: number | null;
  costTraceCount: number;
  /** A user whose known costs are all 0 hides how many of their traces carry a cost. */
  costTraceCountUnknown: boolean;
}

function addRow(sums: SegmentSums, row: UserRow): void {
  sums.userCount += 1;
  sums.traceCount += row.traceCount;
  sums.errorCount += row.errorCount;
  if (row.costUsd === null) return;
  sums.costUsd = (sums.costUsd ?? 0) + row.costUsd;
  // costPerTraceUsd = costUsd / traces with a cost, so the count comes back from the two (0 / 0 when all are free).
  if (row.costPerTraceUsd !== null && row.costPerTraceUsd !== 0) sums.costTraceCount += Math.round(row.costUsd / row.costPerTraceUsd);
  else sums.costTraceCountUnknown = true;
}

function toSegment(sums: SegmentSums): UserSegment {
  const { value, userCount, traceCount, errorCount, costUsd, costTraceCount, costTraceCountUnknown } = sums;
  let costPerTraceUsd: number | null = null;
  if (costUsd !== null) {
    if (costUsd === 0) costPerTraceUsd = 0;
    else if (!costTraceCountUnknown && costTraceCount > 0) costPerTraceUsd = costUsd / costTraceCount;
  }
  return {
    value,
    userCount,
    traceCount,
    errorRate: traceCount === 0 ? null : errorCount / traceCount,
    latencyP50Ms: null,
    latencyP95Ms: null,
    costUsd,
    costPerTraceUsd,
  };
}

/**
 * Groups users rows by `metadata[key]` (a missing key and `null` form the `null` segment): users, traces, error rate
 * (failed / all traces), cost (sum of known costs) and cost per trace with a cost, per segment, ranked and limited
 * by core's `rankSegments` (most traces first). p50 / p95 latency are `null`: a segment's percentiles need its
 * traces' latencies, which rows do not carry.
 */
export function groupUserRows(rows: readonly UserRow[], key: string, limit = DEFAULT_SEGMENTS): UsersSegments {
  const groups = new Map<string, SegmentSums>();
  for (const row of rows) {
    const value = segmentValue(row.user.metadata, key);
    const id = segmentKey(value);
    let sums = groups.get(id);
    if (!sums) {
      sums = { value, userCount: 0, traceCount: 0, errorCount: 0, costUsd: null, costTraceCount: 0, costTraceCountUnknown: false };
      groups.set(id, sums);
    }
    addRow(sums, row);
  }
  return rankSegments(key, [...groups.values()].map(toSegment), limit);
}
