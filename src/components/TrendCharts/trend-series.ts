/**
 * Chart series of a metric tab: its lines over the user's buckets, the previous period shifted onto the current one,
 * and the cohort (rates as they are, totals divided by the cohort's user count).
 * @module
 */
import { bucketSizeMs, toMs } from '../../core/engine/time';
import type { TrendBucket, UserTrends } from '../../core/results';
import { formatLabel } from '../primitives/format-label';
import type { ChartSeries } from '../charts/series';
import type { TrendChartsLabels } from './labels';
import type { TrendField, TrendMetricSpec } from './trend-metrics';

/** Comparison data of the chart, as TrendCharts receives it. */
export interface TrendComparisons {
  /** The previous period's trends (same length, same granularity), drawn shifted onto the current range. */
  previous?: UserTrends | null;
  /** The cohort's trends over the same range and granularity. */
  cohort?: UserTrends | null;
  /** Users in the cohort; without it, totals (traces, cost, tokens) get no cohort line. */
  cohortUserCount?: number | null;
  /** Name of the cohort in the legend, e.g. `pro users`. */
  cohortName?: string;
}

const valueOf = (b: TrendBucket, field: TrendField): number => {
  const v = b[field];
  return v === null ? Number.NaN : v;
};

/** Bucket centres (epoch ms) of `trends`, shifted by `offset` ms. */
function centres(trends: UserTrends, offset = 0): Float64Array {
  const half = bucketSizeMs(trends.granularity) / 2;
  return Float64Array.from(trends.buckets, (b) => toMs(b.t) + offset + half);
}

/**
 * The series of `spec` in drawing order (comparisons first, the metric's main line last, on top). Ids: the field
 * name for the metric's own lines, `previous` and `cohort` for the comparisons.
 */
export function trendSeries(spec: TrendMetricSpec, trends: UserTrends, comparisons: TrendComparisons, l: TrendChartsLabels): ChartSeries[] {
  const x = centres(trends);
  const main = spec.lines[0];
  const out: ChartSeries[] = [];
  const { previous, cohort, cohortUserCount } = comparisons;
  if (main && previous && previous.buckets.length > 0 && trends.buckets.length > 0) {
    const offset = toMs((trends.buckets[0] as TrendBucket).t) - toMs((previous.buckets[0] as TrendBucket).t);
    out.push({
      id: 'previous',
      label: l.previous,
      variant: 'previous',
      color: 'var(--us-color-text-muted)',
      x: centres(previous, offset),
      y: Float64Array.from(previous.buckets, (b) => valueOf(b, main.field)),
    });
  }
  const perUser = spec.total;
  const users = cohortUserCount ?? 0;
  if (main && cohort && cohort.buckets.length > 0 && (!perUser || users > 0)) {
    const name = comparisons.cohortName ?? l.cohort;
    out.push({
      id: 'cohort',
      label: formatLabel(perUser ? l.cohortPerUser : l.cohortDirect, { cohort: name }),
      variant: 'cohort',
      color: 'var(--us-color-chart-4)',
      x: centres(cohort),
      y: Float64Array.from(cohort.buckets, (b) => valueOf(b, main.field) / (perUser ? users : 1)),
    });
  }
  for (const line of [...spec.lines].reverse()) {
    out.push({
      id: line.field,
      label: l[line.label],
      variant: line.variant,
      color: line.color,
      x,
      y: Float64Array.from(trends.buckets, (b) => valueOf(b, line.field)),
    });
  }
  return out;
}
