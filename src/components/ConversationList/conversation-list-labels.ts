/**
 * English defaults of every string `ConversationList` shows. Placeholders in braces are filled in at render time.
 * Hosts override any of them through the `labels` prop, a translation's `conversationList` set (`<MessagesProvider>`)
 * or `<UserscopeProvider labels>` ids `conversationList.<key>` (see docs/i18n.md).
 * @module
 */
export const conversationListLabels = {
  /** Accessible name of the list. */
  listLabel: 'Conversations',
  /** Read after the list's name: how selection works. */
  listHint: 'Select a conversation to show only its traces; select it again to show all traces.',
  /** Title of a conversation whose first trace has no input preview. */
  untitled: 'Untitled conversation',
  /** Title of the group of traces without a conversation. */
  noConversation: 'No conversation',
  /** `{count}` is a formatted number. */
  stepCount: '{count} steps',
  stepCountOne: '{count} step',
  /** Used instead of the step count for the "No conversation" group. */
  traceCount: '{count} traces',
  traceCountOne: '{count} trace',
  failedCount: '{count} failed',
  /** Text alternative of the step strip; `{steps}` and `{failed}` are the two texts above, e.g. "5 steps, 1 failed". */
  stripSummary: '{steps}, {failed}',
  /** Screen-reader prefixes of the numbers in a row. */
  duration: 'Duration',
  cost: 'Cost',
  models: 'Models',
  lastActivity: 'Last activity',
  /** Models beyond the first; `{count}` is how many. */
  moreModels: '+{count}',
  sortBy: 'Sort by',
  sortLastTime: 'Recent activity',
  sortErrorCount: 'Errors',
  sortCostUsd: 'Cost',
  sortTraceCount: 'Steps',
  sortDurationMs: 'Duration',
  /** Direction button names (the button shows an arrow). */
  sortDescending: 'Descending; switch to ascending',
  sortAscending: 'Ascending; switch to descending',
  /** Result line; `{shown}` and `{total}` are formatted numbers. */
  resultCount: '{shown} of {total} conversations',
  /** Result line when the total is unknown. */
  resultLoaded: '{shown} conversations',
  resultNone: 'No conversations',
  loading: 'Loading conversations…',
  updating: 'Updating…',
  empty: 'No conversations in this time range.',
  error: 'Could not load conversations.',
  retry: 'Retry',
  loadMore: 'Load more conversations',
  loadingMore: 'Loading more conversations…',
  loadMoreError: 'Could not load more conversations.',
};

/** Every string `ConversationList` shows; see {@link conversationListLabels} for the English defaults. */
export type ConversationListLabels = typeof conversationListLabels;
