/**
 * Time-bucket geometry shared by the charts: bucket starts as epoch ms, which bucket holds an instant, snapping and
 * zooming ranges to whole buckets. Buckets are UTC-aligned (`bucketStart` in core); a bucket's point is drawn at its
 * centre, so it sits between the ticks of its start and end.
 * @module
 */
import type { Granularity, TimeRange } from '../../core/model';
import { bucketSizeMs, bucketStart, toIso, toMs, type MsRange } from '../../core/engine/time';

/** Bucket starts (`t` fields) as epoch ms, oldest first. */
export function bucketStartsMs(buckets: readonly { t: string }[]): Float64Array {
  return Float64Array.from(buckets, (b) => toMs(b.t));
}

/** The instant a bucket's point is drawn at: the middle of `[start, start + size)`. */
export function bucketCenter(start: number, granularity: Granularity): number {
  return start + bucketSizeMs(granularity) / 2;
}

/** From the first bucket's start to the last bucket's end; `null` without buckets. */
export function bucketExtent(starts: ArrayLike<number>, granularity: Granularity): MsRange | null {
  if (starts.length === 0) return null;
  return { from: starts[0] as number, to: (starts[starts.length - 1] as number) + bucketSizeMs(granularity) };
}

/** Index of the last bucket starting at or before `ms` (binary search); -1 when `ms` precedes every bucket. */
export function lastBucketAtOrBefore(starts: ArrayLike<number>, ms: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Indices `[lo, hi)` of the buckets overlapping `domain`. */
export function bucketsInDomain(starts: ArrayLike<number>, granularity: Granularity, domain: MsRange): { lo: number; hi: number } {
  const size = bucketSizeMs(granularity);
  let lo = lastBucketAtOrBefore(starts, domain.from);
  if (lo < 0 || (starts[lo] as number) + size <= domain.from) lo++;
  let hi = lastBucketAtOrBefore(starts, domain.to - 1) + 1;
  if (hi < lo) hi = lo;
  return { lo, hi };
}

/** `range` widened to whole buckets: its start down to a bucket start, its end up to a bucket end. */
export function snapToBuckets(range: MsRange, granularity: Granularity): MsRange {
  const from = bucketStart(range.from, granularity);
  const lastStart = bucketStart(Math.max(range.from, range.to - 1), granularity);
  return { from, to: lastStart + bucketSizeMs(granularity) };
}

/**
 * `range` scaled by `factor` around `center` (2 = zoom out to twice the span, 0.5 = zoom in to half), kept at least
 * one bucket wide, and clamped to `bounds` when given.
 */
export function zoomRange(range: MsRange, factor: number, center: number, granularity: Granularity, bounds?: MsRange): MsRange {
  const span = Math.max(bucketSizeMs(granularity), (range.to - range.from) * factor);
  const share = range.to > range.from ? (center - range.from) / (range.to - range.from) : 0.5;
  let from = center - span * share;
  let to = from + span;
  if (bounds) {
    if (to - from >= bounds.to - bounds.from) return { ...bounds };
    if (from < bounds.from) [from, to] = [bounds.from, bounds.from + span];
    if (to > bounds.to) [from, to] = [bounds.to - span, bounds.to];
  }
  return snapToBuckets({ from, to }, granularity);
}

/** Epoch-ms bounds as an ISO {@link TimeRange}. */
export function toTimeRange(range: MsRange): TimeRange {
  return { from: toIso(range.from), to: toIso(range.to) };
}
