/**
 * English defaults of every string `UsersPage` shows (the table has its own, see `usersTableLabels`).
 * Hosts override them with the `labels` prop or `<UserscopeProvider labels>` ids `users.<key>`.
 * @module
 */
export const usersPageLabels = {
  title: 'Users',
  subtitle: 'Find the users who need attention, then open their details.',
  searchLabel: 'Search users',
  searchPlaceholder: 'Search name, id, email or metadata',
  filtersLabel: 'Filters',
  /** First option of every metadata filter. */
  filterAll: 'All',
  attentionOnly: 'Needs attention',
  clearFilters: 'Clear filters',
  /** Header strip. */
  summaryLabel: 'Totals for the selected range',
  summaryUsers: 'Users',
  summaryUsersHint: 'all time',
  summaryActiveUsers: 'Active users',
  summaryActiveUsersHint: 'in this range',
  summaryAttention: 'Need attention',
  summaryTraces: 'Traces',
  summaryErrorRate: 'Error rate',
  summaryCost: 'Cost',
  /** Note under the strip when traces, error rate and cost were not totalled. `{limit}` is a formatted number. */
  summaryTooLarge: 'Traces, error rate and cost are totalled up to {limit} active users.',
  /** Export. `{done}` and `{total}` are formatted numbers. */
  exportCsv: 'Export CSV',
  exportRunning: 'Exporting {done} of {total} users…',
  exportCancel: 'Cancel export',
  exportDone: 'Exported {total} users.',
  exportFailed: 'Export failed: {message}',
  exportCancelled: 'Export cancelled.',
  /** While a long provider load runs (e.g. Langfuse under a rate limit). `{loaded}`, `{expected}`: formatted numbers. */
  loadProgress: 'Loaded {loaded} of ~{expected} traces',
  /** The same without an estimate of the total. */
  loadProgressUnknown: 'Loaded {loaded} traces',
};

/** Every string `UsersPage` shows; see {@link usersPageLabels}. */
export type UsersPageLabels = typeof usersPageLabels;
