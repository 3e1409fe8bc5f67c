/**
 * The memory provider's indexes, built once from a validated dataset.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { Feedback, Trace, User } from '../../core/model';
import { buildFeedbackIndex, type FeedbackIndex } from '../../core/engine/feedback-index';
import { normaliseFeedback } from '../../core/engine/feedback-normalise';
import { buildTraceIndex, type TraceIndex } from '../../core/engine/trace-index';
import { parseUserId } from './validate-params';

/** The indexes every method reads. Read-only after construction. */
export interface MemoryState {
  /** Traces by user and start time. */
  idx: TraceIndex;
  /** Feedback by user and creation time, scores normalised. */
  fidx: FeedbackIndex;
}

/** Normalises feedback scores and builds both indexes. */
export function buildMemoryState(users: readonly User[], traces: readonly Trace[], feedback: readonly Feedback[]): MemoryState {
  const normalised = normaliseFeedback(feedback);
  return { idx: buildTraceIndex(users, traces, normalised), fidx: buildFeedbackIndex(normalised) };
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
