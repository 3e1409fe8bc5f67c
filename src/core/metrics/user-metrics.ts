/**
 * The metric registry of the users list: one definition per numeric `UserRow` figure. Everything that names a
 * users-list metric reads it from here: the `UserRow` type and its zod schema (so the REST schema and
 * docs/rest-api.yaml), the sort ids, the memory engine's row values and sort columns, the SQL server's ORDER BY
 * and rows, the users table's columns, the CSV export and the contract suite's reference. Pure data and small
 * functions: formatting lives in components, which read the `format` kind.
 *
 * To add a metric, add one entry to {@link USER_METRICS} (see docs/metrics.md, "Metric registry").
 * @module
 */
import type { UserAggregates } from '../engine/users-aggregate-types';
import { totalTokens } from './tokens';

/** The unit of a metric's value (what its zod schema accepts). */
export type MetricUnit = 'count' | 'fraction' | 'ms' | 'usd' | 'tokens';

/** How a metric's value reads; components map each kind to a formatter (`score`: a 0..1 feedback score). */
export type MetricFormat = 'count' | 'percent' | 'duration' | 'usd' | 'score';

/** Which way is better; the users table also sorts a column worst (or largest) first from it. */
export type MetricDirection = 'higher-is-better' | 'lower-is-better' | 'neutral';

/**
 * Columns of the SQL ranking query of the users list (per user, traces in range), by group: `n` → `n` (traces),
 * `errors` → `errors`, `cost` → `cost_sum`, `cost_n` (traces with a cost), `in` → `in_sum`, `in_n`, `out` →
 * `out_sum`, `out_n`, `first` → `first_ms`, `last` → `last_ms`, `p50`, `p95`, `conv` → `conv_n`, `feedback` →
 * `fb_sum`, `fb_n` (scored feedback). SQL `sum` of no known value is `NULL`.
 */
export type SqlUserAggregate = 'n' | 'errors' | 'cost' | 'in' | 'out' | 'first' | 'last' | 'p50' | 'p95' | 'conv' | 'feedback';

/**
 * A user's base figures over their traces in range, as a plain reference computes them (no engine code): the
 * contract suite's naive reference hands them to {@link UserMetric.reference}.
 */
export interface UserBaseMeasures {
  /** Traces. */
  traceCount: number;
  /** Distinct conversation ids. */
  conversationCount: number;
  /** Failed traces. */
  errorCount: number;
  /** Median latency (numpy linear); `null` without traces. */
  latencyP50Ms: number | null;
  /** 95th percentile latency; `null` without traces. */
  latencyP95Ms: number | null;
  /** Sum of known costs; `null` when none is known. */
  costUsd: number | null;
  /** Traces that carry a cost. */
  costTraceCount: number;
  /** Sum of known input tokens; `null` when none is known. */
  inputTokens: number | null;
  /** Sum of known output tokens; `null` when none is known. */
  outputTokens: number | null;
  /** Mean normalised score of the scored feedback on the traces; `null` without any. */
  feedbackAvgScore: number | null;
}

/** Where a metric sits in the users table when it is a column there. */
export interface UserMetricColumn {
  /** Width in px. */
  width: number;
  /** Hidden until the user picks it in the column picker. */
  hidden: boolean;
}

/** One users-list metric. `Id` is its `UserRow` field, sort id and column id; `Nullable` its null rule. */
export interface UserMetric<Id extends string = string, Nullable extends boolean = boolean> {
  /** The `UserRow` field, sort id, table column id and CSV header. */
  id: Id;
  /** The definition in one sentence (JSDoc of the field, docs). */
  description: string;
  /** Null rule: `false` when every active user has a value; `true` when it can be unknown (`null`, never 0). */
  nullable: Nullable;
  /**
   * `true` for a metric added after the contract first shipped: an optional `UserRow` field, so a provider written
   * before it stays valid (the UI shows "—" when it is absent). The engines here always answer it.
   */
  optional: boolean;
  /** Unit of the value. */
  unit: MetricUnit;
  /** How it reads. */
  format: MetricFormat;
  /** Which way is better. */
  direction: MetricDirection;
  /** A `listUsers` sort id. */
  sortable: boolean;
  /** The users table's column, or none when the metric is only in the row, the sort ids and the CSV. */
  column?: UserMetricColumn;
  /** The engine's value for user `u` of the range's aggregates; `NaN` when unknown. */
  fromAggregates: (agg: UserAggregates, u: number) => number;
  /** The value from a plain reference's base figures (the contract suite's reference). */
  reference: (m: UserBaseMeasures) => number | null;
  /** SQL over the ranking query's columns (NULL when unknown), and the column groups it reads. */
  sql: { reads: readonly SqlUserAggregate[]; expression: string };
}

/** Keeps an entry's literal type (id, null rule, column), so `UserRow` and the column ids derive from the registry. */
function userMetric<const M extends UserMetric>(metric: M): M {
  return metric;
}

const known = (flag: number, value: number): number => (flag ? value : NaN);

