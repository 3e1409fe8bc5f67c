/**
 * `getUsersDistribution` in SQL: the per-user measure of every active user of a range is aggregated in SQL (the
 * `listUsers` row figure), its bounds come from SQL, the bin edges from core's shared rule (`distributionEdges`, so
 * every engine bins alike), and the bin counts from SQL again, each value placed against the edges bound as
 * parameters. Two scans of the range; nothing per user reaches JavaScript.
 * @module
 */
import { distributionEdges, type DistributionMetric, type MsRange, type UsersDistribution } from 'userscope/core';
import { Binder } from '../db/binder';
import type { Dialect } from '../db/types';
import { inRange, num, runQuery, type SqlContext } from './context';

/**
 * CTE `uv`: one row per active user of `range` (`uv_user`) with the measure `v` (NULL when unknown), computed with
 * the memory engine's float operations in the same order, so the bounds (and so the edges) match it to the last bit:
 * costs added in trace order (start, then id), the p95 interpolated between two order statistics as core's
 * `percentileSorted` does.
 */
function perUserCte(d: Dialect, b: Binder, range: MsRange, metric: DistributionMetric): string {
  const from = `FROM traces WHERE ${inRange(b, range)} GROUP BY user_id`;
  if (metric === 'traceCount') return `uv AS (SELECT user_id AS uv_user, ${d.divide('count(*)', '1')} AS v ${from})`;
  if (metric === 'errorRate') return `uv AS (SELECT user_id AS uv_user, ${d.divide('sum(is_error)', 'count(*)')} AS v ${from})`;
  if (metric === 'costUsd') return `uv AS (SELECT user_id AS uv_user, ${d.orderedSum('cost_usd', ['start_ms', 'trace_id'])} AS v ${from})`;
  const ranks = `SELECT user_id AS uv_user, ${d.sortedArray('latency_ms')} AS lats, ${b.num(0.95)} * (count(*) - 1) AS q_rank ${from}`;
  const lo = d.floorToInt('q_rank');
  const stats =
    `SELECT uv_user, q_rank, floor(q_rank) AS q_lo, ${d.arrayAt('lats', `${lo} + 1`)} AS q_a, ` +
    `${d.arrayAt('lats', `${lo} + CASE WHEN q_rank > floor(q_rank) THEN 2 ELSE 1 END`)} AS q_b FROM (${ranks}) q_ranks`;
  return `uv AS (SELECT uv_user, q_a + (q_b - q_a) * (q_rank - q_lo) AS v FROM (${stats}) q_stats)`;
}

/** SQL of the bin of `v` against `edges` (bound): the last `i` with `edges[i] ≤ v`, clamped to the bins — core's `binIndex`. */
function binSql(b: Binder, edges: readonly number[]): string {
  const inner = edges.slice(1, -1);
  if (inner.length === 0) return '0';
  return `CASE ${inner.map((edge, i) => `WHEN v < ${b.num(edge)} THEN ${i}`).join(' ')} ELSE ${inner.length} END`;
}

/** Distribution request (params validated). */
export interface DistributionRequest {
  /** Range in epoch ms. */
  range: MsRange;
  /** The binned measure. */
  metric: DistributionMetric;
  /** Number of bins. */
  binCount: number;
  /** The user whose position to answer, when any. */
  userId?: string;
}

/** `getUsersDistribution`: the active users of a range binned by one measure (docs/metrics.md, "Distribution"). */
export async function usersDistribution(ctx: SqlContext, req: DistributionRequest, signal?: AbortSignal): Promise<UsersDistribution> {
  const d = ctx.db.dialect;
  const b = new Binder(d);
  const cte = perUserCte(d, b, req.range, req.metric);
  const user = req.userId === undefined ? 'NULL' : b.str(req.userId);
  const [bounds] = await runQuery(
    ctx,
    b.query(
      `WITH ${cte} SELECT count(v) AS known_n, count(*) - count(v) AS unknown_n, min(v) AS lo, max(v) AS hi, ` +
        `max(CASE WHEN uv_user = ${user} THEN v END) AS user_v FROM uv`,
    ),
    signal,
  );
  const known = num(bounds, 'known_n');
  const out: UsersDistribution = { metric: req.metric, bins: [], userCount: known, unknownCount: num(bounds, 'unknown_n') };
  const userValue = bounds?.user_v === null || bounds?.user_v === undefined ? null : Number(bounds.user_v);
  if (known > 0) {
    const edges = distributionEdges(num(bounds, 'lo'), num(bounds, 'hi'), req.binCount, req.metric);
    const cb = new Binder(d);
    const countCte = perUserCte(d, cb, req.range, req.metric);
    const above = userValue === null ? '0' : `sum(CASE WHEN v > ${cb.num(userValue)} THEN 1 ELSE 0 END)`;
    const rows = await runQuery(
      ctx,
      cb.query(`WITH ${countCte} SELECT ${binSql(cb, edges)} AS bin_no, count(*) AS bin_n, ${above} AS above_n FROM uv WHERE v IS NOT NULL GROUP BY bin_no`),
      signal,
    );
    const counts = new Map(rows.map((r) => [num(r, 'bin_no'), num(r, 'bin_n')]));
    out.bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] as number, userCount: counts.get(i) ?? 0 }));
    if (req.userId !== undefined && userValue !== null) {
      out.position = { value: userValue, aboveCount: rows.reduce((sum, r) => sum + num(r, 'above_n'), 0) };
    }
  }
  if (req.userId !== undefined && !out.position) out.position = { value: null, aboveCount: null };
  return out;
}
