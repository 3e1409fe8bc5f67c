/**
 * What the crosshair says about one bucket: every metric of the bucket, then the previous period and cohort values of
 * the metric in view. The tooltip shows it; the live region reads it as one sentence.
 * @module
 */
import { bucketSizeMs } from '../../core/engine/time';
import type { Granularity } from '../../core/model';
import type { TrendBucket } from '../../core/results';
import type { ChartMarker } from '../charts/change-markers';
import type { ChartSeries } from '../charts/series';
import { valueAtX } from '../charts/series';
import { bucketCenter } from '../charts/time-buckets';
import { formatBucket } from '../charts/time-format';
import { formatLabel } from '../primitives/format-label';
import { markerGlyph, markerState, type MarkerKind, type MarkerState } from '../primitives/marker-vocabulary';
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

/** A model switch or release inside the bucket, named as the marker vocabulary names it. */
export interface ReadoutEvent {
  /** The marker's key. */
  key: string;
  /** Its kind (`data-kind`). */
  kind: MarkerKind;
  /** Flagged or not (`data-state`). */
  state: MarkerState;
  /** The marker's glyph. */
  glyph: string;
  /** E.g. `Model switch: gpt-4o-mini → gpt-4.1 (regression)`. */
  text: string;
}

/** The readout of a bucket. */
export interface BucketReadout {
  /** The bucket, e.g. `Nov 13, 2026`. */
  heading: string;
  /** The changes that took effect in the bucket, oldest first. */
  events: ReadoutEvent[];
  /** Its values. */
  rows: ReadoutRow[];
}

/** The markers whose change took effect in the bucket starting at `start`, named for the tooltip. */
function eventsIn(markers: readonly ChartMarker[], start: number, granularity: Granularity, l: TrendChartsLabels): ReadoutEvent[] {
  const end = start + bucketSizeMs(granularity);
  return markers
    .filter((m) => m.at >= start && m.at < end)
    .sort((a, b) => a.at - b.at)
    .map((m) => ({
      key: m.key,
      kind: m.kind,
      state: markerState(m.regression),
      glyph: markerGlyph(m.kind, m.regression),
      text: formatLabel(m.regression ? l.markerEventRegression : l.markerEvent, {
        kind: m.kind === 'release' ? l.release : l.modelSwitch,
        change: m.lines[0] ?? '',
      }),
    }));
}

/** Readout of `bucket`: the changes in it (from `markers`), its values and the comparison series' at its centre. */
export function bucketReadout(
  bucket: TrendBucket,
  granularity: Granularity,
  spec: TrendMetricSpec,
  comparisons: readonly ChartSeries[],
  markers: readonly ChartMarker[],
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
  return { heading: formatBucket(start, granularity, locale), events: eventsIn(markers, start, granularity, l), rows };
}

/** The readout as one sentence for the live region: the bucket, its changes, then its values. */
export function readoutText(readout: BucketReadout): string {
  const parts = [...readout.events.map((e) => e.text), ...readout.rows.map((r) => `${r.label} ${r.value}`)];
  return `${readout.heading}: ${parts.join(', ')}`;
}
