/**
 * The ranking query of the users list, shared by `listUsers` (one page) and `getUsersSummary` (counts). Two phases:
 * this query aggregates every user of the range with additive aggregates only — percentiles, distinct
 * conversations and feedback are computed for all users only when a sort key or filter needs them — then filters,
 * sorts (unknown last, ties by user id) and pages in SQL. The page's users get their exact figures afterwards
 * (`users-page.ts`).
 * @module
 */
import {
  ATTENTION_RULE,
  isMetricFilterId,
  type CheckedFilter,
  type MetricRange,
  type MsRange,
  type PopulationBaseline,
  type SortingItem,
  type SqlUserAggregate,
  USER_METRICS,
} from 'userscope/core';
import { Binder } from '../db/binder';
import type { Dialect } from '../db/types';
import { SEARCH_SEPARATOR } from '../ingest/rows';
import { inRange, metadataMembership } from './context';
import { measureMembership } from './distribution';
import { scoredFeedbackCtes } from './feedback-scores';

/** Aggregate column groups of the ranking CTE (named in core's metric registry), computed only when a sort key or filter reads them. */
type AggregateColumn = SqlUserAggregate;

/** What each sort id reads: the registry's metrics, then the other sort ids. */
const SORT_NEEDS: Readonly<Record<string, readonly AggregateColumn[]>> = {
  ...Object.fromEntries(USER_METRICS.map((m) => [m.id, m.sql.reads])),
  firstSeen: ['first'],
  lastSeen: ['last'],
  attention: ['n', 'errors', 'p95', 'cost'],
};

/** What each filter id reads (metadata, model and search read other tables). */
const FILTER_NEEDS: Readonly<Record<string, readonly AggregateColumn[]>> = {
  status: ['errors'],
  attention: ['n', 'errors', 'p95', 'cost'],
};

/** The ORDER BY expression of each numeric sort id: the registry's SQL, then first and last seen. */
const NUMERIC_SORTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(USER_METRICS.map((m) => [m.id, m.sql.expression])),
  firstSeen: 'first_ms',
  lastSeen: 'last_ms',
};

/** Attention kinds, as the `attention` filter names them. */
type AttentionKind = 'errors' | 'latency' | 'cost';

/** The condition of one attention kind over the aggregate columns, against `baseline` (the rule in core). */
export function attentionCondition(b: Binder, baseline: PopulationBaseline, kind: AttentionKind): string {
  const { minTraces, errorRateFactor, errorRateMargin, latencyFactor, costFactor } = ATTENTION_RULE;
  const { errorRate, latencyP95Ms, costPerTraceUsd } = baseline;
  if (kind === 'errors') {
    if (errorRate === null) return '1 = 0';
    const threshold = Math.max(errorRateFactor * errorRate, errorRate + errorRateMargin);
    return `(n >= ${minTraces} AND CAST(errors AS DOUBLE) / n >= ${b.num(threshold)})`;
  }
  if (kind === 'latency') {
    if (latencyP95Ms === null) return '1 = 0';
    return `(n >= ${minTraces} AND p95 >= ${b.num(latencyFactor * latencyP95Ms)} AND p95 > ${b.num(latencyP95Ms)})`;
  }
  if (costPerTraceUsd === null) return '1 = 0';
  return `(cost_n >= ${minTraces} AND cost_sum / cost_n >= ${b.num(costFactor * costPerTraceUsd)} AND cost_sum / cost_n > ${b.num(costPerTraceUsd)})`;
}

const ATTENTION_KINDS: readonly AttentionKind[] = ['errors', 'latency', 'cost'];

/** The user's value of one attention kind over the aggregate columns, as core's rule computes it. */
const ATTENTION_VALUE: Readonly<Record<AttentionKind, string>> = {
  errors: '(CAST(errors AS DOUBLE) / n)',
  latency: 'p95',
  cost: '(cost_sum / cost_n)',
};

/** The population baseline of one attention kind. */
function baselineOf(baseline: PopulationBaseline, kind: AttentionKind): number | null {
  return kind === 'errors' ? baseline.errorRate : kind === 'latency' ? baseline.latencyP95Ms : baseline.costPerTraceUsd;
}

/**
 * ORDER BY terms of the `attention` sort (core's `attentionSeverity`): the number of reasons (NULL without one, so
 * last), then the largest value / baseline ratio, a 0 baseline counting as infinite — written as a flag that
 * outranks every finite ratio, since bound parameters are finite.
 */
