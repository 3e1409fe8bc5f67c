import type { VerdictArea } from '../../core/engine/verdict';
import { totalTokens } from '../../core/metrics/tokens';
import { USER_METRIC_BY_ID, type MetricFormat, type UserMetricId } from '../../core/metrics/user-metrics';
import type { KeyMetrics } from '../../core/results';
import type { DeltaDirection } from '../primitives/Delta';
import { UNKNOWN, formatCount, formatDuration, formatPercent, formatUsd } from '../primitives/format';

/** A card's id, named after the trend measure it focuses (a `TrendBucket` field). */
export type MetricCardKey = 'traceCount' | 'successRate' | 'latencyP95Ms' | 'costUsd';

/** A number (or text) shown on a card. `tokens` is input + output tokens (core's `totalTokens`). */
export type StatKey =
  | 'traceCount'
  | 'conversationCount'
  | 'activeDays'
  | 'successRate'
  | 'errorCount'
  | 'topErrorType'
  | 'latencyP95Ms'
  | 'latencyP50Ms'
  | 'costUsd'
  | 'costPerTraceUsd'
  | 'tokens';

/**
 * How a stat compares with a cohort: `direct` for rates, percentiles and per-trace values; `per-user` for totals,
 * divided by the cohort's user count; `user-mean` for a figure the group answers as the mean of its users' own values
 * (active days: `CohortMetrics.activeDaysPerUser`); `none` when no fair comparison exists (text).
 */
export type CohortMode = 'direct' | 'per-user' | 'user-mean' | 'none';

/** How a stat is formatted: a format kind of core's metric registry, or `text`. */
export type StatFormat = Exclude<MetricFormat, 'score'> | 'text';

/** One stat of a card. */
export interface StatSpec {
  /** Which stat. */
  key: StatKey;
  /** How to format it. */
  format: StatFormat;
  /** Which way is better. */
  direction: DeltaDirection;
  /** How it compares with a cohort. */
  cohort: CohortMode;
}

/** One card: its id, title label, verdict area and stats (the first is the headline). */
export interface CardSpec {
  /** Card id passed to `onMetricFocus`. */
  key: MetricCardKey;
  /** Label key of the title. */
  title: 'volume' | 'quality' | 'latency' | 'cost';
  /** Verdict area it answers, if any. */
  area: VerdictArea | null;
  /** Headline stat first. */
  stats: readonly [StatSpec, ...StatSpec[]];
}

/** A registry metric a card shows: a stat of the same name, or total tokens (the `tokens` stat). */
type CardMetricId = Extract<UserMetricId, StatKey> | 'totalTokens';

/** A stat of a registry metric: format and direction are the registry's; only the cohort comparison is the card's. */
function metricStat(id: CardMetricId, cohort: CohortMode): StatSpec {
  const { format, direction } = USER_METRIC_BY_ID[id];
  return { key: id === 'totalTokens' ? 'tokens' : id, format, direction, cohort };
}

/** The four cards, in order. Every stat but active days and the top error type is a registry metric. */
export const CARD_SPECS: readonly CardSpec[] = [
  {
    key: 'traceCount',
    title: 'volume',
    area: null,
    stats: [
      metricStat('traceCount', 'per-user'),
      metricStat('conversationCount', 'per-user'),
      { key: 'activeDays', format: 'count', direction: 'neutral', cohort: 'user-mean' },
    ],
  },
  {
    key: 'successRate',
    title: 'quality',
    area: 'quality',
    stats: [
      metricStat('successRate', 'direct'),
      metricStat('errorCount', 'per-user'),
      { key: 'topErrorType', format: 'text', direction: 'neutral', cohort: 'none' },
    ],
  },
  {
    key: 'latencyP95Ms',
    title: 'latency',
    area: 'performance',
    stats: [
      metricStat('latencyP95Ms', 'direct'),
      metricStat('latencyP50Ms', 'direct'),
    ],
  },
  {
    key: 'costUsd',
    title: 'cost',
    area: 'spend',
    stats: [
      metricStat('costUsd', 'per-user'),
      metricStat('costPerTraceUsd', 'direct'),
      metricStat('totalTokens', 'per-user'),
    ],
  },
];

/** The value of a stat in a set of key metrics. */
export function statValue(m: KeyMetrics, key: StatKey): number | string | null {
  return key === 'tokens' ? totalTokens(m.inputTokens, m.outputTokens) : m[key];
}

/** Absolute values from which counts and money switch to compact notation (`12.3M`) on a card. */
const COMPACT_FROM = 1_000_000;

/**
 * A stat value as text, through the shared Intl formatters ("—" when unknown). Counts and money of a million or more
 * are compact when `compact` is set.
 */
export function formatStat(format: StatFormat, value: number | string | null, locale: string, compact = false): string {
  if (typeof value === 'string') return value;
  const big = compact && value !== null && Math.abs(value) >= COMPACT_FROM;
  switch (format) {
    case 'count':
      return formatCount(value, locale, big);
    case 'percent':
      return formatPercent(value, locale);
    case 'duration':
      return formatDuration(value, locale);
    case 'usd':
      return formatUsd(value, locale, big);
    case 'text':
      return value === null ? UNKNOWN : String(value);
  }
}
