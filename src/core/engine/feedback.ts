/**
 * The feedback overview of one user in a range: summary, trend, score histogram, top keys and comment momentum.
 * @module
 */
import type { Feedback, Granularity, Trace } from '../model';
import type {
  CommentMomentumBucket,
  FeedbackKeyStat,
  FeedbackKind,
  FeedbackOverview,
  FeedbackSummary,
  FeedbackTrendBucket,
  ScoreBin,
} from '../results';
import { hasComment, scoreOf, userFeedbackInRange, type FeedbackIndex } from './feedback-index';
import { bucketSizeMs, bucketStart, bucketStarts, toIso, type MsRange } from './time';
import { userRowsInRange, type TraceIndex } from './trace-index';

/** Number of score histogram bins (each 0.1 wide). */
export const SCORE_BINS = 10;

/** Bin of a 0..1 score: `[k/10, (k+1)/10)`, the last bin closed at 1. Exact against the reported bin edges. */
export function scoreBin(score: number): number {
  let b = Math.max(0, Math.min(SCORE_BINS - 1, Math.floor(score * SCORE_BINS)));
  if (b < SCORE_BINS - 1 && score >= (b + 1) / SCORE_BINS) b++;
  else if (b > 0 && score < b / SCORE_BINS) b--;
  return b;
}

interface BucketAcc {
  count: number;
  scoreSum: number;
  scored: number;
  positive: number;
  comments: number;
}

interface KeyAcc {
  count: number;
  scoreSum: number;
  scored: number;
  booleans: number;
  numbers: number;
  categories: Map<string, number>;
}

function addToBucket(acc: BucketAcc, score: number | null, commented: boolean): void {
  acc.count++;
  if (commented) acc.comments++;
  if (score === null) return;
  acc.scoreSum += score;
  acc.scored++;
  if (score >= 0.5) acc.positive++;
}

const mean = (sum: number, n: number): number | null => (n === 0 ? null : sum / n);

function keyStat(key: string, acc: KeyAcc): FeedbackKeyStat {
  const kind: FeedbackKind = acc.booleans === acc.count ? 'boolean' : acc.numbers === acc.count ? 'numeric' : 'categorical';
  let categories: Record<string, number> = {};
  if (kind === 'boolean') categories = { true: acc.categories.get('true') ?? 0, false: acc.categories.get('false') ?? 0 };
  else if (kind === 'categorical') categories = Object.fromEntries(acc.categories);
  return { key, kind, count: acc.count, avgScore: kind === 'categorical' ? null : mean(acc.scoreSum, acc.scored), categories };
}

function addToKey(keys: Map<string, KeyAcc>, f: Feedback, score: number | null): void {
  let acc = keys.get(f.key);
  if (acc === undefined) keys.set(f.key, (acc = { count: 0, scoreSum: 0, scored: 0, booleans: 0, numbers: 0, categories: new Map() }));
  acc.count++;
  if (score !== null) {
    acc.scoreSum += score;
    acc.scored++;
  }
  if (typeof f.value === 'boolean') acc.booleans++;
  else if (typeof f.value === 'number') acc.numbers++;
  const label = String(f.value);
  acc.categories.set(label, (acc.categories.get(label) ?? 0) + 1);
}

function tracesWithFeedbackIn(
  fidx: FeedbackIndex,
  idx: TraceIndex,
  userId: string,
  range: MsRange,
): { traceCount: number; withFeedback: number } {
  const u = idx.userPos.get(userId);
  if (u === undefined) return { traceCount: 0, withFeedback: 0 };
  const { lo, hi } = userRowsInRange(idx, u, range.from, range.to);
  let withFeedback = 0;
  for (let row = lo; row < hi; row++) if (fidx.tracesWithFeedback.has((idx.traces[row] as Trace).id)) withFeedback++;
  return { traceCount: hi - lo, withFeedback };
}

/**
 * Feedback overview of `userId` for records created in `range` (coverage looks at the user's traces started in
 * `range`). Definitions: docs/metrics.md, section "Feedback".
 */
export function computeFeedback(
  fidx: FeedbackIndex,
  idx: TraceIndex,
  userId: string,
  range: MsRange,
  granularity: Granularity,
): FeedbackOverview {
  const { user, lo, hi } = userFeedbackInRange(fidx, userId, range);
  const starts = bucketStarts(range, granularity);
  const size = bucketSizeMs(granularity);
  const buckets: BucketAcc[] = starts.map(() => ({ count: 0, scoreSum: 0, scored: 0, positive: 0, comments: 0 }));
  const bins = new Array<number>(SCORE_BINS).fill(0);
  const keys = new Map<string, KeyAcc>();
  const total: BucketAcc = { count: 0, scoreSum: 0, scored: 0, positive: 0, comments: 0 };
  for (let k = lo; k < hi; k++) {
    const f = user.records[k] as Feedback;
    const score = scoreOf(f);
    const bucket = buckets[(bucketStart(user.createdMs[k] as number, granularity) - (starts[0] as number)) / size] as BucketAcc;
    const commented = hasComment(f);
    addToBucket(bucket, score, commented);
    addToBucket(total, score, commented);
    if (score !== null) bins[scoreBin(score)]++;
    addToKey(keys, f, score);
  }
  const { traceCount, withFeedback } = tracesWithFeedbackIn(fidx, idx, userId, range);
  const summary: FeedbackSummary = {
    count: total.count,
    avgScore: mean(total.scoreSum, total.scored),
    tracesWithFeedback: withFeedback,
    traceCount,
    coverage: traceCount === 0 ? null : withFeedback / traceCount,
    commentCount: total.comments,
  };
  const trend: FeedbackTrendBucket[] = buckets.map((b, i) => ({
    t: toIso(starts[i] as number),
    count: b.count,
    avgScore: mean(b.scoreSum, b.scored),
    positiveCount: b.positive,
    negativeCount: b.scored - b.positive,
  }));
  const histogram: ScoreBin[] = bins.map((count, k) => ({ from: k / SCORE_BINS, to: (k + 1) / SCORE_BINS, count }));
  const topKeys = [...keys].map(([key, acc]) => keyStat(key, acc));
  topKeys.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const commentMomentum: CommentMomentumBucket[] = buckets.map((b, i) => ({
    t: toIso(starts[i] as number),
    commentCount: b.comments,
    feedbackCount: b.count,
  }));
  return { granularity, summary, trend, histogram, topKeys, commentMomentum };
}
