/**
 * What the crosshair says about one bucket: every metric of the bucket, then the previous period and cohort values of
 * the metric in view. The tooltip shows it; the live region reads it as one sentence.
 * @module
 */
import type { Granularity } from '../../core/model';
import type { TrendBucket } from '../../core/results';
import type { ChartSeries } from '../charts/series';
import { valueAtX } from '../charts/series';
import { bucketCenter } from '../charts/time-buckets';
import { formatBucket } from '../charts/time-format';
import type { TrendChartsLabels } from './labels';
import { formatTrendValue, TOOLTIP_FIELDS, type TrendMetricSpec } from './trend-metrics';

/** One line of the readout. */
export interface ReadoutRow {
  /** Stable key. */
  key: string;
  /** Name. */
  label: string;
  /** Formatted value ("—" when unknown). */
  value: string;
  /** Marks the metric in view and its comparisons. */
  current: boolean;
}

/** The readout of a bucket. */
export interface BucketReadout {
  /** The bucket, e.g. `Nov 13, 2026`. */
  heading: string;
  /** Its values. */
  rows: ReadoutRow[];
}

/** Readout of `bucket`, with the comparison series' values at its centre. */
export function bucketReadout(
  bucket: TrendBucket,
  granularity: Granularity,
  spec: TrendMetricSpec,
  comparisons: readonly ChartSeries[],
  locale: string,
  l: TrendChartsLabels,
): BucketReadout {
  const start = Date.parse(bucket.t);
  const inView = new Set(spec.lines.map((line) => line.field));
  const rows: ReadoutRow[] = TOOLTIP_FIELDS.map(({ field, label, format }) => ({
    key: field,
    label: l[label],
    value: formatTrendValue(bucket[field], format, locale),
    current: inView.has(field),
  }));
  const centre = bucketCenter(start, granularity);
  for (const series of comparisons) {
    const v = valueAtX(series, centre);
    rows.push({ key: series.id, label: series.label, value: formatTrendValue(Number.isNaN(v) ? null : v, spec.format, locale), current: true });
  }
  return { heading: formatBucket(start, granularity, locale), rows };
}

/** The readout as one sentence for the live region. */
export function readoutText(readout: BucketReadout): string {
  return `${readout.heading}: ${readout.rows.map((r) => `${r.label} ${r.value}`).join(', ')}`;
}
