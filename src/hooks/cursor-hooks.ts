import type {
  ListConversationsParams,
  ListFeedbackCommentsParams,
  ListTracesParams,
} from '../core/contract';
import type { Trace } from '../core/model';
import type { ConversationSummary, FeedbackComment } from '../core/results';
import type { CursorQueryResult, QueryHookOptions } from './query-result';
import { useProviderCursorQuery } from './use-provider-query';

/**
 * A cursor-paged method's params as a hook takes them: no `signal` and no `cursor` (the hook follows each page's
 * `nextCursor` itself; `limit` still sets the page size).
 */
export type CursorHookParams<P> = Omit<P, 'signal' | 'cursor'>;

/** `{ cursor }` for a later page, nothing for the first, so providers see no `cursor` key on page one. */
function cursorParam(cursor: string | null): { cursor?: string } {
  return cursor === null ? {} : { cursor };
}

/**
 * Feedback comments, newest first, page by page (`provider.listFeedbackComments`). Held (`isEnabled: false`,
 * status `pending`, no request) when `capabilities.feedback` is false.
 */
export function useFeedbackComments(
  params: CursorHookParams<ListFeedbackCommentsParams>,
  options?: QueryHookOptions,
): CursorQueryResult<FeedbackComment> {
  return useProviderCursorQuery(
    {
      method: 'listFeedbackComments',
      params,
      capability: 'feedback',
      fetch: (provider, cursor, signal) =>
        provider.listFeedbackComments({ ...params, ...cursorParam(cursor), signal }),
    },
    options,
  );
}

/**
 * Conversation summaries page by page (`provider.listConversations`). Held (`isEnabled: false`, status
 * `pending`, no request) when `capabilities.conversations` is false.
 */
export function useConversations(
  params: CursorHookParams<ListConversationsParams>,
  options?: QueryHookOptions,
): CursorQueryResult<ConversationSummary> {
  return useProviderCursorQuery(
    {
      method: 'listConversations',
      params,
      capability: 'conversations',
      fetch: (provider, cursor, signal) => provider.listConversations({ ...params, ...cursorParam(cursor), signal }),
    },
    options,
  );
}

/** A user's traces page by page, optionally one conversation's (`provider.listTraces`). */
export function useTraces(
  params: CursorHookParams<ListTracesParams>,
  options?: QueryHookOptions,
): CursorQueryResult<Trace> {
  return useProviderCursorQuery(
    {
      method: 'listTraces',
      params,
      fetch: (provider, cursor, signal) => provider.listTraces({ ...params, ...cursorParam(cursor), signal }),
    },
    options,
  );
}
