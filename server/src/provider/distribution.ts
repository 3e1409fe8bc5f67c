/**
 * `getUsersDistribution` in SQL: the per-user measure of every active user of a range is aggregated in SQL (the
 * `listUsers` row figure), its bounds come from SQL, the bin edges from core's shared rule (`distributionEdges`, so
 * every engine bins alike), and the bin counts from SQL again, each value placed against the edges bound as
 * parameters. Nothing per user reaches JavaScript.
 *
 * Nice edges amplify a last-bit difference (the first edge is `floor(min / width) × width`), so the values that decide
 * a bound or sit next to an edge must equal the memory engine's to the bit. A user's p95 is interpolated as core's
 * `percentileSorted` does; a user's cost is first summed by the engine (fast, but in its own order), and only the
 * users whose sum lies within {@link CLOSE} of a bound, an edge or the asked-for user's value are summed again one by
 * one in trace order, as the memory engine adds them.
 * @module
 */
import { distributionEdges, type DistributionMetric, type MetricRange, type MsRange, type UsersDistribution } from 'userscope/core';
import { Binder } from '../db/binder';
import type { Dialect } from '../db/types';
import { inRange, num, runQuery, type SqlContext } from './context';

/**
 * Relative distance under which an engine's sum of a user's costs may sit on the other side of a value than the
 * memory engine's sequential sum: far above the worst rounding gap of a sum of non-negative costs (n ε for n
 * traces, 2e-11 at 200,000 traces of one user), far below any bin width.
 */
const CLOSE = 1e-9;

/** The cost sum the memory engine computes: the user's known costs added one by one in trace order. */
const exactCost = (d: Dialect): string => d.orderedSum('cost_usd', ['start_ms', 'trace_id']);

/**
 * CTE `uv`: one row per active user of `range` (`uv_user`) with the measure `v` (NULL when unknown): exact for
 * every measure but the cost, whose engine sum is refined where it matters (see the module note).
 */
function perUserCte(d: Dialect, b: Binder, range: MsRange, metric: DistributionMetric): string {
  const from = `FROM traces WHERE ${inRange(b, range)} GROUP BY user_id`;
  if (metric === 'traceCount') return `uv AS (SELECT user_id AS uv_user, ${d.divide('count(*)', '1')} AS v ${from})`;
  if (metric === 'errorRate') return `uv AS (SELECT user_id AS uv_user, ${d.divide('sum(is_error)', 'count(*)')} AS v ${from})`;
  if (metric === 'costUsd') return `uv AS (SELECT user_id AS uv_user, CASE WHEN count(cost_usd) > 0 THEN sum(cost_usd) END AS v ${from})`;
  const ranks = `SELECT user_id AS uv_user, ${d.sortedArray('latency_ms')} AS lats, ${b.num(0.95)} * (count(*) - 1) AS q_rank ${from}`;
  const lo = d.floorToInt('q_rank');
  const stats =
    `SELECT uv_user, q_rank, floor(q_rank) AS q_lo, ${d.arrayAt('lats', `${lo} + 1`)} AS q_a, ` +
    `${d.arrayAt('lats', `${lo} + CASE WHEN q_rank > floor(q_rank) THEN 2 ELSE 1 END`)} AS q_b FROM (${ranks}) q_ranks`;
  return `uv AS (SELECT uv_user, q_a + (q_b - q_a) * (q_rank - q_lo) AS v FROM (${stats}) q_stats)`;
}

/**
 * CTEs `uv` and `vals` (`uv_user`, `v`): the measure, with the cost of the users matching `near` (a condition on
 * `v`, or none) summed again exactly.
 */
function valuesCtes(d: Dialect, b: Binder, range: MsRange, metric: DistributionMetric, near: (b: Binder) => string | null): string {
  const cte = perUserCte(d, b, range, metric);
  const condition = metric === 'costUsd' ? near(b) : null;
  if (condition === null) return `${cte}, vals AS (SELECT uv_user, v FROM uv)`;
  const refined =
    `ex AS (SELECT user_id AS ex_user, ${exactCost(d)} AS ex_v FROM traces WHERE ${inRange(b, range)} ` +
    `AND user_id IN (SELECT uv_user FROM uv WHERE ${condition}) GROUP BY user_id)`;
  return `${cte}, ${refined}, vals AS (SELECT uv_user, CASE WHEN ex_user IS NULL THEN v ELSE ex_v END AS v FROM uv LEFT JOIN ex ON ex_user = uv_user)`;
}

/** `v` within {@link CLOSE} of `x` (bound). */
const closeTo = (b: Binder, x: number): string => `abs(v - ${b.num(x)}) <= ${b.num(Math.abs(x) * CLOSE)}`;

/**
 * The `listUsers` measure filter as a condition on `column` (a user id): the users whose measure — the very values
 * the distribution bins, cost refined near the bounds — is known and in any of `ranges` (`from ≤ v < to`), so a
 * bar's filter lists exactly the bar's `userCount` users.
 */