/**
 * Every numeric `UserRow` metric, in column order. The users table shows those with a `column`; the sort ids are
 * the `sortable` ones (then `firstSeen`, `lastSeen`, `attention`, `user`, `metadata.<key>`).
 */
export const USER_METRICS = [
  userMetric({
    id: 'traceCount',
    description: 'Traces in range.',
    nullable: false,
    optional: false,
    unit: 'count',
    format: 'count',
    direction: 'neutral',
    sortable: true,
    column: { width: 80, hidden: false },
    fromAggregates: (a, u) => a.traceCount[u] as number,
    reference: (m) => m.traceCount,
    sql: { reads: ['n'], expression: 'n' },
  }),
  userMetric({
    id: 'conversationCount',
    description: 'Distinct conversation ids among the traces in range.',
    nullable: false,
    optional: false,
    unit: 'count',
    format: 'count',
    direction: 'neutral',
    sortable: true,
    column: { width: 120, hidden: true },
    fromAggregates: (a, u) => a.conversationCount[u] as number,
    reference: (m) => m.conversationCount,
    sql: { reads: ['conv'], expression: 'conv_n' },
  }),
  userMetric({
    id: 'successRate',
    description: '(traces − failed traces) / traces; `null` without traces.',
    nullable: true,
    optional: false,
    unit: 'fraction',
    format: 'percent',
    direction: 'higher-is-better',
    sortable: true,
    column: { width: 88, hidden: false },
    fromAggregates: (a, u) => {
      const n = a.traceCount[u] as number;
      return n === 0 ? NaN : (n - (a.errorCount[u] as number)) / n;
    },
    reference: (m) => (m.traceCount === 0 ? null : (m.traceCount - m.errorCount) / m.traceCount),
    sql: { reads: ['n', 'errors'], expression: '(CAST(n - errors AS DOUBLE) / n)' },
  }),
  userMetric({
    id: 'errorCount',
    description: 'Failed traces in range.',
    nullable: false,
    optional: false,
    unit: 'count',
    format: 'count',
    direction: 'lower-is-better',
    sortable: true,
    column: { width: 72, hidden: false },
    fromAggregates: (a, u) => a.errorCount[u] as number,
    reference: (m) => m.errorCount,
    sql: { reads: ['errors'], expression: 'errors' },
  }),
  userMetric({
    id: 'latencyP50Ms',
    description: 'Median latency (numpy linear interpolation); `null` without traces.',
    nullable: true,
    optional: false,
    unit: 'ms',
    format: 'duration',
    direction: 'lower-is-better',
    sortable: true,
    column: { width: 104, hidden: true },
    fromAggregates: (a, u) => a.latencyP50Ms[u] as number,
    reference: (m) => m.latencyP50Ms,
    sql: { reads: ['p50'], expression: 'p50' },
  }),
  userMetric({
    id: 'latencyP95Ms',
    description: '95th percentile latency (numpy linear interpolation); `null` without traces.',
    nullable: true,
    optional: false,
    unit: 'ms',
    format: 'duration',
    direction: 'lower-is-better',
    sortable: true,
    column: { width: 104, hidden: false },
    fromAggregates: (a, u) => a.latencyP95Ms[u] as number,
    reference: (m) => m.latencyP95Ms,
    sql: { reads: ['p95'], expression: 'p95' },
  }),
  userMetric({
    id: 'costUsd',
    description: 'Sum of known costs; `null` when no trace carries a cost.',
    nullable: true,
    optional: false,
    unit: 'usd',
    format: 'usd',
    direction: 'lower-is-better',
    sortable: true,
    column: { width: 88, hidden: false },
    fromAggregates: (a, u) => known(a.costCount[u] as number, a.costUsd[u] as number),
    reference: (m) => m.costUsd,
    sql: { reads: ['cost'], expression: 'CASE WHEN cost_n > 0 THEN cost_sum END' },
  }),
  userMetric({
    id: 'costPerTraceUsd',
    description: '`costUsd` / the traces that carry a cost; `null` when none does.',
    nullable: true,
    optional: false,
    unit: 'usd',
    format: 'usd',
    direction: 'lower-is-better',
    sortable: true,
    column: { width: 112, hidden: true },
    fromAggregates: (a, u) => known(a.costCount[u] as number, (a.costUsd[u] as number) / (a.costCount[u] as number)),
    reference: (m) => (m.costUsd === null ? null : m.costUsd / m.costTraceCount),
    sql: { reads: ['cost'], expression: 'CASE WHEN cost_n > 0 THEN cost_sum / cost_n END' },
  }),
  userMetric({
    id: 'totalTokens',
    description: 'Input + output tokens (`totalTokens` of the known sums); `null` when neither is known.',
    nullable: true,
    optional: true,
    unit: 'tokens',
    format: 'count',
    direction: 'neutral',
    sortable: true,
    column: { width: 96, hidden: true },
    fromAggregates: (a, u) =>
      totalTokens(a.inputTokensKnown[u] ? (a.inputTokens[u] as number) : null, a.outputTokensKnown[u] ? (a.outputTokens[u] as number) : null) ?? NaN,
    reference: (m) => totalTokens(m.inputTokens, m.outputTokens),
    sql: { reads: ['in', 'out'], expression: 'CASE WHEN in_n > 0 OR out_n > 0 THEN coalesce(in_sum, 0) + coalesce(out_sum, 0) END' },
  }),
  userMetric({
    id: 'inputTokens',
    description: 'Sum of known input tokens; `null` when none is known.',
    nullable: true,
    optional: false,
    unit: 'tokens',
    format: 'count',
    direction: 'neutral',
    sortable: true,
    fromAggregates: (a, u) => known(a.inputTokensKnown[u] as number, a.inputTokens[u] as number),
    reference: (m) => m.inputTokens,
    sql: { reads: ['in'], expression: 'CASE WHEN in_n > 0 THEN in_sum END' },
  }),
  userMetric({
    id: 'outputTokens',
    description: 'Sum of known output tokens; `null` when none is known.',
    nullable: true,
    optional: false,
    unit: 'tokens',
    format: 'count',
    direction: 'neutral',
    sortable: true,
    fromAggregates: (a, u) => known(a.outputTokensKnown[u] as number, a.outputTokens[u] as number),
    reference: (m) => m.outputTokens,
    sql: { reads: ['out'], expression: 'CASE WHEN out_n > 0 THEN out_sum END' },
  }),
  userMetric({
    id: 'feedbackAvgScore',
    description: 'Mean normalised score (0..1) of the scored feedback on the traces in range; `null` without any.',
    nullable: true,
    optional: false,
    unit: 'fraction',
    format: 'score',
    direction: 'higher-is-better',
    sortable: true,
    column: { width: 104, hidden: true },
    fromAggregates: (a, u) =>
      known(a.feedbackScoreCount[u] as number, (a.feedbackScoreSum[u] as number) / (a.feedbackScoreCount[u] as number)),
    reference: (m) => m.feedbackAvgScore,
    sql: { reads: ['feedback'], expression: 'CASE WHEN fb_n > 0 THEN fb_sum / fb_n END' },
  }),
] as const;

