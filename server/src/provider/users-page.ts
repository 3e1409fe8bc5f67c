/**
 * `listUsers` and `getUsersSummary`: the ranking query (`users-query.ts`) picks the page's users; their exact
 * figures (percentiles, distinct conversations, feedback, sparkline) are then computed for those users only, and the
 * attention reasons come from core's own rule over the range's population baseline (cached per range).
 * @module
 */
import {
  attentionReasons,
  bucketSizeMs,
  bucketStarts,
  DEFAULT_USERS_SORTING,
  toIso,
  type Granularity,
  type MsRange,
  type Page,
  type PopulationBaseline,
  type SparkPoint,
  type UserAggregates,
  type UserRow,
  type UsersSummary,
  userMetricValues,
} from 'userscope/core';
import { Binder } from '../db/binder';
import type { Row } from '../db/types';
import { aggregateColumns } from './key-metrics';
import { inRange, num, runQuery, type SqlContext } from './context';
import { scoredFeedbackCtes } from './feedback-scores';
import { populationLatencyQuantile } from './population-quantile';
import { rowToUser } from './records';
import { UNATTRIBUTED_TRACES } from '../schema/tables';
import { needsBaseline, rankCountQuery, rankPageQuery, type RankRequest } from './users-query';

/** Computes (and caches) the population baseline of a range. */
export type BaselineSource = (range: MsRange, signal?: AbortSignal) => Promise<PopulationBaseline>;

/**
 * The population baseline of `range`: pooled error rate, p95 latency and cost per trace over every trace in it.
 * `userCount` is left at 0: the attention rule does not read it, and counting distinct users is a second costly
 * aggregate (`getUsersSummary` counts them on its own).
 */
export async function computeBaseline(ctx: SqlContext, range: MsRange, signal?: AbortSignal): Promise<PopulationBaseline> {
  const b = new Binder(ctx.db.dialect);
  const totals = b.query(
    `SELECT count(*) AS n, sum(is_error) AS errors, sum(cost_usd) AS cost_sum, count(cost_usd) AS cost_n FROM traces WHERE ${inRange(b, range)}`,
  );
  const [[row], p95] = await Promise.all([runQuery(ctx, totals, signal), populationLatencyQuantile(ctx, range, 0.95, signal)]);
  const n = num(row, 'n');
  const costN = num(row, 'cost_n');
  return {
    userCount: 0,
    traceCount: n,
    errorCount: num(row, 'errors'),
    errorRate: n === 0 ? null : num(row, 'errors') / n,
    latencyP95Ms: p95,
    costTraceCount: costN,
    costPerTraceUsd: costN === 0 ? null : num(row, 'cost_sum') / costN,
  };
}

/**
 * Column arrays of `UserAggregates` for the page's users (position = index in the page; `feedback[i]` their scored
 * feedback), for core's metric registry and attention rule.
 */
function pageAggregates(rows: readonly Row[], feedback: readonly (Row | undefined)[], range: MsRange, baseline: PopulationBaseline): UserAggregates {
  const k = rows.length;
  const f64 = (column: string): Float64Array => Float64Array.from(rows, (r) => num(r, column));
  const i32 = (column: string): Int32Array => Int32Array.from(rows, (r) => num(r, column));
  return {
    range,
    userCount: k,
    rowLo: new Int32Array(k),
    rowHi: new Int32Array(k),
    traceCount: i32('n'),
    errorCount: i32('errors'),
    conversationCount: i32('conv_n'),
    latencyP50Ms: f64('p50'),
    latencyP95Ms: f64('p95'),
    costUsd: f64('cost_sum'),
    costCount: i32('cost_n'),
    inputTokens: f64('in_sum'),
    inputTokensKnown: Uint8Array.from(rows, (r) => (num(r, 'in_n') > 0 ? 1 : 0)),
    outputTokens: f64('out_sum'),
    outputTokensKnown: Uint8Array.from(rows, (r) => (num(r, 'out_n') > 0 ? 1 : 0)),
    feedbackScoreSum: Float64Array.from(feedback, (r) => num(r, 'fb_sum')),
    feedbackScoreCount: Int32Array.from(feedback, (r) => num(r, 'fb_n')),
    firstMs: f64('first_ms'),
    lastMs: f64('last_ms'),
    attention: new Uint8Array(k),
    baseline,
  };
}

/** Exact figures, feedback, sparkline and the stored user of each of `ids` over `range`. */
async function pageDetails(ctx: SqlContext, ids: readonly string[], range: MsRange, spark: Granularity, signal?: AbortSignal) {
  const d = ctx.db.dialect;
  const starts = bucketStarts(range, spark);
  const size = bucketSizeMs(spark);
  const fb = new Binder(d);
  const figures = fb.query(
    `SELECT user_id AS page_user, ${aggregateColumns(d)}, ${d.countDistinct('conversation_id')} AS conv_n, ` +
      `min(start_ms) AS first_ms, max(start_ms) AS last_ms FROM traces WHERE user_id IN ${fb.list(ids)} AND ${inRange(fb, range)} GROUP BY user_id`,
  );
  const sb = new Binder(d);
  const bucket = d.floorToInt(d.divide(`start_ms - ${sb.int(starts[0] as number)}`, String(size)));
  const sparkline = sb.query(
    `SELECT user_id AS page_user, ${bucket} AS bucket_no, count(*) AS n, sum(is_error) AS errors FROM traces ` +
      `WHERE user_id IN ${sb.list(ids)} AND ${inRange(sb, range)} GROUP BY user_id, bucket_no`,
  );
  const qb = new Binder(d);
  const feedback = qb.query(
    `WITH ${scoredFeedbackCtes(`t.user_id IN ${qb.list(ids)} AND ${inRange(qb, range, 't.start_ms')}`, true)} ` +
      'SELECT fb_user, sum(fb_score) AS fb_sum, count(fb_score) AS fb_n FROM fb_scored GROUP BY fb_user',
  );
  const ub = new Binder(d);
  const users = ub.query(`SELECT user_id, user_json FROM users WHERE user_id IN ${ub.list(ids)}`);
  const [f, s, q, u] = await Promise.all([figures, sparkline, feedback, users].map((query) => runQuery(ctx, query, signal)));
  const points = new Map<string, SparkPoint[]>();
  for (const id of ids) points.set(id, starts.map((t) => ({ t: toIso(t), traceCount: 0, errorCount: 0 })));
  for (const r of s as Row[]) {
    const point = points.get(String(r.page_user))?.[num(r, 'bucket_no')];
    if (point) {
      point.traceCount = num(r, 'n');
      point.errorCount = num(r, 'errors');
    }
  }
  return {
    figures: new Map((f as Row[]).map((r) => [String(r.page_user), r])),
    feedback: new Map((q as Row[]).map((r) => [String(r.fb_user), r])),
    users: new Map((u as Row[]).map((r) => [String(r.user_id), rowToUser(r)])),
    points,
  };
}

