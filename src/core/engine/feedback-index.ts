/**
 * The feedback index: records grouped by user and sorted by `createdAt`, so a user's records in a range are one
 * contiguous slice found by binary search.
 * @module
 */
import { ProviderError } from '../errors';
import type { Feedback } from '../model';
import { toMs, type MsRange } from './time';
import { lowerBound } from './trace-index';

/** One user's feedback, sorted by `createdAt` ascending (ties: id ascending). Treat as read-only. */
export interface UserFeedback {
  /** The records. */
  records: Feedback[];
  /** `createdAt` of each record, epoch ms. */
  createdMs: Float64Array;
}

/** Feedback grouped by user. Build once with {@link buildFeedbackIndex}; treat as read-only. */
export interface FeedbackIndex {
  /** Records per user id. */
  byUser: Map<string, UserFeedback>;
  /** Ids of every trace with at least one feedback record (any user, any time). */
  tracesWithFeedback: Set<string>;
}

/**
 * Builds the index from feedback whose scores are already normalised (see `normaliseFeedback`); records without a
 * numeric `score` count as unscored.
 * @throws ProviderError `invalid-data` (field `feedback[i].createdAt`) when a timestamp does not parse.
 */
export function buildFeedbackIndex(feedback: readonly Feedback[]): FeedbackIndex {
  const grouped = new Map<string, { f: Feedback; ms: number }[]>();
  const tracesWithFeedback = new Set<string>();
  for (let i = 0; i < feedback.length; i++) {
    const f = feedback[i] as Feedback;
    const ms = toMs(f.createdAt);
    if (Number.isNaN(ms)) {
      throw new ProviderError('invalid-data', `feedback[${i}].createdAt: expected an ISO timestamp, got ${JSON.stringify(f.createdAt)}`, {
        field: `feedback[${i}].createdAt`,
      });
    }
    tracesWithFeedback.add(f.traceId);
    const list = grouped.get(f.userId);
    if (list === undefined) grouped.set(f.userId, [{ f, ms }]);
    else list.push({ f, ms });
  }
  const byUser = new Map<string, UserFeedback>();
  for (const [userId, list] of grouped) {
    // most users have a single record: no sort call for those
    if (list.length > 1) list.sort((a, b) => a.ms - b.ms || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
    const records = new Array<Feedback>(list.length);
    const createdMs = new Float64Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const entry = list[k] as { f: Feedback; ms: number };
      records[k] = entry.f;
      createdMs[k] = entry.ms;
    }
    byUser.set(userId, { records, createdMs });
  }
  return { byUser, tracesWithFeedback };
}

/** A user's records created in `range`: `records.slice(lo, hi)` of the returned user feedback (empty when none). */
export function userFeedbackInRange(fidx: FeedbackIndex, userId: string, range: MsRange): { user: UserFeedback; lo: number; hi: number } {
  const user = fidx.byUser.get(userId) ?? { records: [], createdMs: new Float64Array(0) };
  const n = user.records.length;
  return { user, lo: lowerBound(user.createdMs, 0, n, range.from), hi: lowerBound(user.createdMs, 0, n, range.to) };
}

/** True when the comment has at least one non-whitespace character. */
export function hasComment(f: Feedback): f is Feedback & { comment: string } {
  return typeof f.comment === 'string' && f.comment.trim() !== '';
}

/** The record's normalised score, `null` when unscored. */
export function scoreOf(f: Feedback): number | null {
  return typeof f.score === 'number' ? f.score : null;
}
