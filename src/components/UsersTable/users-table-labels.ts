/**
 * English defaults of every string `UsersTable` shows. Placeholders in braces are filled in at render time.
 * Hosts override any of them through the `labels` prop or `<UserscopeProvider labels>` with ids `usersTable.<key>`.
 * @module
 */
export const usersTableLabels = {
  /** Table caption, read by screen readers. */
  caption: 'Users in the selected time range, one row per user',
  columnUser: 'User',
  columnTraceCount: 'Traces',
  columnConversationCount: 'Conversations',
  columnSuccessRate: 'Success',
  columnErrorCount: 'Errors',
  columnLatencyP50Ms: 'p50 latency',
  columnLatencyP95Ms: 'p95 latency',
  columnCostUsd: 'Cost',
  columnCostPerTraceUsd: 'Cost / trace',
  columnTotalTokens: 'Tokens',
  /** Header of the mean feedback score (0..1) column. */
  columnFeedbackAvgScore: 'Feedback',
  /** What screen readers hear in a feedback cell; `{score}` is the score with two decimals. */
  feedbackScoreSpoken: 'Feedback score {score} of 1',
  /** What screen readers hear in the feedback cell of a user without scored feedback. */
  feedbackScoreNone: 'No feedback score',
  columnFirstSeen: 'First seen',
  columnLastSeen: 'Last seen',
  columnSparkline: 'Traces / day',
  columnAttention: 'Attention',
  /** Shown in the bar above the rows. `{from}`, `{to}`, `{total}` are formatted numbers. */
  resultRange: '{from}–{to} of {total} users',
  resultNone: 'No users',
  loading: 'Loading users…',
  updating: 'Updating…',
  emptyRange: 'No users have traces in this time range.',
  emptyFilters: 'No users match the search and filters.',
  /** Empty because the range's traces carry no user id. */
  emptyNoUserIds: 'This range has traces, but none carries a user id.',
  clearFilters: 'Clear filters',
  error: 'Could not load users.',
  retry: 'Retry',
  /** Tooltip heading of the attention cell. */
  attentionTitle: 'Needs attention',
  /** Screen-reader text of an attention cell without reasons. */
  attentionNone: 'No attention needed',
  /**
   * Full text of an error-rate reason: the user's and all users' rates (formatted), the failed traces (formatted) and
   * the traces they are out of (`count`, and `countText` formatted).
   */
  attentionErrorsDetail: (value: string, baseline: string, failedText: string, count: number, countText: string) =>
    `Error rate ${value} vs ${baseline} across all users (${failedText} of ${countText} ${count === 1 ? 'trace' : 'traces'} failed)`,
  /** Full text of a p95-latency reason; `ratio` is "3.2×", or empty when all users' p95 is 0. */
  attentionLatencyDetail: (value: string, baseline: string, ratio: string, count: number, countText: string) =>
    `p95 latency ${value} vs ${baseline} across all users (${ratio ? `${ratio}, ` : ''}${countText} ${count === 1 ? 'trace' : 'traces'})`,
  /** Full text of a cost-per-trace reason; `count` counts the user's traces with a known cost. */
  attentionCostDetail: (value: string, baseline: string, ratio: string, count: number, countText: string) =>
    `Cost per trace ${value} vs ${baseline} across all users (${ratio ? `${ratio}, ` : ''}${countText} ${count === 1 ? 'trace' : 'traces'} with cost)`,
  pagination: 'Pagination',
  rowsPerPage: 'Rows per page',
  firstPage: 'First page',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  lastPage: 'Last page',
  /** `{page}` and `{pages}` are formatted numbers. */
  pageOf: 'Page {page} of {pages}',
  /** Column picker. `{column}` is a column name. */
  columnsButton: 'Columns',
  columnsTitle: 'Visible columns',
  columnsMoveUp: 'Move {column} up',
  columnsMoveDown: 'Move {column} down',
  columnsReset: 'Reset columns',
  columnsDone: 'Done',
  /**
   * A badge's visible text. `{kind}`: the short text below; `{value}`, `{baseline}`: the user's and all users' figure
   * (error rate, p95 latency or cost per trace), formatted.
   */
  badgeDetail: '{kind} {value} vs {baseline}',
  /** Short badge texts. */
  badgeErrors: 'Errors',
  badgeLatency: 'Slow',
  badgeCost: 'Cost',
};

/** Every string `UsersTable` shows; see {@link usersTableLabels} for the English defaults. */
export type UsersTableLabels = typeof usersTableLabels;
