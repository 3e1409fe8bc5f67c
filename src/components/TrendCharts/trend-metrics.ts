/**
 * The metric tabs of TrendCharts: which `TrendBucket` fields each draws, how they are formatted, and which tab a
 * MetricCards card focuses.
 * @module
 */
import { USER_METRIC_BY_ID, type MetricFormat } from '../../core/metrics/user-metrics';
import type { TrendBucket } from '../../core/results';
import type { MetricCardKey } from '../MetricCards/card-specs';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import type { TrendChartsLabels } from './labels';

/** A metric tab. */
export type TrendMetricKey = 'traces' | 'successRate' | 'latency' | 'cost' | 'tokens';

/** A numeric field of a trend bucket. */
export type TrendField = Exclude<keyof TrendBucket, 't'>;

/** How a metric's values read: a format kind of core's metric registry (no feedback scores here). */
export type TrendFormat = Exclude<MetricFormat, 'score'>;

/** One line of a metric tab. */
export interface TrendLineSpec {
  /** Bucket field drawn. */
  field: TrendField;
  /** Label key of its name. */
  label: keyof TrendChartsLabels;
  /** `main` for the metric itself; `secondary` for a second line (errors, p50). */
  variant: 'main' | 'secondary';
  /** Stroke colour. */
  color: string;
}

/** A metric tab's definition. */
export interface TrendMetricSpec {
  /** Tab id. */
  key: TrendMetricKey;
  /** Label key of the tab. */
  label: keyof TrendChartsLabels;
  /** Value format. */
  format: TrendFormat;
  /** Sums per bucket (the cohort line is then an average per user, and the summary gives a total). */
  total: boolean;
  /** Lines; the first is the metric compared with the previous period and the cohort. */
  lines: readonly TrendLineSpec[];
}

const MAIN = 'var(--us-color-chart-1)';

/** Every metric tab, in tab order; each reads its values' format from core's metric registry. */
export const TREND_METRICS: readonly TrendMetricSpec[] = [
  {
    key: 'traces',
    label: 'tabTraces',
    format: USER_METRIC_BY_ID.traceCount.format,
    total: true,
    lines: [
      { field: 'traceCount', label: 'seriesTraceCount', variant: 'main', color: MAIN },
      { field: 'errorCount', label: 'seriesErrorCount', variant: 'secondary', color: 'var(--us-color-danger)' },
    ],
  },
  {
    key: 'successRate',
    label: 'tabSuccessRate',
    format: USER_METRIC_BY_ID.successRate.format,
    total: false,
    lines: [{ field: 'successRate', label: 'seriesSuccessRate', variant: 'main', color: MAIN }],
  },
  {
    key: 'latency',
    label: 'tabLatency',
    format: USER_METRIC_BY_ID.latencyP95Ms.format,
    total: false,
    lines: [
      { field: 'latencyP95Ms', label: 'seriesLatencyP95Ms', variant: 'main', color: MAIN },
      { field: 'latencyP50Ms', label: 'seriesLatencyP50Ms', variant: 'secondary', color: 'var(--us-color-chart-5)' },
    ],
  },
  { key: 'cost', label: 'tabCost', format: USER_METRIC_BY_ID.costUsd.format, total: true, lines: [{ field: 'costUsd', label: 'seriesCostUsd', variant: 'main', color: MAIN }] },
  { key: 'tokens', label: 'tabTokens', format: USER_METRIC_BY_ID.totalTokens.format, total: true, lines: [{ field: 'tokens', label: 'seriesTokens', variant: 'main', color: MAIN }] },
];

/** The tab a MetricCards card focuses (`onMetricFocus`). */
export const TREND_METRIC_FOR_CARD: Readonly<Record<MetricCardKey, TrendMetricKey>> = {
  traceCount: 'traces',
  successRate: 'successRate',
  latencyP95Ms: 'latency',
  costUsd: 'cost',
};

/** The spec of a tab. */
export function trendMetric(key: TrendMetricKey): TrendMetricSpec {
  return TREND_METRICS.find((m) => m.key === key) ?? (TREND_METRICS[0] as TrendMetricSpec);
}

/** Formats a value of a metric; `compact` for axis ticks. */
export function formatTrendValue(value: number | null | undefined, format: TrendFormat, locale: string, compact = false): string {
  switch (format) {
    case 'percent':
      return formatPercent(value, locale, compact ? 0 : 1);
    case 'duration':
      return formatDuration(value, locale);
    case 'usd':
      return formatUsd(value, locale, compact);
    default:
      return formatCount(value, locale, compact);
  }
}

/** Every field shown in the crosshair tooltip, in order, with its label key and format. */
export const TOOLTIP_FIELDS: readonly { field: TrendField; label: keyof TrendChartsLabels; format: TrendFormat }[] = [
  { field: 'traceCount', label: 'seriesTraceCount', format: 'count' },
  { field: 'errorCount', label: 'seriesErrorCount', format: 'count' },
  { field: 'successRate', label: 'seriesSuccessRate', format: 'percent' },
  { field: 'latencyP50Ms', label: 'seriesLatencyP50Ms', format: 'duration' },
  { field: 'latencyP95Ms', label: 'seriesLatencyP95Ms', format: 'duration' },
  { field: 'costUsd', label: 'seriesCostUsd', format: 'usd' },
  { field: 'tokens', label: 'seriesTokens', format: 'count' },
];
