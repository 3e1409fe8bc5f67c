/**
 * Time buckets drawn as spans on an `ItemChartFrame`: long series summed into wider spans (at most one per few
 * pixels), a time scale over them (epoch ms, linear: axis ticks come from `timeTicks`), which span holds an instant, and where a span's bar goes.
 * @module
 */
import { scaleLinear } from '@visx/scale';
import { bucketSizeMs } from '../../core/engine/time';
import type { Granularity } from '../../core/model';

/** A bucket drawn on a time axis: its start and end (epoch ms) plus the source rows it sums up. */
export interface Span<T> {
  /** Start, epoch ms. */
  from: number;
  /** End (exclusive), epoch ms. */
  to: number;
  /** The merged row. */
  row: T;
}

/** Fewest px per drawn bar: longer series are summed into wider spans. */
const MIN_BAR_PX = 4;

/** Most bars that fit a plot of `innerWidth` px. */
export function maxBars(innerWidth: number): number {
  return Math.max(1, Math.floor(innerWidth / MIN_BAR_PX));
}

/**
 * Merges consecutive rows so at most `max` spans remain (every span but the last holds the same number of rows).
 * `merge` combines a group; a single row is passed through `merge` too, so the output type is uniform.
 */
export function downsample<T extends { t: string }, R>(
  rows: readonly T[],
  granularity: Granularity,
  max: number,
  merge: (group: readonly T[]) => R,
): Span<R>[] {
  const size = bucketSizeMs(granularity);
  const per = Math.max(1, Math.ceil(rows.length / Math.max(1, max)));
  const out: Span<R>[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const group = rows.slice(i, i + per);
    const from = Date.parse((group[0] as T).t);
    out.push({ from, to: Date.parse((group[group.length - 1] as T).t) + size, row: merge(group) });
  }
  return out;
}

/** A time scale over `[from, to)` of the spans (epoch ms) onto `[0, innerWidth]`. */
export function spanTimeScale(from: number, to: number, innerWidth: number) {
  return scaleLinear<number>({ domain: [from, to], range: [0, innerWidth] });
}

/** Index of the span whose `[from, to)` contains `ms`, or `null`. */
export function spanIndexAt<T>(spans: readonly Span<T>[], ms: number): number | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span<T>;
    if (ms < s.from) hi = mid - 1;
    else if (ms >= s.to) lo = mid + 1;
    else return mid;
  }
  return null;
}

/** Where a span's bar goes on a time scale: its left edge, the span's full width, and the bar's width (px). */
export function spanBar<T>(x: ReturnType<typeof spanTimeScale>, span: Span<T>): { x0: number; full: number; width: number } {
  const x0 = x(span.from);
  const full = x(span.to) - x0;
  // A 1 px gap between bars once they are wide enough to show it.
  return { x0, full, width: Math.max(1, full - (full >= 4 ? 1 : 0)) };
}
