/**
 * Naive references for model usage, feedback and conversations, written plainly over `Trace[]` / `Feedback[]`
 * straight from the definitions in docs/metrics.md. Slow on purpose: no index, no typed arrays, no shared code with
 * the engine.
 */
import type { Feedback, Granularity, Trace } from '../../src/core/model';
import { changesOf, windowOf } from '../../src/testing/contract/reference-changes';
import type {
  ConversationSummary,
  FeedbackComment,
  FeedbackKeyStat,
  FeedbackOverview,
  ModelUsage,
} from '../../src/core/results';

/** A range in epoch ms, `[from, to)`. */
export interface RefRange {
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ms = (iso: string): number => Date.parse(iso);
const isoOf = (t: number): string => new Date(t).toISOString();
const inRange = (t: number, r: RefRange): boolean => t >= r.from && t < r.to;

/** Start of the UTC hour / day / ISO week (Monday) containing `t`, from calendar fields. */
export function refBucketStart(t: number, g: Granularity): number {
  const d = new Date(t);
  if (g === 'hour') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (g === 'day') return day;
  const daysSinceMonday = (d.getUTCDay() + 6) % 7;
  return day - daysSinceMonday * DAY;
}

/** Every bucket start overlapping the range. */
export function refBuckets(r: RefRange, g: Granularity): number[] {
  const out: number[] = [];
  if (r.to <= r.from) return out;
  const step = g === 'hour' ? HOUR : g === 'day' ? DAY : 7 * DAY;
  for (let t = refBucketStart(r.from, g); t < r.to; t += step) out.push(t);
  return out;
}

/** numpy `linear` percentile. */
export function refPercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

const compareStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The user's traces starting in range, sorted by start (ties by trace id). */
export function refUserTraces(traces: readonly Trace[], userId: string, r: RefRange): Trace[] {
  return traces
    .filter((t) => t.userId === userId && inRange(ms(t.startTime), r))
    .sort((a, b) => ms(a.startTime) - ms(b.startTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------- models


/** Model usage of `userId` in range. */
export function refModelUsage(traces: readonly Trace[], userId: string, r: RefRange, g: Granularity): ModelUsage {
  const ts = refUserTraces(traces, userId, r);
  const label = (t: Trace): string => t.model ?? '(unknown)';
  const names = [...new Set(ts.map(label))];
  const models = names
    .map((model) => {
      const mine = ts.filter((t) => label(t) === model);
      const w = windowOf(mine);
      return {
        model,
        traceCount: mine.length,
        share: mine.length / ts.length,
        firstSeen: isoOf(Math.min(...mine.map((t) => ms(t.startTime)))),
        lastSeen: isoOf(Math.max(...mine.map((t) => ms(t.startTime)))),
        successRate: w.successRate,
        latencyP95Ms: w.latencyP95Ms,
        costPerTraceUsd: w.costPerTraceUsd,
      };
    })
    .sort((a, b) => b.traceCount - a.traceCount || compareStr(a.model, b.model));
  const perBucket = new Map<number, Map<string, number>>();
  for (const t of ts) {
    const b = refBucketStart(ms(t.startTime), g);
    const counts = perBucket.get(b) ?? new Map<string, number>();
    counts.set(label(t), (counts.get(label(t)) ?? 0) + 1);
    perBucket.set(b, counts);
  }
  const mix = refBuckets(r, g).map((b) => ({ t: isoOf(b), counts: Object.fromEntries(perBucket.get(b) ?? new Map<string, number>()) }));
  // Changes: the contract suite's plain-loop reference (settled windows, groups, bounded windows, regression rule).
  const changes = changesOf(ts, r);
  return { granularity: g, models, mix, changes };
}

// ---------------------------------------------------------------- feedback

/** Normalisation table from docs/metrics.md. */
export function refNormalise(feedback: readonly Feedback[]): Feedback[] {
  return feedback.map((f) => {
    if (typeof f.score === 'number') return { ...f };
    if (typeof f.value === 'boolean') return { ...f, score: f.value ? 1 : 0 };
    if (typeof f.value === 'string') return { ...f, score: null };
    const values = feedback.filter((o) => o.key === f.key && typeof o.value === 'number').map((o) => o.value as number);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const ints = values.every((v) => Number.isInteger(v));
    let score: number;
    if (values.every((v) => v >= 0 && v <= 1)) score = f.value;
    else if (ints && min >= 1 && max <= 5) score = (f.value - 1) / 4;
    else if (ints && min >= 0 && max <= 10) score = f.value / 10;
    else score = max === min ? 1 : (f.value - min) / (max - min);
    return { ...f, score };
  });
}

const scoreOf = (f: Feedback): number | null => (typeof f.score === 'number' ? f.score : null);
const commented = (f: Feedback): boolean => typeof f.comment === 'string' && f.comment.trim().length > 0;
const avg = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

function refKeyStat(key: string, recs: Feedback[]): FeedbackKeyStat {
  const kind = recs.every((f) => typeof f.value === 'boolean') ? 'boolean' : recs.every((f) => typeof f.value === 'number') ? 'numeric' : 'categorical';
  const scores = recs.map(scoreOf).filter((s): s is number => s !== null);
  let categories: Record<string, number> = {};
  if (kind === 'boolean') {
    categories = { true: recs.filter((f) => f.value === true).length, false: recs.filter((f) => f.value === false).length };
  } else if (kind === 'categorical') {
    const m = new Map<string, number>();
    for (const f of recs) m.set(String(f.value), (m.get(String(f.value)) ?? 0) + 1);
    categories = Object.fromEntries(m);
  }
  return { key, kind, count: recs.length, avgScore: kind === 'categorical' ? null : avg(scores), categories };
}

/** Feedback overview of `userId`; `feedback` must be normalised already. */
export function refFeedbackOverview(feedback: readonly Feedback[], traces: readonly Trace[], userId: string, r: RefRange, g: Granularity): FeedbackOverview {
  const recs = feedback.filter((f) => f.userId === userId && inRange(ms(f.createdAt), r));
  const scores = recs.map(scoreOf).filter((s): s is number => s !== null);
  const userTraces = refUserTraces(traces, userId, r);
  const withFeedback = userTraces.filter((t) => feedback.some((f) => f.traceId === t.id)).length;
  const buckets = refBuckets(r, g);
  const inBucket = (b: number): Feedback[] => recs.filter((f) => refBucketStart(ms(f.createdAt), g) === b);
  const histogram = Array.from({ length: 10 }, (_, k) => ({
    from: k / 10,
    to: (k + 1) / 10,
    count: scores.filter((s) => s >= k / 10 && (k === 9 ? s <= 1 : s < (k + 1) / 10)).length,
  }));
  const keys = [...new Set(recs.map((f) => f.key))];
  return {
    granularity: g,
    summary: {
      count: recs.length,
      avgScore: avg(scores),
      tracesWithFeedback: withFeedback,
      traceCount: userTraces.length,
      coverage: userTraces.length === 0 ? null : withFeedback / userTraces.length,
      commentCount: recs.filter(commented).length,
    },
    trend: buckets.map((b) => {
      const bs = inBucket(b).map(scoreOf).filter((s): s is number => s !== null);
      return {
        t: isoOf(b),
        count: inBucket(b).length,
        avgScore: avg(bs),
        positiveCount: bs.filter((s) => s >= 0.5).length,
        negativeCount: bs.filter((s) => s < 0.5).length,
      };
    }),
    histogram,
    topKeys: keys
      .map((k) => refKeyStat(k, recs.filter((f) => f.key === k)))
      .sort((a, b) => b.count - a.count || compareStr(a.key, b.key)),
    commentMomentum: buckets.map((b) => ({ t: isoOf(b), commentCount: inBucket(b).filter(commented).length, feedbackCount: inBucket(b).length })),
  };
}

/** Every comment of `userId` created in range, newest first (ties: id ascending). */
export function refComments(feedback: readonly Feedback[], traces: readonly Trace[], userId: string, r: RefRange): FeedbackComment[] {
  return feedback
    .filter((f) => f.userId === userId && inRange(ms(f.createdAt), r) && commented(f))
    .sort((a, b) => ms(b.createdAt) - ms(a.createdAt) || compareStr(a.id, b.id))
    .map((f) => {
      const c: FeedbackComment = {
        id: f.id,
        traceId: f.traceId,
        key: f.key,
        value: f.value,
        score: scoreOf(f),
        comment: f.comment!,
        createdAt: isoOf(ms(f.createdAt)),
      };
      const t = traces.find((x) => x.id === f.traceId);
      if (t) {
        c.trace = { id: t.id, status: t.status, latencyMs: t.latencyMs, startTime: t.startTime };
        if (t.name !== undefined) c.trace.name = t.name;
        if (t.model !== undefined) c.trace.model = t.model;
      }
      return c;
    });
}

// ---------------------------------------------------------------- conversations

/** Conversation summaries of `userId` in range, in order of first trace. */
export function refConversations(traces: readonly Trace[], userId: string, r: RefRange): ConversationSummary[] {
  const ts = refUserTraces(traces, userId, r);
  const ids = [...new Set(ts.map((t) => t.conversationId ?? '(none)'))];
  return ids.map((id) => {
    const steps = ts.filter((t) => (t.conversationId ?? '(none)') === id);
    const first = steps[0]!;
    const ends = steps.map((t) => (t.endTime !== undefined ? ms(t.endTime) : ms(t.startTime) + t.latencyMs));
    const costs = steps.filter((t) => t.costUsd !== undefined).map((t) => t.costUsd as number);
    return {
      id,
      traceCount: steps.length,
      firstTime: isoOf(ms(first.startTime)),
      lastTime: isoOf(Math.max(...steps.map((t) => ms(t.startTime)))),
      durationMs: Math.max(...ends) - ms(first.startTime),
      errorCount: steps.filter((t) => t.status === 'error').length,
      costUsd: costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0),
      title: first.inputPreview ?? null,
      models: [...new Set(steps.filter((t) => t.model !== undefined).map((t) => t.model!))],
      steps: steps.map((t) => t.status),
    };
  });
}
