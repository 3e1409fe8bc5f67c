/**
 * Time-series helpers of the feedback charts: how their buckets merge when `charts/time-spans` sums them into wider
 * spans, period labels and axis ticks.
 * @module
 */
import type { Granularity } from '../../core/model';
import type { CommentMomentumBucket, FeedbackTrendBucket, TrendBucket } from '../../core/results';
import { formatDateTime } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';

/** Sums feedback trend buckets; the average score is weighted by the scored records of each bucket. */
export function mergeFeedbackTrend(group: readonly FeedbackTrendBucket[]): FeedbackTrendBucket {
  let count = 0;
  let positive = 0;
  let negative = 0;
  let scoreSum = 0;
  for (const b of group) {
    count += b.count;
    positive += b.positiveCount;
    negative += b.negativeCount;
    if (b.avgScore !== null) scoreSum += b.avgScore * (b.positiveCount + b.negativeCount);
  }
  const scored = positive + negative;
  return {
    t: (group[0] as FeedbackTrendBucket).t,
    count,
    avgScore: scored === 0 ? null : scoreSum / scored,
    positiveCount: positive,
    negativeCount: negative,
  };
}

/** Success rate of merged trace buckets: ok traces over all traces; `null` without traces. */
export function mergeSuccess(group: readonly TrendBucket[]): { t: string; traceCount: number; successRate: number | null } {
  let traces = 0;
  let errors = 0;
  for (const b of group) {
    traces += b.traceCount;
    errors += b.errorCount;
  }
  return { t: (group[0] as TrendBucket).t, traceCount: traces, successRate: traces === 0 ? null : (traces - errors) / traces };
}

/** Sums comment momentum buckets. */
export function mergeMomentum(group: readonly CommentMomentumBucket[]): CommentMomentumBucket {
  let comments = 0;
  let feedback = 0;
  for (const b of group) {
    comments += b.commentCount;
    feedback += b.feedbackCount;
  }
  return { t: (group[0] as CommentMomentumBucket).t, commentCount: comments, feedbackCount: feedback };
}

/** Label of the period starting at `t`: a date, a date and hour, or "Week of …" (template `weekTemplate`). */
export function periodLabel(t: string | number, granularity: Granularity, locale: string, weekTemplate: string): string {
  const iso = typeof t === 'number' ? new Date(t).toISOString() : t;
  const date = formatDateTime(iso, locale, granularity === 'hour');
  return granularity === 'week' ? formatLabel(weekTemplate, { date }) : date;
}

const tickFormats = new Map<string, Intl.DateTimeFormat>();

/** Short axis tick of a time, in UTC: `Nov 12` (or `Nov 12, 14` for hourly series). */
export function formatTick(ms: number, granularity: Granularity, locale: string): string {
  const key = `${locale}|${granularity === 'hour'}`;
  let f = tickFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      ...(granularity === 'hour' ? { hour: '2-digit', hourCycle: 'h23' } : {}),
    });
    tickFormats.set(key, f);
  }
  return f.format(ms);
}
