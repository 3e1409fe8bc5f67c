/**
 * X-axis ticks on bucket boundaries: every k-th bucket start, with k picked from a list of round strides so that
 * labels stay at least a minimum distance apart (beyond the list, multiples of its longest stride). Strides are counted
 * from a Monday 00:00 UTC, so 24-hour ticks land on midnights and 7-day ticks on Mondays, and ticks do not jump while
 * the range pans.
 * @module
 */
import type { Granularity } from '../../core/model';
import { bucketSizeMs, bucketStart, DAY_MS, type MsRange } from '../../core/engine/time';

/** Round strides, in buckets, per granularity. */
const STRIDES: Record<Granularity, readonly number[]> = {
  hour: [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 672, 1344, 2688, 8736],
  day: [1, 2, 7, 14, 28, 56, 91, 182, 364, 728],
  week: [1, 2, 4, 8, 13, 26, 52, 104, 208],
};

/** Milliseconds from 1969-12-29 (a Monday) to epoch: stride origins. */
const MONDAY_ORIGIN_MS = 3 * DAY_MS;

/** Default minimum distance between two tick labels, px. */
export const MIN_TICK_SPACING_PX = 84;

/**
 * Bucket starts inside `domain` to label, at least `minSpacing` px apart on a plot `innerWidth` px wide.
 * Empty when the plot has no width.
 */
export function timeTicks(domain: MsRange, granularity: Granularity, innerWidth: number, minSpacing = MIN_TICK_SPACING_PX): number[] {
  const span = domain.to - domain.from;
  if (!(innerWidth > 0) || !(span > 0)) return [];
  const size = bucketSizeMs(granularity);
  const pxPerBucket = (innerWidth * size) / span;
  const strides = STRIDES[granularity];
  const longest = strides[strides.length - 1] as number;
  const stride = strides.find((k) => k * pxPerBucket >= minSpacing) ?? longest * Math.ceil(minSpacing / (longest * pxPerBucket));
  const step = stride * size;
  const first = bucketStart(domain.from, granularity);
  const aligned = first + (((-(first + MONDAY_ORIGIN_MS) % step) + step) % step);
  const out: number[] = [];
  for (let t = aligned; t < domain.to; t += step) if (t >= domain.from) out.push(t);
  return out;
}
