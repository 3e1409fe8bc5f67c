/**
 * Key metrics (`getUserMetrics`) of a trace selection in SQL: one aggregate query and one for the most frequent
 * error type, for the user's range, the previous period and a cohort alike. Derived figures follow
 * docs/metrics.md: unknown is null, cost per trace divides by the traces that carry a cost.
 * @module
 */
import { DAY_MS, type CohortMetrics } from 'userscope/core';
import { Binder } from '../db/binder';
import type { Dialect, Row } from '../db/types';
import { num, runQuery, type SqlContext } from './context';

/** The additive and percentile aggregates of a selection, as SELECT expressions (aliases never reuse column names). */
export function aggregateColumns(d: Dialect): string {
  return [
    'count(*) AS n',
    'sum(is_error) AS errors',
    `${d.quantile('latency_ms', 0.5)} AS p50`,
    `${d.quantile('latency_ms', 0.95)} AS p95`,
    'sum(cost_usd) AS cost_sum',
    'count(cost_usd) AS cost_n',
    'sum(input_tokens) AS in_sum',
    'count(input_tokens) AS in_n',
    'sum(output_tokens) AS out_sum',
    'count(output_tokens) AS out_n',
  ].join(', ');
}

/** Row of {@link aggregateColumns} → the shared figures (null rules applied). */
export function aggregateFigures(row: Record<string, unknown> | undefined): {
  traceCount: number;
  errorCount: number;
  successRate: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  costUsd: number | null;
  costPerTraceUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
} {
  const r = (row ?? {}) as Record<string, never>;
  const n = num(r, 'n');
  const errors = num(r, 'errors');
  const costN = num(r, 'cost_n');
  const cost = num(r, 'cost_sum');
  return {
    traceCount: n,
    errorCount: errors,
    successRate: n === 0 ? null : (n - errors) / n,
    latencyP50Ms: n === 0 ? null : num(r, 'p50'),
    latencyP95Ms: n === 0 ? null : num(r, 'p95'),
    costUsd: costN === 0 ? null : cost,
    costPerTraceUsd: costN === 0 ? null : cost / costN,
    inputTokens: num(r, 'in_n') === 0 ? null : num(r, 'in_sum'),
    outputTokens: num(r, 'out_n') === 0 ? null : num(r, 'out_sum'),
  };
}

/** Key metrics of one group, plus the distinct users in it and their mean own active days (as `CohortMetrics`). */
export type GroupMetrics = CohortMetrics;

/** The most frequent error type (ties: code-unit order, as the memory engine) among `[type, count]` pairs. */
function topErrorType(counts: readonly (readonly [string, number])[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [type, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && type < best)) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}

function toMetrics(row: Row | undefined, errorTypes: readonly (readonly [string, number])[]): GroupMetrics {
  const figures = aggregateFigures(row);
  const n = figures.traceCount;
  return {
    traceCount: n,
    conversationCount: num(row, 'conv_n'),
    activeDays: num(row, 'day_n'),
    errorCount: figures.errorCount,
    successRate: figures.successRate,
    topErrorType: topErrorType(errorTypes),
    latencyAvgMs: n === 0 ? null : num(row, 'lat_sum') / n,
    latencyP50Ms: figures.latencyP50Ms,
    latencyP95Ms: figures.latencyP95Ms,
    costUsd: figures.costUsd,
    costPerTraceUsd: figures.costPerTraceUsd,
    inputTokens: figures.inputTokens,
    outputTokens: figures.outputTokens,
    userCount: num(row, 'user_n'),
    activeDaysPerUser: num(row, 'user_n') === 0 ? null : num(row, 'user_day_n') / num(row, 'user_n'),
  };
}

/**
 * Key metrics of the traces matching `where` (built on `b`), split by the integer SQL expression `group` (e.g. the
 * current and the previous period in one scan): two queries whatever the number of groups. Groups without traces
 * are absent from the map.
 */
export async function keyMetricsByGroup(
  ctx: SqlContext,
  build: (b: Binder) => string,
  group: (b: Binder) => string,
  signal?: AbortSignal,
): Promise<Map<number, GroupMetrics>> {
  const d = ctx.db.dialect;
  const b = new Binder(d);
  const where = build(b);
  const day = d.floorToInt(d.divide('start_ms', String(DAY_MS)));
  const main = runQuery(
    ctx,
    b.query(
      `SELECT ${group(b)} AS group_no, ${aggregateColumns(d)}, ${d.countDistinct('conversation_id')} AS conv_n, ${d.countDistinct(day)} AS day_n, ` +
        `sum(latency_ms) AS lat_sum, ${d.countDistinct('user_id')} AS user_n, ` +
        `${d.countDistinct(`user_id || ':' || CAST(${day} AS VARCHAR)`)} AS user_day_n FROM traces WHERE ${where} GROUP BY group_no`,
    ),
    signal,
  );
  const tb = new Binder(d);
  const types = runQuery(
    ctx,
    tb.query(
      `SELECT ${group(tb)} AS group_no, error_type AS top_type, count(*) AS type_n FROM traces ` +
        `WHERE ${build(tb)} AND is_error = 1 AND error_type IS NOT NULL GROUP BY group_no, error_type`,
    ),
    signal,
  );
  const [rows, typeRows] = await Promise.all([main, types]);
  const out = new Map<number, GroupMetrics>();
  for (const row of rows) {
    const g = num(row, 'group_no');
    const counts = typeRows.filter((r) => num(r, 'group_no') === g).map((r) => [String(r.top_type), num(r, 'type_n')] as const);
    out.set(g, toMetrics(row, counts));
  }
  return out;
}

/** The key metrics of no traces (counts 0, everything else unknown). */
export const noTraces = (): GroupMetrics => toMetrics(undefined, []);

/** Key metrics of the traces matching `where`, plus the distinct users among them. */
export async function keyMetrics(ctx: SqlContext, build: (b: Binder) => string, signal?: AbortSignal): Promise<GroupMetrics> {
  return (await keyMetricsByGroup(ctx, build, () => '0', signal)).get(0) ?? noTraces();
}
