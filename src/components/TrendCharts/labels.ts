/**
 * Default English strings of TrendCharts. Every value is a plain string (`{name}` placeholders), so a host can override
 * any of them through the `labels` prop or `<UserscopeProvider labels>` under `trendCharts.<key>`.
 * @module
 */
import { changeCalloutLabels } from '../../core/engine/change-callout';
import { chartLabels } from '../charts/chart-labels';
import { markerVocabularyLabels } from '../primitives/marker-vocabulary';

/** Default strings of TrendCharts (including the shared chart and regression-callout strings). */
export const trendChartsLabels = {
  ...chartLabels,
  ...changeCalloutLabels,
  /** The marker vocabulary: glyph legend, events named in the crosshair tooltip. */
  ...markerVocabularyLabels,
  /** Section heading. */
  title: 'Trends',
  /** Accessible name of the tab list. */
  tabs: 'Metric',
  tabTraces: 'Traces',
  tabSuccessRate: 'Success rate',
  tabLatency: 'Latency',
  tabCost: 'Cost',
  tabTokens: 'Tokens',
  /** Line names (legend, tooltip, table). */
  seriesTraceCount: 'Traces',
  seriesErrorCount: 'Errors',
  seriesSuccessRate: 'Success rate',
  seriesLatencyP95Ms: 'p95 latency',
  seriesLatencyP50Ms: 'p50 latency',
  seriesCostUsd: 'Cost',
  seriesTokens: 'Tokens',
  /** The previous-period ghost line. */
  previous: 'Previous period',
  /** The cohort line: rates compare directly, totals as the cohort's average per user. */
  cohortDirect: '{cohort}',
  cohortPerUser: '{cohort}, average per user',
  /** Cohort name when the page gives none. */
  cohort: 'Cohort',
  /** Chart title: `{metric}` per `{granularity}`. */
  chartTitle: '{metric} per {granularity}',
  hour: 'hour',
  day: 'day',
  week: 'week',
  /** Granularity control. */
  granularity: 'Granularity',
  granularityAuto: 'Auto',
  granularityHour: 'Hourly',
  granularityDay: 'Daily',
  granularityWeek: 'Weekly',
  /** The visible span. */
  range: '{from} – {to}',
  zoomOut: 'Zoom out',
  resetZoom: 'Reset zoom',
  /** Chart descriptions. */
  summaryTotal: '{title}, {from} to {to}: {total} in total; highest {max} ({maxAt}).',
  summaryLevel: '{title}, {from} to {to}: from {min} ({minAt}) to {max} ({maxAt}).',
  summaryNoData: '{title}, {from} to {to}: no data.',
  summaryPrevious: 'Dashed line: the previous period, shifted onto this one.',
  summaryCohort: 'Dotted line: {cohort}.',
  summaryMarkers: 'Markers: {count} model switches and releases.',
  /** Accessible name of the regression callouts. */
  callouts: 'Regressions',
  /** States. */
  loading: 'Loading trends…',
  error: 'Could not load the trends.',
  retry: 'Retry',
  noTraces: 'No traces in this range.',
};

/** Strings of TrendCharts (see {@link trendChartsLabels}). */
export type TrendChartsLabels = typeof trendChartsLabels;
