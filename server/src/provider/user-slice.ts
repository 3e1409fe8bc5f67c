/**
 * The per-user answers whose logic lives in core (model switches and the regression rule, feedback kinds and
 * histograms, comment paging, conversation steps): SQL loads one user's traces and feedback for the range, and
 * core's own functions compute the answer on that small set, so every engine shares one implementation.
 * @module
 */
import {
  badCursor,
  buildFeedbackIndex,
  buildTraceIndex,
  computeFeedback,
  computeModelUsage,
  listComments,
  openCursor,
  queryFingerprint,
  sealCursor,
  sortConversations,
  summarizeConversations,
  userSlices,
  type ConversationSummary,
  type FeedbackComment,
  type FeedbackOverview,
  type Granularity,
  type ModelUsage,
  type MsRange,
  type Page,
  type SortingItem,
  type User,
} from 'userscope/core';
import type { Binder } from '../db/binder';
import { inRange, type SqlContext } from './context';
import { loadFeedback, loadTraces, loadUserTraces } from './records';

/** `getModelUsage` for one user. */
export async function modelUsageOf(ctx: SqlContext, user: User, range: MsRange, granularity: Granularity, signal?: AbortSignal): Promise<ModelUsage> {
  const traces = await loadUserTraces(ctx, user.id, range, signal);
  const idx = buildTraceIndex([user], traces);
  return computeModelUsage(idx, userSlices(idx, [0], range), range, granularity);
}

/**
 * `getFeedback` for one user: records created in `range`, and the records on the user's traces started in `range`
 * (coverage counts those traces with any feedback, whenever it was left).
 */
export async function feedbackOf(ctx: SqlContext, user: User, range: MsRange, granularity: Granularity, signal?: AbortSignal): Promise<FeedbackOverview> {
  const [traces, records] = await Promise.all([
    loadUserTraces(ctx, user.id, range, signal),
    loadFeedback(
      ctx,
      (b) =>
        `user_id = ${b.str(user.id)} AND ((${inRange(b, range, 'created_ms')}) OR ` +
        `trace_id IN (SELECT trace_id FROM traces WHERE user_id = ${b.str(user.id)} AND ${inRange(b, range)}))`,
      signal,
    ),
  ]);
  return computeFeedback(buildFeedbackIndex(records), buildTraceIndex([user], traces, records), user.id, range, granularity);
}

/** `listFeedbackComments` for one user: core pages the user's comments in range; the cursor is bound to the query. */
export async function commentsOf(
  ctx: SqlContext,
  user: User,
  range: MsRange,
  cursor: string | null | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<FeedbackComment>> {
  const fingerprint = queryFingerprint(['comments', user.id, [range.from, range.to]]);
  const after = openCursor(cursor, fingerprint);
  const commented = (b: Binder): string => `user_id = ${b.str(user.id)} AND ${inRange(b, range, 'created_ms')} AND comment IS NOT NULL`;
  const [records, traces] = await Promise.all([
    loadFeedback(ctx, commented, signal),
    loadTraces(ctx, (b) => `trace_id IN (SELECT trace_id FROM feedback WHERE is_eval = 0 AND ${commented(b)})`, signal),
  ]);
  const page = listComments(buildFeedbackIndex(records), buildTraceIndex([user], traces), user.id, range, after, limit);
  return { ...page, nextCursor: page.nextCursor ? sealCursor(page.nextCursor, fingerprint) : null };
}

/** `listConversations` for one user: core summarises and sorts; pages are offsets sealed in a query-bound cursor. */
export async function conversationsOf(
  ctx: SqlContext,
  user: User,
  range: MsRange,
  sorting: readonly SortingItem[],
  cursor: string | null | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<ConversationSummary>> {
  const fingerprint = queryFingerprint(['conversations', user.id, [range.from, range.to], sorting.map((s) => [s.id, s.desc])]);
  const position = openCursor(cursor, fingerprint);
  const offset = position === null ? 0 : Number(position);
  if (!Number.isSafeInteger(offset) || offset < 0) throw badCursor('not a cursor of this provider');
  const traces = await loadUserTraces(ctx, user.id, range, signal);
  const idx = buildTraceIndex([user], traces);
  const rows = sortConversations(summarizeConversations(idx, userSlices(idx, [0], range)), sorting);
  const end = offset + limit;
  return { rows: rows.slice(offset, end), total: rows.length, nextCursor: end < rows.length ? sealCursor(String(end), fingerprint) : null };
}
