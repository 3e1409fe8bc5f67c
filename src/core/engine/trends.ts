/**
 * Time-bucketed trends (`getUserTrends`) of a row selection.
 * @module
 */
import { ProviderError } from '../errors';
import type { Granularity } from '../model';
import { totalTokens } from '../metrics/tokens';
import type { Cohort, TrendBucket, UserTrends } from '../results';
import { cohortUserPositions, userSlices, type RowSlice } from './selection';
import { percentileSorted, rate } from './stats';
import { bucketSizeMs, bucketStarts, toIso, type MsRange } from './time';
import type { TraceIndex } from './trace-index';

/**
 * One bucket per `granularity` step overlapping `range` (UTC-aligned, weeks from Monday), oldest first. Rows of
 * `slices` whose start lies outside `range` are ignored. Empty buckets have zero counts and `null` rates;
 * `costUsd` and `tokens` (input + output) are sums of known values, `null` when none is known in the bucket.
 */
export function computeTrends(
  idx: TraceIndex,
  slices: readonly RowSlice[],
  range: MsRange,
  granularity: Granularity,
): UserTrends {
  const starts = bucketStarts(range, granularity);
  const B = starts.length;
  const size = bucketSizeMs(granularity);
  const first = starts[0];
  const counts = new Int32Array(B);
  const errors = new Int32Array(B);
  const cost = new Float64Array(B);
  const costKnown = new Uint8Array(B);
  const tokens = new Float64Array(B);
  const tokensKnown = new Uint8Array(B);
  const bucketOf = (r: number): number => {
    const ms = idx.startMs[r];
    return ms >= range.from && ms < range.to ? Math.floor((ms - first) / size) : -1;
  };
  for (const { lo, hi } of slices) {
    for (let r = lo; r < hi; r++) {
      const b = bucketOf(r);
      if (b < 0) continue;
      counts[b]++;
      errors[b] += idx.isError[r];
      const usd = idx.costUsd[r];
      if (usd === usd) {
        cost[b] += usd;
        costKnown[b] = 1;
      }
      const it = idx.inputTokens[r];
      const ot = idx.outputTokens[r];
      const total = totalTokens(it === it ? it : null, ot === ot ? ot : null);
      if (total !== null) {
        tokens[b] += total;
        tokensKnown[b] = 1;
      }
    }
  }
  // Group latencies by bucket (counting sort), then sort each bucket's run for its percentiles.
  const offset = new Int32Array(B + 1);
  for (let b = 0; b < B; b++) offset[b + 1] = offset[b] + counts[b];
  const fill = offset.slice(0, B);
  const latencies = new Float64Array(offset[B]);
  for (const { lo, hi } of slices) {
    for (let r = lo; r < hi; r++) {
      const b = bucketOf(r);
      if (b >= 0) latencies[fill[b]++] = idx.latencyMs[r];
    }
  }
  const buckets: TrendBucket[] = starts.map((t, b) => {
    const sorted = latencies.subarray(offset[b], offset[b + 1]).sort();
    return {
      t: toIso(t),
      traceCount: counts[b],
      errorCount: errors[b],
      successRate: rate(counts[b] - errors[b], counts[b]),
      latencyP50Ms: percentileSorted(sorted, 0.5),
      latencyP95Ms: percentileSorted(sorted, 0.95),
      costUsd: costKnown[b] ? cost[b] : null,
      tokens: tokensKnown[b] ? tokens[b] : null,
    };
  });
  return { granularity, buckets };
}

/**
 * `getUserTrends`: the user's trends in `range` at `granularity` and, when `cohort` is given, the trends of every
 * trace in `range` of the users whose `metadata[key] === value` (the user included when they match) over the same
 * buckets, with `userCount` = cohort members with at least one trace in range (as `getUserMetrics`).
 * Unknown user → `ProviderError('not-found')` with `field: 'userId'`.
 */
export function computeUserTrends(idx: TraceIndex, userId: string, range: MsRange, granularity: Granularity, cohort?: Cohort): UserTrends {
  const u = idx.userPos.get(userId);
  if (u === undefined) throw new ProviderError('not-found', `Unknown user "${userId}"`, { field: 'userId' });
  const out = computeTrends(idx, userSlices(idx, [u], range), range, granularity);
  if (cohort) {
    const slices = userSlices(idx, cohortUserPositions(idx, cohort.key, cohort.value), range);
    out.cohort = { userCount: slices.length, buckets: computeTrends(idx, slices, range, granularity).buckets };
  }
  return out;
}
