/**
 * How a user's feedback mix reads: thumbs as shares of "up" votes, and the kind mix of their keys (thumbs only, or
 * mixed keys shown per key). Scores themselves read with `formatScore` (primitives/format) and `scoreTone`
 * (primitives/ScorePill).
 * @module
 */
import type { FeedbackKeyStat, FeedbackOverview } from '../../core/results';

/** Up and down votes of a boolean key (`categories.true` / `categories.false`). */
export function thumbsOf(key: FeedbackKeyStat): { up: number; down: number } {
  return { up: key.categories.true ?? 0, down: key.categories.false ?? 0 };
}

/** Scored records of an overview: every scored record is either positive or negative in its bucket. */
function scoredCount(overview: FeedbackOverview): number {
  return overview.trend.reduce((sum, b) => sum + b.positiveCount + b.negativeCount, 0);
}

/** How the average score of an overview should read. */
export type AverageKind =
  /** Nothing is scored (categories and comments only). */
  | { kind: 'none' }
  /** Every scored record is a thumbs vote: show the share of up votes. */
  | { kind: 'thumbs'; up: number; down: number }
  /** Normalised scores, with the keys that carry a score (more than one: shown per key). */
  | { kind: 'normalised'; scored: number; keys: FeedbackKeyStat[] };

/**
 * Thumbs when every non-categorical key is boolean and the up and down votes account for every scored record;
 * `none` without scored records; normalised otherwise.
 */
export function averageKind(overview: FeedbackOverview): AverageKind {
  const scored = scoredCount(overview);
  if (scored === 0 || overview.summary.avgScore === null) return { kind: 'none' };
  const valued = overview.topKeys.filter((k) => k.kind !== 'categorical');
  if (valued.length > 0 && valued.every((k) => k.kind === 'boolean')) {
    let up = 0;
    let down = 0;
    for (const key of valued) {
      const t = thumbsOf(key);
      up += t.up;
      down += t.down;
    }
    if (up + down === scored) return { kind: 'thumbs', up, down };
  }
  return { kind: 'normalised', scored, keys: overview.topKeys.filter((k) => k.avgScore !== null) };
}
