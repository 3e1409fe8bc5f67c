/**
 * The contract suite's own answers, computed with plain loops over `Trace` / `Feedback` objects. Deliberately
 * independent of the engine in `core/engine`: it re-states each definition of docs/metrics.md as simply as possible.
 * @module
 */
import { referenceUserMetricValues, type UserBaseMeasures } from '../../core/metrics/user-metrics';
import type { Feedback, Granularity, Trace } from '../../core/model';
import type {
  ConversationSummary,
  FeedbackComment,
  FeedbackKeyStat,
  FeedbackOverview,
  KeyMetrics,
  ModelMixBucket,
  ModelStat,
  TrendBucket,
  UserRow,
} from '../../core/results';
import { groupBy } from './group-by';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Epoch ms of an ISO timestamp. */
export const ms = (iso: string): number => Date.parse(iso);

/** ISO UTC string of epoch ms. */
export const iso = (t: number): string => new Date(t).toISOString();

/** A range in epoch ms. */
export interface Span {
  /** Inclusive start. */
  from: number;
  /** Exclusive end. */
  to: number;
}

/** A `{ from, to }` ISO range as epoch ms. */
export function span(range: { from: string; to: string }): Span {
  return { from: ms(range.from), to: ms(range.to) };
}

/** True when the trace starts in `[from, to)`. */
export function startsIn(trace: Trace, s: Span): boolean {
  const t = ms(trace.startTime);
  return t >= s.from && t < s.to;
}

/** The previous period: equal length, ending where `s` starts. */
export function previousSpan(s: Span): Span {
  return { from: 2 * s.from - s.to, to: s.from };
}

/** numpy-linear percentile `p` of `values`; `null` when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (rank - lo);
}

/** Sum of the known values, `null` when none is known. */
function knownSum(values: readonly (number | undefined)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== undefined) sum = (sum ?? 0) + v;
  return sum;
}

/** Granularity chosen when none is asked for: hour up to 2 days, day up to 120 days, week beyond. */
export function defaultGranularity(s: Span): Granularity {
  const length = s.to - s.from;
  return length <= 2 * DAY ? 'hour' : length <= 120 * DAY ? 'day' : 'week';
}

/** Start of the UTC bucket holding `t` (weeks start on Monday; 1970-01-05 was a Monday). */
export function bucketOf(t: number, g: Granularity): number {
  if (g === 'hour') return Math.floor(t / HOUR) * HOUR;
  if (g === 'day') return Math.floor(t / DAY) * DAY;
  const monday = 4 * DAY;
  return Math.floor((t - monday) / WEEK) * WEEK + monday;
}

/** Starts of every bucket overlapping `s`, oldest first. */
export function bucketsOf(s: Span, g: Granularity): number[] {
  const out: number[] = [];
  const size = g === 'hour' ? HOUR : g === 'day' ? DAY : WEEK;
  for (let t = bucketOf(s.from, g); t < s.to; t += size) out.push(t);
  return out;
}

/** The traces of each bucket of `s` (traces outside `s` are left out). */
function byBucket(traces: readonly Trace[], s: Span, g: Granularity): { t: number; traces: Trace[] }[] {
  const buckets = bucketsOf(s, g).map((t) => ({ t, traces: [] as Trace[] }));
  for (const trace of traces) {
    if (!startsIn(trace, s)) continue;
    const b = buckets.find((x) => x.t === bucketOf(ms(trace.startTime), g));
    b?.traces.push(trace);
  }
  return buckets;
}

/** Key metrics of `traces` (all of them: filter by range first). */
export function keyMetricsOf(traces: readonly Trace[]): KeyMetrics {
  const n = traces.length;
  const errors = traces.filter((t) => t.status === 'error');
  const typeCounts = new Map<string, number>();
  for (const t of errors) if (t.errorType !== undefined) typeCounts.set(t.errorType, (typeCounts.get(t.errorType) ?? 0) + 1);
  let topErrorType: string | null = null;
  for (const [type, count] of typeCounts) {
    const best = topErrorType === null ? 0 : (typeCounts.get(topErrorType) as number);
    if (topErrorType === null || count > best || (count === best && type < topErrorType)) topErrorType = type;
  }
  const latencies = traces.map((t) => t.latencyMs);
  const costs = traces.map((t) => t.costUsd).filter((c): c is number => c !== undefined);
  const cost = knownSum(costs);
  return {
    traceCount: n,
    conversationCount: new Set(traces.map((t) => t.conversationId).filter((c) => c !== undefined)).size,
    activeDays: new Set(traces.map((t) => Math.floor(ms(t.startTime) / DAY))).size,
    errorCount: errors.length,
    successRate: n === 0 ? null : (n - errors.length) / n,
    topErrorType,
    latencyAvgMs: n === 0 ? null : latencies.reduce((a, b) => a + b, 0) / n,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    costUsd: cost,
    costPerTraceUsd: cost === null ? null : cost / costs.length,
    inputTokens: knownSum(traces.map((t) => t.inputTokens)),
    outputTokens: knownSum(traces.map((t) => t.outputTokens)),
  };
}

