/**
 * How `UsersDistribution` writes each measure's values and the names of its bins.
 * @module
 */
import type { DistributionBin, DistributionMetric } from '../../core/results';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import type { UsersDistributionLabels } from './labels';

/** The measure's name, as its label says it. */
export function metricName(metric: DistributionMetric, l: UsersDistributionLabels): string {
  switch (metric) {
    case 'costUsd':
      return l.metricCostUsd;
    case 'traceCount':
      return l.metricTraceCount;
    case 'errorRate':
      return l.metricErrorRate;
    case 'latencyP95Ms':
      return l.metricLatencyP95Ms;
  }
}

/** One value of the measure, formatted for `locale` (money, count, percentage or duration). */
export function formatMetricValue(metric: DistributionMetric, value: number, locale: string): string {
  switch (metric) {
    case 'costUsd':
      return formatUsd(value, locale);
    case 'traceCount':
      return formatCount(value, locale);
    case 'errorRate':
      return formatPercent(value, locale);
    case 'latencyP95Ms':
      return formatDuration(value, locale);
  }
}

/** A bin's edges, formatted. */
export function binEdges(metric: DistributionMetric, bin: Pick<DistributionBin, 'from' | 'to'>, locale: string): { from: string; to: string } {
  return { from: formatMetricValue(metric, bin.from, locale), to: formatMetricValue(metric, bin.to, locale) };
}
