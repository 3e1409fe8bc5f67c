/**
 * Feedback comments of one user, newest first, paged with an opaque keyset cursor.
 * @module
 */
import { ProviderError } from '../errors';
import type { Feedback, Trace } from '../model';
import type { FeedbackComment, Page } from '../results';
import { hasComment, scoreOf, userFeedbackInRange, type FeedbackIndex } from './feedback-index';
import { toIso, type MsRange } from './time';
import type { TraceIndex } from './trace-index';

/** Position of a comment in the newest-first order: its `createdAt` (epoch ms) and id. */
interface CommentKey {
  ms: number;
  id: string;
}

const CURSOR_TAG = 'comments';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Encodes the position after which the next page starts. */
export function encodeCommentCursor(key: CommentKey): string {
  return toBase64Url(JSON.stringify([CURSOR_TAG, key.ms, key.id]));
}

/**
 * Decodes a cursor made by {@link encodeCommentCursor}.
 * @throws ProviderError `invalid-data` (field `cursor`) for anything else.
 */
export function decodeCommentCursor(cursor: string): CommentKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    parsed = undefined;
  }
  const [tag, ms, id] = Array.isArray(parsed) && parsed.length === 3 ? (parsed as unknown[]) : [];
  if (tag === CURSOR_TAG && typeof ms === 'number' && Number.isFinite(ms) && typeof id === 'string') return { ms, id };
  throw new ProviderError('invalid-data', 'cursor: not a feedback-comments cursor from this provider', { field: 'cursor' });
}

function tracePick(trace: Trace): NonNullable<FeedbackComment['trace']> {
  const pick: NonNullable<FeedbackComment['trace']> = {
    id: trace.id,
    status: trace.status,
    latencyMs: trace.latencyMs,
    startTime: trace.startTime,
  };
  if (trace.name !== undefined) pick.name = trace.name;
  if (trace.model !== undefined) pick.model = trace.model;
  return pick;
}

function toComment(f: Feedback & { comment: string }, ms: number, idx: TraceIndex): FeedbackComment {
  const row = idx.tracePos.get(f.traceId);
  const comment: FeedbackComment = {
    id: f.id,
    traceId: f.traceId,
    key: f.key,
    value: f.value,
    score: scoreOf(f),
    comment: f.comment,
    createdAt: toIso(ms),
  };
  if (f.source !== undefined) comment.source = f.source;
  if (row !== undefined) comment.trace = tracePick(idx.traces[row] as Trace);
  return comment;
}

/**
 * Comments (records with a non-blank `comment`) of `userId` created in `range`, newest first (ties: id ascending),
 * `limit` per page, with the related trace when `idx` has it. `total` counts every comment in range; `nextCursor` is
 * `null` on the last page.
 * @throws ProviderError `invalid-data` for a cursor this function did not make (field `cursor`) or a `limit` that
 * is not a positive integer (field `limit`).
 */
export function listComments(
  fidx: FeedbackIndex,
  idx: TraceIndex,
  userId: string,
  range: MsRange,
  cursor: string | null | undefined,
  limit: number,
): Page<FeedbackComment> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ProviderError('invalid-data', `limit: expected a positive integer, got ${String(limit)}`, { field: 'limit' });
  }
  const after = cursor === null || cursor === undefined ? null : decodeCommentCursor(cursor);
  const { user, lo, hi } = userFeedbackInRange(fidx, userId, range);
  const list: { f: Feedback & { comment: string }; ms: number }[] = [];
  for (let k = lo; k < hi; k++) {
    const f = user.records[k] as Feedback;
    if (hasComment(f)) list.push({ f, ms: user.createdMs[k] as number });
  }
  list.sort((a, b) => b.ms - a.ms || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
  let start = 0;
  if (after !== null) {
    start = list.findIndex((e) => e.ms < after.ms || (e.ms === after.ms && e.f.id > after.id));
    if (start < 0) start = list.length;
  }
  const page = list.slice(start, start + limit);
  const last = page[page.length - 1];
  const nextCursor = start + limit < list.length && last !== undefined ? encodeCommentCursor({ ms: last.ms, id: last.f.id }) : null;
  return { rows: page.map((e) => toComment(e.f, e.ms, idx)), total: list.length, nextCursor };
}
