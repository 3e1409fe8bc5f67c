/**
 * Demo feedback: a minority of traces (≈ 10 %; failed and slow ones more often) get a `thumbs`, `rating` (1–5),
 * `helpfulness` (0..1) or `category` record, sometimes a second `category` one, and ≈ 15 % carry a comment.
 * Sentiment follows the trace: failures and slow answers are mostly negative.
 * @module
 */
import type { AttributedTrace, Feedback } from '../../core/model';
import { COMMENTS, type DemoCategory } from './catalog';
import { formatIso } from './iso';
import { Weighted, hexId, type Random } from './random';

/** Shared state of feedback generation. */
export interface FeedbackContext {
  /** Source of randomness. */
  random: Random;
  /** Exclusive end of the window (epoch ms): feedback after it is not produced. */
  now: number;
  /** Salt of feedback ids. */
  feedbackSalt: number;
  /** Records made so far (the next record's id number). */
  feedbackCount: number;
}

type FeedbackKey = 'thumbs' | 'rating' | 'helpfulness' | 'category';

const PRIMARY_KEYS = new Weighted<FeedbackKey>([
  ['thumbs', 55],
  ['rating', 20],
  ['helpfulness', 15],
  ['category', 10],
]);
const LOW_RATINGS = new Weighted<number>([
  [1, 45],
  [2, 35],
  [3, 20],
]);
const NEGATIVE_CATEGORIES = new Weighted<DemoCategory>([
  ['wrong-answer', 65],
  ['off-topic', 35],
]);
/** A latency above which users call an answer slow. */
const SLOW_MS = 15_000;
const COMMENT_SHARE = 0.15;

/** Appends the feedback (if any) left on `trace`, which started at `start` (epoch ms). */
export function addTraceFeedback(ctx: FeedbackContext, trace: AttributedTrace, start: number, out: Feedback[]): void {
  const { random } = ctx;
  const failed = trace.status === 'error';
  const slow = trace.latencyMs > SLOW_MS;
  if (!random.chance(failed ? 0.3 : slow ? 0.25 : 0.095)) return;

  const positive = random.chance(failed ? 0.1 : slow ? 0.3 : 0.85);
  const category: DemoCategory = positive ? 'great' : slow ? 'too-slow' : NEGATIVE_CATEGORIES.pick(random);
  let createdAt = start + trace.latencyMs + Math.floor(random.logNormal(40_000, 1.2));
  const primary = PRIMARY_KEYS.pick(random);
  const keys: FeedbackKey[] = primary !== 'category' && random.chance(0.25) ? [primary, 'category'] : [primary];
  for (const key of keys) {
    if (createdAt >= ctx.now) return;
    const comment = random.chance(COMMENT_SHARE)
      ? random.pick(COMMENTS[failed && !positive ? 'error' : category])
      : undefined;
    out.push({
      id: `fb_${hexId(ctx.feedbackCount++, ctx.feedbackSalt)}`,
      traceId: trace.id,
      userId: trace.userId,
      key,
      ...valueOf(random, key, positive, category),
      comment,
      createdAt: formatIso(createdAt),
    });
    createdAt += Math.floor(random.between(2_000, 20_000));
  }
}

/** Value and score of one record. Thumbs leave the score to be derived (0/1); categories have none (`null`). */
function valueOf(
  random: Random,
  key: FeedbackKey,
  positive: boolean,
  category: DemoCategory,
): Pick<Feedback, 'value' | 'score'> {
  switch (key) {
    case 'thumbs':
      return { value: positive, score: undefined };
    case 'rating': {
      const rating = positive ? (random.chance(0.6) ? 5 : 4) : LOW_RATINGS.pick(random);
      return { value: rating, score: (rating - 1) / 4 };
    }
    case 'helpfulness': {
      const value = Math.round((positive ? random.between(0.6, 1) : random.between(0, 0.5)) * 100) / 100;
      return { value, score: value };
    }
    case 'category':
      return { value: category, score: null };
  }
}