/** Normalised score of a record: the given `score`, 1/0 for booleans, `null` for categories. */
export function scoreOf(f: Feedback): number | null {
  if (typeof f.score === 'number') return f.score;
  if (typeof f.value === 'boolean') return f.value ? 1 : 0;
  if (typeof f.value === 'number') throw new Error(`contract dataset: numeric feedback ${f.id} needs an explicit score`);
  return null;
}

/**
 * The users-list row of a user with at least one trace in `s`, without `attention` (checked separately): the
 * metric registry's values from this module's plain base figures (`UserMetric.reference`).
 */
export function userRowOf(user: UserRow['user'], userTraces: readonly Trace[], feedback: readonly Feedback[], s: Span): Omit<UserRow, 'attention'> {
  const inRange = userTraces.filter((t) => startsIn(t, s));
  const m = keyMetricsOf(inRange);
  const ids = new Set(inRange.map((t) => t.id));
  const scores = feedback.filter((f) => ids.has(f.traceId)).map(scoreOf).filter((x): x is number => x !== null);
  const starts = inRange.map((t) => ms(t.startTime));
  const base: UserBaseMeasures = {
    ...m,
    costTraceCount: inRange.filter((t) => t.costUsd !== undefined).length,
    feedbackAvgScore: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
  };
  return {
    user,
    ...referenceUserMetricValues(base),
    firstSeen: iso(Math.min(...starts)),
    lastSeen: iso(Math.max(...starts)),
    sparkline: byBucket(inRange, s, 'day').map((b) => ({
      t: iso(b.t),
      traceCount: b.traces.length,
      errorCount: b.traces.filter((t) => t.status === 'error').length,
    })),
  };
}

/** Trend buckets of a user's traces over `s`. */
export function trendOf(userTraces: readonly Trace[], s: Span, g: Granularity): TrendBucket[] {
  return byBucket(userTraces, s, g).map((b) => {
    const m = keyMetricsOf(b.traces);
    const tokens = knownSum(b.traces.flatMap((t) => [t.inputTokens, t.outputTokens]));
    return {
      t: iso(b.t),
      traceCount: m.traceCount,
      errorCount: m.errorCount,
      successRate: m.successRate,
      latencyP50Ms: m.latencyP50Ms,
      latencyP95Ms: m.latencyP95Ms,
      costUsd: m.costUsd,
      tokens,
    };
  });
}

/** Label of a trace's model; traces without one are grouped under `(unknown)`. */
const modelLabel = (t: Trace): string => t.model ?? '(unknown)';

/** Models of the traces in `s` (unordered) with their per-model numbers. */
export function modelStatsOf(userTraces: readonly Trace[], s: Span): ModelStat[] {
  const inRange = userTraces.filter((t) => startsIn(t, s));
  const groups = groupBy(inRange, modelLabel);
  return [...groups].map(([model, traces]) => {
    const m = keyMetricsOf(traces);
    const starts = traces.map((t) => ms(t.startTime));
    return {
      model,
      traceCount: traces.length,
      share: traces.length / inRange.length,
      firstSeen: iso(Math.min(...starts)),
      lastSeen: iso(Math.max(...starts)),
      successRate: m.successRate,
      latencyP95Ms: m.latencyP95Ms,
      costPerTraceUsd: m.costPerTraceUsd,
    };
  });
}

/** Model mix per bucket (models with no trace in a bucket are absent from its counts). */
export function modelMixOf(userTraces: readonly Trace[], s: Span, g: Granularity): ModelMixBucket[] {
  return byBucket(userTraces, s, g).map((b) => {
    const counts: Record<string, number> = {};
    for (const t of b.traces) counts[modelLabel(t)] = (counts[modelLabel(t)] ?? 0) + 1;
    return { t: iso(b.t), counts };
  });
}

const hasComment = (f: Feedback): boolean => typeof f.comment === 'string' && f.comment.trim() !== '';

/**
 * Feedback overview of a user over `s`: records are selected by `createdAt`; coverage looks at the user's traces
 * started in `s` that have any feedback record (at any time). `topKeys` is sorted by key here (order is checked
 * separately).
 */
