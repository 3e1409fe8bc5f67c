/**
 * English defaults of every string `UsersDistribution` shows. Hosts override them through the `labels` prop or
 * `<UserscopeProvider labels>` ids `usersDistribution.<key>` (on the users page).
 * @module
 */
export const usersDistributionLabels = {
  /** Section heading. `{metric}` is the measure's name as `metricInSentence` gives it. */
  title: 'Users by {metric}',
  /** Accessible name of the measure picker. */
  metricPicker: 'Measure',
  metricCostUsd: 'Cost',
  metricTraceCount: 'Traces',
  metricErrorRate: 'Error rate',
  metricLatencyP95Ms: 'p95 latency',
  /** A measure's name inside a sentence (`{metric}` above): lower case in English, as it is in German nouns. */
  metricInSentence: (name: string, locale: string) => name.toLocaleLowerCase(locale),
  /** Accessible name of the bars' group. `{metric}` as in `title`. */
  barsLabel: 'Users per {metric} range; pick a range to find its users in the list',
  /** One bar's name. `{from}`, `{to}`: formatted edges; `{users}`: a formatted count. */
  bar: '{from} to {to}: {users} users',
  /** The same for a bar of one user. */
  barOne: '{from} to {to}: 1 user',
  /** Caption of the y axis' top value. `{users}`: a formatted count. */
  axisMax: '{users} users',
  /** Under the bars. `{users}`: formatted count of users without a known value; `{metric}` as in `title`. */
  unknown: '{users} users without a known {metric} are not shown.',
  /** The same for one user. */
  unknownOne: '1 user without a known {metric} is not shown.',
  /** Under the bars. `{users}`: formatted count of binned users. */
  total: '{users} active users',
  /** The same for one user. */
  totalOne: '1 active user',
  loading: 'Loading the distribution…',
  error: 'Could not load the distribution.',
  retry: 'Retry',
  /** No active user has a known value. `{metric}` as in `title`. */
  empty: 'No active user has a known {metric} in this range.',
  /** No active user at all. */
  emptyRange: 'No active users in this range.',
  /** The answer is unknown: the provider has no getUsersDistribution and the range has too many users to read. */
  tooLarge: 'Too many active users to bin here: this provider does not answer the distribution itself.',
  /** Table alternative. */
  viewTable: 'View as table',
  hideTable: 'Hide table',
  columnRange: 'Range',
  columnUsers: 'Users',
};

/** Every string `UsersDistribution` shows; see {@link usersDistributionLabels}. */
export type UsersDistributionLabels = typeof usersDistributionLabels;
