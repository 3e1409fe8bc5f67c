/**
 * English defaults of every string `UserSegments` shows. Hosts override them through the `labels` prop or
 * `<UserscopeProvider labels>` ids `userSegments.<key>` (on the users page).
 * @module
 */
export const userSegmentsLabels = {
  /** Section heading. */
  title: 'Segments',
  /** Label of the metadata key picker. */
  keyPicker: 'Break down by',
  /** Table caption, read by screen readers. `{key}` is the key's name. */
  caption: 'Active users by {key}: users, traces, error rate, latency and cost per segment',
  columnSegment: 'Segment',
  columnUsers: 'Users',
  columnTraces: 'Traces',
  columnErrorRate: 'Error rate',
  columnLatencyP50Ms: 'p50 latency',
  columnLatencyP95Ms: 'p95 latency',
  columnCostUsd: 'Cost',
  columnCostPerTraceUsd: 'Cost / trace',
  /** Segment of the users without the key. */
  noValue: '(not set)',
  /** Accessible name of a segment's button. `{key}`, `{value}`: the key's name and the value. */
  filterTo: 'Show only users with {key} {value}',
  /** Visible mark of the worst segment of a column. */
  worst: 'worst',
  /** What screen readers hear for the mark. `{column}` is the column's name. */
  worstSpoken: 'worst {column} of the segments',
  /** Under the table when segments were left out. `{count}` is a formatted number. */
  omitted: '{count} smaller segments not shown.',
  /** Under the table when p50 / p95 are unknown (the provider has no getUsersSegments). */
  latencyUnknown: 'Latency percentiles need the provider’s getUsersSegments; they show “—” here.',
  loading: 'Loading segments…',
  error: 'Could not load the segments.',
  retry: 'Retry',
  /** No metadata key to break down by. */
  noKeys: 'No metadata key to break users down by (such as plan or region).',
  empty: 'No active users in this range.',
  /** The answer is unknown: no getUsersSegments and too many users to read. */
  tooLarge: 'Too many active users to break down here: this provider does not answer segments itself.',
};

/** Every string `UserSegments` shows; see {@link userSegmentsLabels}. */
export type UserSegmentsLabels = typeof userSegmentsLabels;
