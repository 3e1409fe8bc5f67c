/**
 * English defaults of every string `TraceTable` shows. Placeholders in braces are filled in at render time.
 * Hosts override any of them through the `labels` prop, a translation's `traceTable` set (`<MessagesProvider>`) or
 * `<UserscopeProvider labels>` ids `traceTable.<key>` (see docs/i18n.md).
 * @module
 */
export const traceTableLabels = {
  /** Grid caption, read by screen readers. */
  caption: 'Traces of this user, one row per run',
  columnStartTime: 'Time',
  columnName: 'Name',
  columnStatus: 'Status',
  columnLatencyMs: 'Latency',
  columnModel: 'Model',
  columnTokens: 'Tokens',
  columnCostUsd: 'Cost',
  columnConversation: 'Conversation',
  /** Header of the mean feedback score (0..1) column. */
  columnFeedbackScore: 'Feedback',
  /** What screen readers hear in a feedback cell; `{score}` is the score with two decimals. */
  feedbackScoreSpoken: 'Feedback score {score} of 1',
  /** What screen readers hear in the feedback cell of a trace without scored feedback. */
  feedbackScoreNone: 'No feedback score',
  /** Hover text of a tokens cell; `{input}` and `{output}` are formatted numbers or "—". */
  tokensDetail: '{input} in · {output} out',
  /** The conversation cell of a trace without a conversation. */
  noConversation: 'No conversation',
  /** Button name of a conversation cell; `{conversation}` is its id. */
  selectConversation: 'Show conversation {conversation}',
  /** Result line; `{shown}` and `{total}` are formatted numbers. */
  resultCount: '{shown} of {total} traces',
  /** Result line when the total is unknown. */
  resultLoaded: '{shown} traces',
  resultNone: 'No traces',
  loading: 'Loading traces…',
  updating: 'Updating…',
  /** The filter chip; `{conversation}` is the conversation's title (or id). */
  filteredByConversation: 'Filtered by conversation {conversation}',
  clearConversation: 'Clear',
  /** Accessible name of the chip's Clear button. */
  clearConversationLabel: 'Clear the conversation filter and show all traces',
  filters: 'Trace filters',
  filterStatus: 'Status',
  filterModel: 'Model',
  filterAll: 'All',
  statusOk: 'OK',
  statusError: 'Error',
  /** Option shown when a filter holds several values; `{count}` is how many. */
  filterSeveral: '{count} selected',
  /** Accessible name of the remove button of a filter chip; `{filter}` is the chip text. */
  removeFilter: 'Remove filter {filter}',
  clearFilters: 'Clear filters',
  emptyRange: 'No traces in this time range.',
  emptyConversation: 'This conversation has no traces in this time range.',
  emptyFilters: 'No traces match the filters.',
  error: 'Could not load traces.',
  retry: 'Retry',
  loadMore: 'Load more traces',
  loadingMore: 'Loading more traces…',
  loadMoreError: 'Could not load more traces.',
};

/** Every string `TraceTable` shows; see {@link traceTableLabels} for the English defaults. */
export type TraceTableLabels = typeof traceTableLabels;