function severityOrder(b: Binder, baseline: PopulationBaseline, dir: string): string[] {
  const fires = ATTENTION_KINDS.map((kind) => ({ kind, when: attentionCondition(b, baseline, kind), base: baselineOf(baseline, kind) }));
  const count = fires.map((f) => `CASE WHEN ${f.when} THEN 1 ELSE 0 END`).join(' + ');
  const infinite = fires.filter((f) => f.base === 0).map((f) => `CASE WHEN ${f.when} THEN 1 ELSE 0 END`);
  const ratios = fires
    .filter((f) => f.base !== null && f.base > 0)
    .map((f) => `CASE WHEN ${f.when} THEN ${ATTENTION_VALUE[f.kind]} / ${b.num(f.base as number)} ELSE 0 END`);
  // A kind list may be empty: its term is left out (a constant would be read as a column position).
  const greatest = (terms: string[]): string[] => (terms.length === 0 ? [] : [terms.length === 1 ? (terms[0] as string) : `greatest(${terms.join(', ')})`]);
  return [`CASE WHEN ${count} > 0 THEN ${count} END ${dir} NULLS LAST`, ...[...greatest(infinite), ...greatest(ratios)].map((t) => `${t} ${dir}`)];
}

function filterCondition(d: Dialect, b: Binder, f: CheckedFilter, range: MsRange, baseline: PopulationBaseline | null): string {
  if (f.id.startsWith('metadata.')) return metadataMembership(b, 'agg_user', f.id.slice('metadata.'.length), f.values);
  if (isMetricFilterId(f.id)) return measureMembership(d, b, 'agg_user', range, f.id, f.values as MetricRange[]);
  if (f.id === 'status') {
    const parts = [];
    if (f.values.includes('error')) parts.push('errors > 0');
    if (f.values.includes('ok')) parts.push('errors = 0');
    return `(${parts.join(' OR ')})`;
  }
  if (f.id === 'model') return `agg_user IN (SELECT user_id FROM traces WHERE ${inRange(b, range)} AND model IN ${b.list(f.values as string[])})`;
  const of = (kinds: readonly AttentionKind[]): string =>
    `(${kinds.map((k) => attentionCondition(b, baseline as PopulationBaseline, k)).join(' OR ')})`;
  if (f.values.length === 1 && typeof f.values[0] === 'boolean') return f.values[0] ? of(ATTENTION_KINDS) : `NOT ${of(ATTENTION_KINDS)}`;
  return of(f.values as AttentionKind[]);
}

/** True when the attention filter or sort is asked for (their SQL needs the population baseline). */
export function needsBaseline(filters: readonly CheckedFilter[], sorting: readonly SortingItem[] = []): boolean {
  return filters.some((f) => f.id === 'attention') || sorting.some((s) => s.id === 'attention');
}

/** The aggregate columns the sort keys and filters read: the ranking computes nothing else. */
function neededColumns(filters: readonly CheckedFilter[], sorting: readonly SortingItem[]): Set<AggregateColumn> {
  const out = new Set<AggregateColumn>();
  for (const s of sorting) for (const c of SORT_NEEDS[s.id] ?? []) out.add(c);
  for (const f of filters) for (const c of FILTER_NEEDS[f.id] ?? []) out.add(c);
  return out;
}

function aggregateCte(d: Dialect, b: Binder, range: MsRange, needed: ReadonlySet<AggregateColumn>): string {
  const sql: Readonly<Record<AggregateColumn, string[]>> = {
    n: ['count(*) AS n'],
    errors: ['sum(is_error) AS errors'],
    cost: ['sum(cost_usd) AS cost_sum', 'count(cost_usd) AS cost_n'],
    in: ['sum(input_tokens) AS in_sum', 'count(input_tokens) AS in_n'],
    out: ['sum(output_tokens) AS out_sum', 'count(output_tokens) AS out_n'],
    first: ['min(start_ms) AS first_ms'],
    last: ['max(start_ms) AS last_ms'],
    p50: [`${d.quantile('latency_ms', 0.5)} AS p50`],
    p95: [`${d.quantile('latency_ms', 0.95)} AS p95`],
    conv: [`${d.countDistinct('conversation_id')} AS conv_n`],
    feedback: [], // fb_sum, fb_n: joined from the scored-feedback CTE (matchingUsersSql)
  };
  const columns = ['user_id AS agg_user', ...[...needed].flatMap((c) => sql[c])];
  return `agg AS (SELECT ${columns.join(', ')} FROM traces WHERE ${inRange(b, range)} GROUP BY user_id)`;
}

/** A users-list ranking request (params validated). */
export interface RankRequest {
  /** Range in epoch ms. */
  range: MsRange;
  /** Lower-cased, trimmed search; absent for none. */
  search?: string;
  /** Checked filters. */
  filters: readonly CheckedFilter[];
  /** Sort keys; empty for the default. */
  sorting: readonly SortingItem[];
  /** The range's population baseline, when a filter or the sort needs it ({@link needsBaseline}). */
  baseline: PopulationBaseline | null;
}