export function measureMembership(d: Dialect, b: Binder, column: string, range: MsRange, metric: DistributionMetric, ranges: readonly MetricRange[]): string {
  const bounds = ranges.flatMap((r) => [r.from, r.to]).filter((x): x is number => x !== undefined);
  const near = (x: Binder): string | null => (bounds.length === 0 ? null : bounds.map((p) => `(${closeTo(x, p)})`).join(' OR '));
  const inside = ranges.map((r) => {
    const parts = ['v IS NOT NULL'];
    if (r.from !== undefined) parts.push(`v >= ${b.num(r.from)}`);
    if (r.to !== undefined) parts.push(`v < ${b.num(r.to)}`);
    return `(${parts.join(' AND ')})`;
  });
  return `${column} IN (WITH ${valuesCtes(d, b, range, metric, near)} SELECT uv_user FROM vals WHERE ${inside.join(' OR ')})`;
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

/** Known and unknown counts, exact bounds and the asked-for user's exact value. */
async function bounds(ctx: SqlContext, req: DistributionRequest, signal?: AbortSignal) {
  const d = ctx.db.dialect;
  const b = new Binder(d);
  const user = req.userId === undefined ? 'NULL' : b.str(req.userId);
  const summary = `count(v) AS known_n, count(*) - count(v) AS unknown_n, min(v) AS lo, max(v) AS hi, max(CASE WHEN uv_user = ${user} THEN v END) AS user_v`;
  const [first] = await runQuery(ctx, b.query(`WITH ${perUserCte(d, b, req.range, req.metric)} SELECT ${summary} FROM uv`), signal);
  const out = { known: num(first, 'known_n'), unknown: num(first, 'unknown_n'), lo: num(first, 'lo'), hi: num(first, 'hi'), user: first?.user_v ?? null };
  if (req.metric !== 'costUsd' || out.known === 0) return { ...out, user: out.user === null ? null : Number(out.user) };
  // The users whose engine sum may hide the exact minimum or maximum, and the asked-for user: summed exactly.
  const rb = new Binder(d);
  const near = (x: Binder): string =>
    `v <= ${x.num(out.lo + 3 * out.lo * CLOSE)} OR v >= ${x.num(out.hi - 3 * out.hi * CLOSE)}` + (req.userId === undefined ? '' : ` OR uv_user = ${x.str(req.userId)}`);
  const [exact] = await runQuery(
    ctx,
    rb.query(`WITH ${valuesCtes(d, rb, req.range, req.metric, near)} SELECT min(v) AS lo, max(v) AS hi, max(CASE WHEN uv_user = ${req.userId === undefined ? 'NULL' : rb.str(req.userId)} THEN v END) AS user_v FROM vals${d.selectSettings}`),
    signal,
  );
  return { ...out, lo: num(exact, 'lo'), hi: num(exact, 'hi'), user: exact?.user_v === null || exact?.user_v === undefined ? null : Number(exact.user_v) };
}

/** `getUsersDistribution`: the active users of a range binned by one measure (docs/metrics.md, "Distribution"). */
export async function usersDistribution(ctx: SqlContext, req: DistributionRequest, signal?: AbortSignal): Promise<UsersDistribution> {
  const d = ctx.db.dialect;
  const { known, unknown, lo, hi, user } = await bounds(ctx, req, signal);
  const out: UsersDistribution = { metric: req.metric, bins: [], userCount: known, unknownCount: unknown };
  if (known > 0) {
    const edges = distributionEdges(lo, hi, req.binCount, req.metric);
    const b = new Binder(d);
    const near = (x: Binder): string | null => {
      const points = [...edges.slice(1, -1), ...(user === null ? [] : [user])];
      return points.length === 0 ? null : points.map((p) => `(${closeTo(x, p)})`).join(' OR ');
    };
    const ctes = valuesCtes(d, b, req.range, req.metric, near);
    const above = user === null ? '0' : `sum(CASE WHEN v > ${b.num(user)} THEN 1 ELSE 0 END)`;
    const rows = await runQuery(
      ctx,
      b.query(`WITH ${ctes} SELECT ${binSql(b, edges)} AS bin_no, count(*) AS bin_n, ${above} AS above_n FROM vals WHERE v IS NOT NULL GROUP BY bin_no${d.selectSettings}`),
      signal,
    );
    const counts = new Map(rows.map((r) => [num(r, 'bin_no'), num(r, 'bin_n')]));
    out.bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] as number, userCount: counts.get(i) ?? 0 }));
    if (req.userId !== undefined && user !== null) out.position = { value: user, aboveCount: rows.reduce((sum, r) => sum + num(r, 'above_n'), 0) };
  }
  if (req.userId !== undefined && !out.position) out.position = { value: null, aboveCount: null };
  return out;
}
