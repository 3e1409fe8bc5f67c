/**
 * Feedback before and after a change (release or model switch), from the feedback trend buckets, so a fix can be
 * validated: did the share of positive feedback move when the change landed?
 * @module
 */
import { REGRESSION_RULE, twoProportionZ } from '../../core/engine/models-changes';
import { bucketSizeMs } from '../../core/engine/time';
import type { Granularity } from '../../core/model';
import type { ChangeEvent, FeedbackTrendBucket } from '../../core/results';

/** Fewest scored records each side needs before feedback before and after a change is compared. */
export const MIN_SCORES_PER_SIDE = 10;

/** Scored feedback of one side of a change. */
export interface FeedbackWindow {
  /** Scored records in the window. */
  scored: number;
  /** Of those, records with score ≥ 0.5. */
  positive: number;
  /** Mean score of the scored records; `null` when none. */
  avgScore: number | null;
}

/**
 * How feedback moved across a change: `improved` / `worsened` when the share of positive scores changed by a
 * two-proportion z-test at |z| ≥ 1.96 (the regression rule's threshold), `unclear` otherwise.
 */
export type FeedbackShift = 'improved' | 'worsened' | 'unclear';

/** Feedback around one change. */
export interface ChangeImpact {
  /** The change. */
  change: ChangeEvent;
  /** Whole periods on each side (0 when there is no room on one side). */
  periods: number;
  /** The periods just before the change's period. */
  before: FeedbackWindow;
  /** The periods just after the change's period. */
  after: FeedbackWindow;
  /** `null` unless both sides have at least {@link MIN_SCORES_PER_SIDE} scores. */
  shift: FeedbackShift | null;
}

function windowOf(buckets: readonly FeedbackTrendBucket[]): FeedbackWindow {
  let scored = 0;
  let positive = 0;
  let sum = 0;
  for (const b of buckets) {
    const n = b.positiveCount + b.negativeCount;
    scored += n;
    positive += b.positiveCount;
    if (b.avgScore !== null) sum += b.avgScore * n;
  }
  return { scored, positive, avgScore: scored === 0 ? null : sum / scored };
}

function shiftOf(before: FeedbackWindow, after: FeedbackWindow): FeedbackShift | null {
  if (before.scored < MIN_SCORES_PER_SIDE || after.scored < MIN_SCORES_PER_SIDE) return null;
  const z = twoProportionZ(after.positive, after.scored, before.positive, before.scored);
  if (z === null || Math.abs(z) < REGRESSION_RULE.zCritical) return 'unclear';
  return z > 0 ? 'improved' : 'worsened';
}

/** Index of the bucket containing `ms`: -1 before the first bucket, `trend.length` after the last. */
function bucketIndex(trend: readonly FeedbackTrendBucket[], size: number, ms: number): number {
  if (trend.length === 0) return -1;
  const first = Date.parse((trend[0] as FeedbackTrendBucket).t);
  if (ms < first) return -1;
  return Math.min(trend.length, Math.floor((ms - first) / size));
}

/**
 * For each change inside the trend's span (time order): the scored feedback of the `k` whole periods before the
 * change's period and the `k` after it, where `k` is as many as fit on both sides without reaching the period of
 * the previous or next change. The change's own period is left out, since it mixes both sides.
 */
export function changeImpacts(
  trend: readonly FeedbackTrendBucket[],
  granularity: Granularity,
  changes: readonly ChangeEvent[],
): ChangeImpact[] {
  const size = bucketSizeMs(granularity);
  const located = changes
    .map((change) => ({ change, index: bucketIndex(trend, size, Date.parse(change.at)) }))
    .filter((c) => c.index >= 0 && c.index < trend.length)
    .sort((a, b) => Date.parse(a.change.at) - Date.parse(b.change.at));
  return located.map(({ change, index }, i) => {
    const previous = i > 0 ? (located[i - 1] as { index: number }).index : -1;
    const next = i < located.length - 1 ? (located[i + 1] as { index: number }).index : trend.length;
    const periods = Math.max(0, Math.min(index - previous - 1, next - index - 1));
    const before = windowOf(trend.slice(index - periods, index));
    const after = windowOf(trend.slice(index + 1, index + 1 + periods));
    return { change, periods, before, after, shift: shiftOf(before, after) };
  });
}
