/**
 * Default English strings of ModelUsage. Every value is a plain string (`{name}` placeholders), so a host can override
 * any of them through the `labels` prop or `<UserscopeProvider labels>` under `modelUsage.<key>`.
 * @module
 */
import { changeCalloutLabels } from '../../core/engine/change-callout';
import { chartLabels } from '../charts/chart-labels';

/** Default strings of ModelUsage (including the shared chart and regression-callout strings). */
export const modelUsageLabels = {
  ...chartLabels,
  ...changeCalloutLabels,
  /** Section heading. */
  title: 'Model usage',
  /** Lead sentence. */
  summary: '{count} models in this range; most used: {model} ({share} of traces).',
  summaryOne: 'One model in this range: {model}.',
  /** Models table. */
  modelsTable: 'Models',
  colModel: 'Model',
  colShare: 'Share',
  colTraces: 'Traces',
  colFirstSeen: 'First seen',
  colLastSeen: 'Last seen',
  colSuccessRate: 'Success rate',
  colLatencyP95Ms: 'p95 latency',
  colCostPerTraceUsd: 'Cost per trace',
  /** Mix chart. */
  mixTitle: 'Model mix per {granularity}',
  hour: 'hour',
  day: 'day',
  week: 'week',
  mixSummary: '{title}, {from} to {to}: {traces} traces; stacked by model, most used at the bottom.',
  other: 'Other models',
  total: 'Total',
  /** Changes list. */
  changesTitle: 'Model switches and releases',
  colCompared: 'Traces compared',
  beforeAfterValue: '{before} → {after}',
  noChanges: 'No model switches or releases in this range.',
  /** States. */
  loading: 'Loading model usage…',
  error: 'Could not load model usage.',
  retry: 'Retry',
  noTraces: 'No traces in this range.',
};

/** Strings of ModelUsage (see {@link modelUsageLabels}). */
export type ModelUsageLabels = typeof modelUsageLabels;
