/**
 * How feedback scores read: normalised scores as two-decimal numbers, thumbs as shares of "up" votes, and the kind
 * mix of a user's keys (thumbs only, or mixed keys shown per key).
 * @module
 */
import type { FeedbackKeyStat, FeedbackOverview } from '../../core/results';
import { UNKNOWN } from '../primitives/format';

const scoreFormats = new Map<string, Intl.NumberFormat>();

/** A normalised 0..1 score with two decimals, e.g. `0.75`; unknown is "—". */
export function formatScore(score: number | null | undefined, locale = 'en-US'): string {
  if (typeof score !== 'number' || !Number.isFinite(score)) return UNKNOWN;
  let f = scoreFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    scoreFormats.set(locale, f);
  }
  return f.format(score);
}

/** Whether a score counts as positive (≥ 0.5, as the engine's `positiveCount`), negative, or is missing. */
export type ScoreTone = 'positive' | 'negative' | 'none';

/** The tone of a score: positive from 0.5 on, as in docs/metrics.md. */
export function scoreTone(score: number | null | undefined): ScoreTone {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 'none';
  return score >= 0.5 ? 'positive' : 'negative';
}

/** Up and down votes of a boolean key (`categories.true` / `categories.false`). */
export function thumbsOf(key: FeedbackKeyStat): { up: number; down: number } {
  return { up: key.categories.true ?? 0, down: key.categories.false ?? 0 };
}

/** Scored records of an overview: every scored record is either positive or negative in its bucket. */
export function scoredCount(overview: FeedbackOverview): number {
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