export function feedbackOverviewOf(userTraces: readonly Trace[], userFeedback: readonly Feedback[], allFeedback: readonly Feedback[], s: Span, g: Granularity): FeedbackOverview {
  const records = userFeedback.filter((f) => ms(f.createdAt) >= s.from && ms(f.createdAt) < s.to);
  const scored = records.map(scoreOf).filter((x): x is number => x !== null);
  const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  const inRange = userTraces.filter((t) => startsIn(t, s));
  const withFeedback = new Set(allFeedback.map((f) => f.traceId));
  const covered = inRange.filter((t) => withFeedback.has(t.id)).length;
  const buckets = bucketsOf(s, g).map((t) => ({ t, records: records.filter((f) => bucketOf(ms(f.createdAt), g) === t) }));
  const keys = groupBy(records, (f) => f.key);
  const topKeys: FeedbackKeyStat[] = [...keys]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => {
      const kind = list.every((f) => typeof f.value === 'boolean') ? 'boolean' : list.every((f) => typeof f.value === 'number') ? 'numeric' : 'categorical';
      const categories: Record<string, number> = {};
      if (kind === 'boolean') Object.assign(categories, { true: 0, false: 0 });
      if (kind !== 'numeric') for (const f of list) categories[String(f.value)] = (categories[String(f.value)] ?? 0) + 1;
      const keyScores = list.map(scoreOf).filter((x): x is number => x !== null);
      return { key, kind, count: list.length, avgScore: kind === 'categorical' ? null : mean(keyScores), categories };
    });
  return {
    granularity: g,
    summary: {
      count: records.length,
      avgScore: mean(scored),
      tracesWithFeedback: covered,
      traceCount: inRange.length,
      coverage: inRange.length === 0 ? null : covered / inRange.length,
      commentCount: records.filter(hasComment).length,
    },
    trend: buckets.map((b) => {
      const xs = b.records.map(scoreOf).filter((x): x is number => x !== null);
      return { t: iso(b.t), count: b.records.length, avgScore: mean(xs), positiveCount: xs.filter((x) => x >= 0.5).length, negativeCount: xs.filter((x) => x < 0.5).length };
    }),
    histogram: Array.from({ length: 10 }, (_, k) => ({
      from: k / 10,
      to: (k + 1) / 10,
      count: scored.filter((x) => (k === 9 ? x >= 0.9 : x >= k / 10 && x < (k + 1) / 10)).length,
    })),
    topKeys,
    commentMomentum: buckets.map((b) => ({ t: iso(b.t), commentCount: b.records.filter(hasComment).length, feedbackCount: b.records.length })),
  };
}

/** A user's comments (non-blank) created in `s`, without the trace summary, in no particular order. */
export function commentsOf(userFeedback: readonly Feedback[], s: Span): Omit<FeedbackComment, 'trace'>[] {
  return userFeedback
    .filter((f) => hasComment(f) && ms(f.createdAt) >= s.from && ms(f.createdAt) < s.to)
    .map((f) => ({ id: f.id, traceId: f.traceId, key: f.key, value: f.value, score: scoreOf(f), comment: f.comment as string, createdAt: f.createdAt }));
}

/** Step order of a conversation: start time ascending. */
export function byStart(a: Trace, b: Trace): number {
  return ms(a.startTime) - ms(b.startTime);
}

/** Conversation summaries of a user's traces in `s`, unordered; traces without a conversation form `(none)`. */
export function conversationsOf(userTraces: readonly Trace[], s: Span): ConversationSummary[] {
  const groups = groupBy(userTraces.filter((x) => startsIn(x, s)), (t) => t.conversationId ?? '(none)');
  return [...groups].map(([id, traces]) => {
    const steps = [...traces].sort(byStart);
    const first = steps[0] as Trace;
    const last = steps[steps.length - 1] as Trace;
    const end = Math.max(...steps.map((t) => (t.endTime === undefined ? ms(t.startTime) + t.latencyMs : ms(t.endTime))));
    return {
      id,
      traceCount: steps.length,
      firstTime: first.startTime,
      lastTime: last.startTime,
      durationMs: end - ms(first.startTime),
      errorCount: steps.filter((t) => t.status === 'error').length,
      costUsd: knownSum(steps.map((t) => t.costUsd)),
      title: first.inputPreview ?? null,
      models: [...new Set(steps.map((t) => t.model).filter((m): m is string => m !== undefined))],
      steps: steps.map((t) => t.status),
    };
  });
}

/**
 * The attention severity of a user (docs/metrics.md, "Users list → Sorting"), with plain loops: the user's traces in
 * range against the pooled traces of every user in range (`population`, attributed traces only). `[reasons, largest
 * value / baseline]` (∞ for a 0 baseline), or `null` when no rule fires.
 */
export function attentionSeverityOf(own: readonly Trace[], population: readonly Trace[]): [number, number] | null {
  const mine = keyMetricsOf(own);
  const all = keyMetricsOf(population);
  const n = mine.traceCount;
  const costN = own.filter((t) => t.costUsd !== undefined).length;
  const fired: { value: number; baseline: number }[] = [];
  const baseRate = all.traceCount === 0 ? null : all.errorCount / all.traceCount;
  const rate = n === 0 ? 0 : mine.errorCount / n;
  if (n >= 5 && baseRate !== null && rate >= Math.max(2 * baseRate, baseRate + 0.1)) fired.push({ value: rate, baseline: baseRate });
  const p95 = mine.latencyP95Ms;
  const base95 = all.latencyP95Ms;
  if (n >= 5 && p95 !== null && base95 !== null && p95 >= 2 * base95 && p95 > base95) fired.push({ value: p95, baseline: base95 });
  const cost = mine.costPerTraceUsd;
  const baseCost = all.costPerTraceUsd;
  if (costN >= 5 && cost !== null && baseCost !== null && cost >= 3 * baseCost && cost > baseCost) fired.push({ value: cost, baseline: baseCost });
  if (fired.length === 0) return null;
  return [fired.length, Math.max(...fired.map((f) => (f.baseline > 0 ? f.value / f.baseline : Infinity)))];
}