/** A registry entry. */
export type UserMetricDef = (typeof USER_METRICS)[number];

/** The id of a users-list metric (a numeric `UserRow` field). */
export type UserMetricId = UserMetricDef['id'];

/** The value type of a metric: `number`, or `number | null` when nullable. */
type MetricValue<M extends UserMetricDef> = M['nullable'] extends true ? number | null : number;

/** The metric fields of a `UserRow`, derived from the registry (optional metrics are optional fields). */
export type UserMetricValues = {
  [M in UserMetricDef as M['optional'] extends true ? never : M['id']]: MetricValue<M>;
} & {
  [M in UserMetricDef as M['optional'] extends true ? M['id'] : never]?: MetricValue<M>;
};

/** A metric shown as a users-table column. */
export type UserMetricColumnDef = Extract<UserMetricDef, { column: UserMetricColumn }>;

/** The id of a metric shown as a users-table column (its header's label key is `column` + the id, capitalised). */
export type UserMetricColumnId = UserMetricColumnDef['id'];

/** The metrics shown as users-table columns, in their default order. */
export const USER_METRIC_COLUMNS: readonly UserMetricColumnDef[] = USER_METRICS.filter(
  (m): m is UserMetricColumnDef => 'column' in m && m.column !== undefined,
);

/** Every registry entry by id, each with its literal type (so a reader of `format` or `direction` is typed exactly). */
export const USER_METRIC_BY_ID = Object.fromEntries(USER_METRICS.map((m) => [m.id, m])) as {
  readonly [Id in UserMetricId]: Extract<UserMetricDef, { id: Id }>;
};

/** The registry entry of `id`, or `undefined` when `id` is no users-list metric. */
export function findUserMetric(id: string): UserMetricDef | undefined {
  return USER_METRICS.find((m) => m.id === id);
}

/** Every metric value of user `u` in `agg`, as `UserRow` fields (`NaN` from the engine becomes `null`). */
export function userMetricValues(agg: UserAggregates, u: number): UserMetricValues {
  const out: Record<string, number | null> = {};
  for (const m of USER_METRICS) {
    const v = m.fromAggregates(agg, u);
    out[m.id] = v === v ? v : null;
  }
  return out as UserMetricValues;
}

/** Every metric value from a plain reference's base figures, as `UserRow` fields. */
export function referenceUserMetricValues(m: UserBaseMeasures): UserMetricValues {
  const out: Record<string, number | null> = {};
  for (const metric of USER_METRICS) out[metric.id] = metric.reference(m);
  return out as UserMetricValues;
}

/** Ids of the sortable metrics, in registry order. */
export const SORTABLE_USER_METRIC_IDS: readonly UserMetricId[] = USER_METRICS.filter((m) => m.sortable).map((m) => m.id);
