/**
 * Chart series as parallel typed arrays, and their downsampling (LTTB from core) to about one point per pixel of the
 * visible window before drawing.
 * @module
 */
import { lttbWithGaps } from '../../core/engine/lttb';
import type { MsRange } from '../../core/engine/time';
import { lastBucketAtOrBefore } from './time-buckets';

/**
 * How a series is drawn: the metric itself, a second metric, the previous period (dashed), the cohort (dotted), or
 * a metric of another source laid over the chart (short dashes, e.g. the success rate over feedback).
 */
export type SeriesVariant = 'main' | 'secondary' | 'previous' | 'cohort' | 'overlay';

/** One line of a chart. */
export interface ChartSeries {
  /** Stable id (React key, table column). */
  id: string;
  /** Name in the legend, tooltip and table. */
  label: string;
  /** Line style. */
  variant: SeriesVariant;
  /** Stroke colour: a CSS colour, normally a `var(--us-color-…)`. */
  color: string;
  /** Instants (epoch ms, ascending) the points are drawn at. */
  x: Float64Array;
  /** Values; `NaN` where unknown (the line breaks there). */
  y: Float64Array;
}

/** A series ready to draw: which of its points to connect, and which stand alone between gaps (drawn as dots). */
export interface DrawnSeries {
  /** The series. */
  series: ChartSeries;
  /** Indices into `series.x`/`y` to draw, ascending; unknown ones break the line. */
  indices: number[];
  /** Known points with no known neighbour among `indices`. */
  isolated: number[];
}

/** Indices `[lo, hi)` of the points inside `domain`, plus one neighbour each side so lines run to the edges. */
function visibleWindow(x: Float64Array, domain: MsRange): { lo: number; hi: number } {
  const lo = Math.max(0, lastBucketAtOrBefore(x, domain.from - 1));
  const hi = Math.min(x.length, lastBucketAtOrBefore(x, domain.to) + 2);
  return { lo, hi: Math.max(lo, hi) };
}

/** The points of `series` inside `domain`, downsampled with LTTB (gap-aware) to about `maxPoints`. */
export function downsampleSeries(series: ChartSeries, domain: MsRange, maxPoints: number): DrawnSeries {
  const { lo, hi } = visibleWindow(series.x, domain);
  const picked = lttbWithGaps(series.x.subarray(lo, hi), series.y.subarray(lo, hi), Math.max(3, Math.round(maxPoints)));
  const indices = Array.from(picked, (i) => i + lo);
  const known = (k: number) => k >= 0 && k < indices.length && !Number.isNaN(series.y[indices[k] as number]);
  const isolated = indices.filter((_, k) => known(k) && !known(k - 1) && !known(k + 1));
  return { series, indices, isolated };
}

/** Smallest and largest known value of the series' points inside `domain` (all of them, not only the drawn ones). */
export function seriesExtent(list: readonly ChartSeries[], domain: MsRange): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const { x, y } of list) {
    const { lo, hi } = visibleWindow(x, domain);
    for (let i = lo; i < hi; i++) {
      const v = y[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}

/** The value of `series` at exactly instant `x` (a bucket centre), `NaN` when it has no point there. */
export function valueAtX(series: ChartSeries, x: number): number {
  const i = lastBucketAtOrBefore(series.x, x);
  return i >= 0 && series.x[i] === x ? (series.y[i] as number) : Number.NaN;
}