/** One page of the users list. */
export async function usersPage(
  ctx: SqlContext,
  req: RankRequest,
  pageIndex: number,
  pageSize: number,
  spark: Granularity,
  baselineOf: BaselineSource,
  signal?: AbortSignal,
): Promise<Page<UserRow>> {
  const d = ctx.db.dialect;
  const baselinePromise = baselineOf(req.range, signal);
  const rankedPromise = needsBaseline(req.filters, req.sorting)
    ? baselinePromise.then((baseline) => runQuery(ctx, rankPageQuery(d, { ...req, baseline }, pageIndex, pageSize, DEFAULT_USERS_SORTING), signal))
    : runQuery(ctx, rankPageQuery(d, req, pageIndex, pageSize, DEFAULT_USERS_SORTING), signal);
  const [baseline, ranked] = await Promise.all([baselinePromise, rankedPromise]);
  if (ranked.length === 0) {
    if (pageIndex === 0) return { rows: [], total: 0 };
    const [count] = await runQuery(ctx, rankCountQuery(d, { ...req, baseline }), signal);
    return { rows: [], total: num(count, 'total_rows') };
  }
  const details = await pageDetails(ctx, ranked.map((r) => String(r.agg_user)), req.range, spark, signal);
  // A user whose traces were deleted between the two queries has no figures: left out rather than shown as NaN.
  const ids = ranked.map((r) => String(r.agg_user)).filter((id) => details.figures.has(id));
  const figureRows = ids.map((id) => details.figures.get(id) as Row);
  const agg = pageAggregates(figureRows, ids.map((id) => details.feedback.get(id)), req.range, baseline);
  const rows = ids.map((id, i): UserRow => {
    const r = figureRows[i] as Row;
    return {
      user: details.users.get(id) ?? { id, metadata: {} },
      ...userMetricValues(agg, i),
      firstSeen: toIso(num(r, 'first_ms')),
      lastSeen: toIso(num(r, 'last_ms')),
      sparkline: details.points.get(id) ?? [],
      attention: attentionReasons(agg, i),
    };
  });
  return { rows, total: num(ranked[0], 'total_rows') };
}

/** `getUsersSummary`: population totals of a range (docs/metrics.md, "Users summary"). */
export async function usersSummary(ctx: SqlContext, range: MsRange, baselineOf: BaselineSource, signal?: AbortSignal): Promise<UsersSummary> {
  const d = ctx.db.dialect;
  const baseline = await baselineOf(range, signal);
  const b = new Binder(d);
  // A user's first trace ever is the minimum of their first-seen rows; a user first seen in the range is active in it.
  const everQuery = b.query(
    `SELECT count(*) AS user_n, sum(CASE WHEN first_ms >= ${b.int(range.from)} THEN 1 ELSE 0 END) AS new_n ` +
      `FROM (SELECT user_id, min(first_ms) AS first_ms FROM user_first_seen GROUP BY user_id) firsts WHERE first_ms < ${b.int(range.to)}`,
  );
  const costQuery = new Binder(d);
  const cost = costQuery.query(
    `SELECT sum(cost_usd) AS cost_sum, ${d.countDistinct('user_id')} AS user_n FROM traces WHERE ${inRange(costQuery, range)}`,
  );
  const ub = new Binder(d);
  const unattributed = ub.query(`SELECT count(*) AS n FROM ${UNATTRIBUTED_TRACES.name} WHERE ${inRange(ub, range)}`);
  const attentionReq: RankRequest = { range, filters: [{ id: 'attention', values: [true] }], sorting: [], baseline };
  const [[ever], [costRow], [attention], [unattributedRow]] = await Promise.all([
    runQuery(ctx, everQuery, signal),
    runQuery(ctx, cost, signal),
    runQuery(ctx, rankCountQuery(d, attentionReq), signal),
    runQuery(ctx, unattributed, signal),
  ]);
  return {
    userCount: num(ever, 'user_n'),
    activeUserCount: num(costRow, 'user_n'),
    newUserCount: num(ever, 'new_n'),
    attentionUserCount: num(attention, 'total_rows'),
    traceCount: baseline.traceCount,
    unattributedTraceCount: num(unattributedRow, 'n'),
    errorRate: baseline.errorRate,
    costUsd: baseline.costTraceCount === 0 ? null : num(costRow, 'cost_sum'),
  };
}