/** SQL selecting the matching users (`agg_user` plus the aggregate columns), before ORDER BY. */
function matchingUsersSql(d: Dialect, b: Binder, req: RankRequest, sorting: readonly SortingItem[]): { ctes: string; from: string; where: string } {
  const needed = neededColumns(req.filters, sorting);
  const ctes = [aggregateCte(d, b, req.range, needed)];
  let from = 'agg';
  if (needed.has('feedback')) {
    ctes.push(scoredFeedbackCtes(inRange(b, req.range, 't.start_ms'), true));
    ctes.push('fb AS (SELECT fb_user, sum(fb_score) AS fb_sum, count(fb_score) AS fb_n FROM fb_scored GROUP BY fb_user)');
    from += ' LEFT JOIN fb ON fb.fb_user = agg.agg_user';
  }
  const where = req.filters.map((f) => filterCondition(d, b, f, req.range, req.baseline));
  if (req.search) {
    const needle = req.search.includes(SEARCH_SEPARATOR) ? null : b.str(req.search);
    where.push(needle === null ? '1 = 0' : `agg_user IN (SELECT user_id FROM users WHERE ${d.contains('search_text', needle)})`);
  }
  return { ctes: ctes.join(', '), from, where: where.length ? where.join(' AND ') : '1 = 1' };
}

/** ORDER BY of the sort keys (unknown last), joining users/metadata rows as string keys need, then user id. */
function orderClause(d: Dialect, b: Binder, sorting: readonly SortingItem[], baseline: PopulationBaseline | null): { joins: string; order: string } {
  const joins: string[] = [];
  const order: string[] = [];
  sorting.forEach((s, i) => {
    const dir = s.desc ? 'DESC' : 'ASC';
    if (s.id === 'attention') {
      order.push(...severityOrder(b, baseline as PopulationBaseline, dir));
    } else if (s.id === 'user') {
      if (!joins.some((j) => j.includes(' su '))) joins.push('LEFT JOIN users su ON su.user_id = agg_user');
      // One key (name in the `en` collation, then id), as the memory engine ranks it: descending reverses the id too.
      order.push(d.orderCollatedEn('su.sort_name', dir), `agg_user ${dir}`);
    } else if (s.id.startsWith('metadata.')) {
      const m = `sm${i}`;
      joins.push(`LEFT JOIN user_meta ${m} ON ${m}.user_id = agg_user AND ${m}.meta_key = ${b.str(s.id.slice('metadata.'.length))}`);
      order.push(
        `CASE WHEN ${m}.kind IS NULL OR ${m}.kind = 0 THEN 1 ELSE 0 END ASC`,
        // A missing key (no row) and an explicit null (kind 0) are both unknown: equal here, ordered by id below.
        `NULLIF(${m}.kind, 0) ${dir} NULLS LAST`,
        `${m}.num ${dir} NULLS LAST`,
        `${m}.str_lc ${dir} NULLS LAST`,
        `${m}.str ${dir} NULLS LAST`,
      );
    } else {
      order.push(`${NUMERIC_SORTS[s.id] as string} ${dir} NULLS LAST`);
    }
  });
  order.push('agg_user ASC');
  return { joins: joins.join(' '), order: order.join(', ') };
}

/** The query of one page of user ids (`agg_user`) with `total_rows` = every matching user. */
export function rankPageQuery(d: Dialect, req: RankRequest, pageIndex: number, pageSize: number, defaultSorting: readonly SortingItem[]) {
  const b = new Binder(d);
  const sorting = req.sorting.length ? req.sorting : defaultSorting;
  const { ctes, from, where } = matchingUsersSql(d, b, req, sorting);
  const { joins, order } = orderClause(d, b, sorting, req.baseline);
  return b.query(
    `WITH ${ctes} SELECT agg_user, count(*) OVER () AS total_rows FROM ${from} ${joins} WHERE ${where} ` +
      `ORDER BY ${order} LIMIT ${b.int(pageSize)} OFFSET ${b.int(pageIndex * pageSize)}${d.selectSettings}`,
  );
}

/** The query counting the matching users (`total_rows`). */
export function rankCountQuery(d: Dialect, req: RankRequest) {
  const b = new Binder(d);
  const { ctes, from, where } = matchingUsersSql(d, b, req, req.sorting);
  return b.query(`WITH ${ctes} SELECT count(*) AS total_rows FROM ${from} WHERE ${where}${d.selectSettings}`);
}
