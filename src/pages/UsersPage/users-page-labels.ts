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
  summaryNewUsers: 'New users',
  summaryNewUsersHint: 'first trace in this range',
  summaryAttention: 'Need attention',
  summaryTraces: 'Traces',
  summaryAttributed: 'Traces with a user id',
  summaryAttributedHint: 'share of all traces',
  summaryErrorRate: 'Error rate',
  summaryCost: 'Cost',
  /** Note under the strip when traces, error rate and cost were not totalled. `{limit}` is a formatted number. */
  summaryTooLarge: 'Traces, error rate and cost are totalled up to {limit} active users.',
  /** "Why is this empty?" notice. `{total}`, `{attributed}`: formatted numbers; `{share}`: a formatted percentage. */
  missingIdsTitleNone: 'Why is this list empty?',
  missingIdsTitleLow: 'Why are users missing?',
  missingIdsNone: 'This range has {total} traces, but none carries a user id, so no user can be listed.',
  missingIdsLow: 'Only {share} of the traces in this range carry a user id ({attributed} of {total}). Traces without one count in no user’s figures.',
  missingIdsHow: 'Attach the id of your end user to each trace:',
  userIdOtel: 'OpenTelemetry',
  userIdOtelHow: 'span attribute',
  userIdLangfuse: 'Langfuse',
  userIdLangfuseHow: 'on the trace (langfuse.user.id over OpenTelemetry)',
  userIdOpenLlmetry: 'OpenLLMetry',
  userIdOpenLlmetryHow: 'association property (Traceloop.set_association_properties)',
  userIdVercel: 'Vercel AI SDK',
  userIdVercelHow: 'telemetry metadata',
  missingIdsDocs: 'How userscope reads user ids',
  /** Without a docs link: `{doc}` is the document's path. */
  missingIdsDocsText: 'How userscope reads user ids: {doc}, “Conventions → fields”.',
  /** While a distribution bar filters the list. `{metric}`: the measure in lower case; `{from}`, `{to}`: the bar's edges. */
  binFiltered: 'The list shows the users with {metric} from {from} to {to}.',
  /** The toolbar chip of a picked bar. `{metric}`: the measure's name; `{from}`, `{to}`: the bar's edges. */
  measureChip: '{metric}: {from} to {to}',
  /** Accessible name of the chip's remove button. Same placeholders. */
  measureChipRemove: 'Remove the filter {metric} from {from} to {to}',
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
