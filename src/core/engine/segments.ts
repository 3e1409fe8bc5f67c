/**
 * Segments' shared rules: one segment's figures from its pooled traces (`segmentOf`), their order and `limit`
 * (`rankSegments`), and the worst segment per measure the UI marks (`worstSegments`). Rules in docs/metrics.md
 * ("Segments").
 * @module
 */
import type { MetadataValue } from '../model';
import type { UserSegment, UsersSegments } from '../results';
import { percentileSorted, rate } from './stats';

/** The pooled traces of one segment's users in range. */
export interface SegmentTraces {
  /** Latencies of every trace, any order (sorted here, in place). */
  latenciesMs: Float64Array;
  /** Failed traces. */
  errorCount: number;
  /** Sum of the known costs. */
  costUsd: number;
  /** Traces that carry a cost. */
  costTraceCount: number;
}

/** Least traces a segment needs before {@link worstSegments} may mark it. */
export const MIN_WORST_SEGMENT_TRACES = 5;

/** The measures {@link worstSegments} marks, each "worse" when higher. */
export type WorstSegmentMeasure = 'errorRate' | 'latencyP95Ms' | 'costPerTraceUsd';

/** The segment value of a user's metadata: `metadata[key]`, `null` when the key is missing (or explicitly `null`). */
export function segmentValue(metadata: Readonly<Record<string, MetadataValue>>, key: string): MetadataValue {
  return Object.prototype.hasOwnProperty.call(metadata, key) ? (metadata[key] as MetadataValue) : null;
}

/** A map key telling every metadata value apart (`"1"` from `1`, `"null"` from `null`). */
export function segmentKey(value: MetadataValue): string {
  return value === null ? 'null' : `${typeof value}:${String(value)}`;
}

/** One segment's figures: error rate, p50 / p95 latency (linear interpolation) and known cost, as a cohort's. */
export function segmentOf(value: MetadataValue, userCount: number, traces: SegmentTraces): UserSegment {
  const n = traces.latenciesMs.length;
  const sorted = traces.latenciesMs.sort();
  const known = traces.costTraceCount > 0;
  return {
    value,
    userCount,
    traceCount: n,
    errorRate: rate(traces.errorCount, n),
    latencyP50Ms: percentileSorted(sorted, 0.5),
    latencyP95Ms: percentileSorted(sorted, 0.95),
    costUsd: known ? traces.costUsd : null,
    costPerTraceUsd: known ? traces.costUsd / traces.costTraceCount : null,
  };
}

const TYPE_ORDER = { boolean: 0, number: 1, string: 2, object: 3 } as const;

/** Segment order: most traces first; ties by `String(value)` in code-unit order (`null` → "null"), then boolean < number < string < null. */
export function compareSegments(a: UserSegment, b: UserSegment): number {
  if (a.traceCount !== b.traceCount) return b.traceCount - a.traceCount;
  const ta = String(a.value);
  const tb = String(b.value);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return TYPE_ORDER[typeof a.value as keyof typeof TYPE_ORDER] - TYPE_ORDER[typeof b.value as keyof typeof TYPE_ORDER];
}

/** The `getUsersSegments` answer: `segments` in {@link compareSegments} order, the first `limit` kept, the rest counted. */
export function rankSegments(key: string, segments: readonly UserSegment[], limit: number): UsersSegments {
  const sorted = [...segments].sort(compareSegments);
  return { key, segments: sorted.slice(0, limit), omittedCount: Math.max(0, sorted.length - limit) };
}

/**
 * The worst segment per measure, as an index into `segments`: the highest error rate, p95 latency and cost per
 * trace among the segments with at least {@link MIN_WORST_SEGMENT_TRACES} traces and a known value. `null` for a
 * measure when fewer than two segments qualify (nothing to compare with) or when the highest value is shared by
 * several segments (a tie marks none).
 */
export function worstSegments(segments: readonly UserSegment[]): Record<WorstSegmentMeasure, number | null> {
  const pick = (measure: WorstSegmentMeasure): number | null => {
    let best: number | null = null;
    let tied = false;
    let candidates = 0;
    segments.forEach((s, i) => {
      const v = s[measure];
      if (s.traceCount < MIN_WORST_SEGMENT_TRACES || v === null) return;
      candidates++;
      const top = best === null ? null : (segments[best] as UserSegment)[measure];
      if (top === null || v > (top as number)) {
        best = i;
        tied = false;
      } else if (v === top) tied = true;
    });
    return candidates < 2 || tied ? null : best;
  };
  return { errorRate: pick('errorRate'), latencyP95Ms: pick('latencyP95Ms'), costPerTraceUsd: pick('costPerTraceUsd') };
}
