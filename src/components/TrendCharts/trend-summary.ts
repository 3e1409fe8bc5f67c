/**
 * The description of a trend chart, read by screen readers with its title: the span shown, the total or the range of
 * values with when they happened, and what the extra lines and markers are.
 * @module
 */
import type { Granularity } from '../../core/model';
import type { TrendBucket } from '../../core/results';
import { formatLabel } from '../primitives/format-label';
import { formatBucket } from '../charts/time-format';
import type { TrendChartsLabels } from './labels';
import { formatTrendValue, type TrendMetricSpec } from './trend-metrics';

/** What the summary describes. */
export interface TrendSummaryInput {
  /** The metric. */
  spec: TrendMetricSpec;
  /** The chart title. */
  title: string;
  /** Buckets in view, oldest first. */
  buckets: readonly TrendBucket[];
  /** Their size. */
  granularity: Granularity;
  /** Whether the previous-period line is drawn. */
  previous: boolean;
  /** The cohort line's label, when drawn. */
  cohortLabel: string | null;
  /** Markers in view. */
  markerCount: number;
  /** Locale. */
  locale: string;
}

/** One or more sentences describing the chart. */
export function trendSummary(input: TrendSummaryInput, l: TrendChartsLabels): string {
  const { spec, buckets, granularity, locale } = input;
  const field = spec.lines[0]?.field ?? 'traceCount';
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return formatLabel(l.summaryNoData, { title: input.title, from: '', to: '' });
  const when = (b: TrendBucket) => formatBucket(Date.parse(b.t), granularity, locale);
  const value = (v: number) => formatTrendValue(v, spec.format, locale);
  let total = 0;
  let min: TrendBucket | null = null;
  let max: TrendBucket | null = null;
  for (const b of buckets) {
    const v = b[field];
    if (v === null) continue;
    total += v;
    if (!min || v < (min[field] as number)) min = b;
    if (!max || v > (max[field] as number)) max = b;
  }
  const span = { title: input.title, from: when(first), to: when(last) };
  const parts: string[] = [];
  if (!min || !max) parts.push(formatLabel(l.summaryNoData, span));
  else if (spec.total) parts.push(formatLabel(l.summaryTotal, { ...span, total: value(total), max: value(max[field] as number), maxAt: when(max) }));
  else {
    parts.push(
      formatLabel(l.summaryLevel, { ...span, min: value(min[field] as number), minAt: when(min), max: value(max[field] as number), maxAt: when(max) }),
    );
  }
  if (input.previous) parts.push(l.summaryPrevious);
  if (input.cohortLabel) parts.push(formatLabel(l.summaryCohort, { cohort: input.cohortLabel }));
  if (input.markerCount > 0) parts.push(formatLabel(l.summaryMarkers, { count: input.markerCount }));
  return parts.join(' ');
}
