/**
 * The memory provider's indexes, built once from a validated dataset.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { Feedback, Trace, User } from '../../core/model';
import { buildFeedbackIndex, type FeedbackIndex } from '../../core/engine/feedback-index';
import { normaliseFeedback } from '../../core/engine/feedback-normalise';
import { buildTraceIndex, type TraceIndex } from '../../core/engine/trace-index';
import { createUsersCache, type UsersCache } from '../../core/engine/users-cache';
import { stringOrder } from '../../core/engine/users-string-order';
import { takePreparedTraces } from '../../core/schema/validate';
import { parseUserId } from './validate-params';
import { whenIdle } from './when-idle';

/** The indexes every method reads. Read-only after construction. */
export interface MemoryState {
  /** Traces by user and start time. */
  idx: TraceIndex;
  /** Feedback by user and creation time, scores normalised. */
  fidx: FeedbackIndex;
  /** The users list's per-range aggregates, least recently used evicted first. */
  usersCache: UsersCache;
}

/**
 * Leaves out `source: "eval"` feedback, normalises the other scores, builds both indexes (reusing the trace-id map and
 * start times `parseDataset` computed, when `traces` is the array it returned) and the users-list cache holding up to `usersCacheRanges` ranges.
 * Once the thread is idle it also orders the users by the `user` sort key, so the first sort by user is a walk, not
 * a 100k-string sort; the first answer does not wait for it (≈ 0.1 s at 100k users).
 */
export function buildMemoryState(
  users: readonly User[],
  traces: readonly Trace[],
  feedback: readonly Feedback[],
  usersCacheRanges: number,
): MemoryState {
  // Automated evaluations are not feedback: they never enter a figure, a score scale or a comment list.
  const normalised = normaliseFeedback(feedback.filter((f) => f.source !== 'eval'));
  const idx = buildTraceIndex(users, traces, normalised, takePreparedTraces(traces));
  whenIdle(() => stringOrder(idx, 'user'));
  return { idx, fidx: buildFeedbackIndex(normalised), usersCache: createUsersCache(idx, usersCacheRanges) };
}

/**
 * Position of `userId` in the index: a supplied user or one only referenced by traces.
 * @throws ProviderError `invalid-data` (field `userId`) when it is not a non-empty string, `not-found` when unknown.
 */
export function userPosition(idx: TraceIndex, userId: unknown): number {
  const id = parseUserId(userId);
  const u = idx.userPos.get(id);
  if (u === undefined) throw new ProviderError('not-found', `Unknown user ${JSON.stringify(id)}`, { field: 'userId' });
  return u;
}
