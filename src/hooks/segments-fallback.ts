/**
 * The `getUsersSegments` fallback: the active users' `listUsers` rows grouped by one metadata key. Rows carry no
 * trace latencies, so a segment's p50 / p95 latency stays `null` (unknown) here.
 * @module
 */
import type { MetadataValue } from '../core/model';
import type { UserRow, UserSegment, UsersSegments } from '../core/results';

/** Segments returned when no `limit` is given (the contract's default). */
export const DEFAULT_SEGMENT_LIMIT = 20;

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

function segmentValue(value: MetadataValue | undefined): UserSegment['value'] {
  return value === undefined ? null : value;
}

/** Key of a segment value, so `1` and `"1"` stay apart. */
function valueKey(value: UserSegment['value']): string {
  return value === null ? 'null' : `${typeof value}:${String(value)}`;
}

/** Value as text for the tie-break (`null` as the empty text, so it comes first among equal trace counts). */
function valueText(value: UserSegment['value']): string {
  return value === null ? '' : String(value);
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
 * (failed / all traces), cost (sum of known costs) and cost per trace with a cost, per segment. Segments by traces,
 * most first, ties by value as text; at most `limit`, the rest counted in `omittedCount`. p50 / p95 latency are
 * `null`: a segment's percentiles need its traces' latencies, which rows do not carry.
 */
export function groupUserRows(rows: readonly UserRow[], key: string, limit = DEFAULT_SEGMENT_LIMIT): UsersSegments {
  const groups = new Map<string, SegmentSums>();
  for (const row of rows) {
    const value = segmentValue(Object.prototype.hasOwnProperty.call(row.user.metadata, key) ? row.user.metadata[key] : undefined);
    const id = valueKey(value);
    let sums = groups.get(id);
    if (!sums) {
      sums = { value, userCount: 0, traceCount: 0, errorCount: 0, costUsd: null, costTraceCount: 0, costTraceCountUnknown: false };
      groups.set(id, sums);
    }
    addRow(sums, row);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.traceCount - a.traceCount || (valueText(a.value) < valueText(b.value) ? -1 : valueText(a.value) > valueText(b.value) ? 1 : 0),
  );
  return { key, segments: ordered.slice(0, limit).map(toSegment), omittedCount: Math.max(0, ordered.length - limit) };
}
