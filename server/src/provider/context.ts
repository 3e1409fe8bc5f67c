/**
 * What every query module of the SQL provider shares: the database, a runner that maps engine failures to
 * `ProviderError`s and honours the caller's signal and the per-query timeout, and the SQL fragments that select a
 * user's or a cohort's traces.
 * @module
 */
import { ProviderError, type Cohort, type MsRange } from 'userscope/core';
import { Binder } from '../db/binder';
import type { Database, Row, SqlQuery } from '../db/types';
import { META_KIND } from '../ingest/rows';
import type { SharedLoads } from './shared-loads';

/** The provider's shared state. */
export interface SqlContext {
  /** The database. */
  db: Database;
  /** Longest a single query may run, in ms. */
  queryTimeoutMs: number;
  /** Most traces a per-user method loads into memory for one answer. */
  maxUserTraces: number;
  /** Loads shared by the concurrent calls of one page (user rows, a user's traces), for about 2 s. */
  shared: SharedLoads;
  /** Range-wide figures reused across pages (population baselines, feedback scales) for `baselineTtlMs`. */
  cached: SharedLoads;
}

/** Runs `query`, rejecting with `ProviderError('aborted')` when `signal` aborts and `network` on timeout or failure. */
export async function runQuery(ctx: SqlContext, query: SqlQuery, signal?: AbortSignal): Promise<Row[]> {
  if (signal?.aborted) throw new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
  const timeout = AbortSignal.timeout(ctx.queryTimeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await ctx.db.query(query, { signal: combined });
  } catch (error) {
    if (signal?.aborted) throw new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
    if (timeout.aborted) {
      throw new ProviderError('network', `The database did not answer within ${ctx.queryTimeoutMs} ms`, { cause: error });
    }
    // The engine's message (SQL, table names, paths) stays in `cause`, never in what a client is shown.
    throw new ProviderError('network', 'The database query failed', { cause: error });
  }
}

/** `start_ms` within `range` (half-open). */
export function inRange(b: Binder, range: MsRange, column = 'start_ms'): string {
  return `${column} >= ${b.int(range.from)} AND ${column} < ${b.int(range.to)}`;
}

/**
 * Condition on `user_meta` rows matching a metadata value with strict equality: a string matches only the same
 * string, a number only the same number, a boolean only itself, `null` only an explicit null. `null` for a value
 * that cannot be stored (matches nothing).
 */
export function metaValueCondition(b: Binder, value: unknown): string | null {
  if (typeof value === 'string') return `(kind = ${META_KIND.string} AND str = ${b.str(value)})`;
  if (typeof value === 'number' && Number.isFinite(value)) return `(kind = ${META_KIND.number} AND num = ${b.num(value)})`;
  if (typeof value === 'boolean') return `(kind = ${META_KIND.boolean} AND num = ${value ? 1 : 0})`;
  if (value === null) return `(kind = ${META_KIND.null})`;
  return null;
}

/** `column IN (users whose metadata[key] is any of values)`; `1 = 0` when no value can match. */
export function metadataMembership(b: Binder, column: string, key: string, values: readonly unknown[]): string {
  const conditions = values.map((v) => metaValueCondition(b, v)).filter((c): c is string => c !== null);
  if (conditions.length === 0) return '1 = 0';
  return `${column} IN (SELECT user_id FROM user_meta WHERE meta_key = ${b.str(key)} AND (${conditions.join(' OR ')}))`;
}

/** The traces of a cohort in `range`. */
export function cohortTraces(b: Binder, cohort: Cohort, range: MsRange): string {
  return `${metadataMembership(b, 'user_id', cohort.key, [cohort.value])} AND ${inRange(b, range)}`;
}

/** The traces of one user in `range`. */
export function userTraces(b: Binder, userId: string, range: MsRange): string {
  return `user_id = ${b.str(userId)} AND ${inRange(b, range)}`;
}

/** Rejects with `not-found` (field `userId`) unless the user is stored (given, or seen on a trace). */
export async function requireUser(ctx: SqlContext, userId: string, signal?: AbortSignal): Promise<Row> {
  const b = new Binder(ctx.db.dialect);
  const query = b.query(`SELECT user_json FROM users WHERE user_id = ${b.str(userId)} LIMIT 1`);
  const [row] = await ctx.shared.get(`user:${userId}`, () => runQuery(ctx, query), signal);
  if (!row) throw new ProviderError('not-found', `Unknown user ${JSON.stringify(userId)}`, { field: 'userId' });
  return row;
}

/** A number column of a row (`0` for SQL NULL, as SUM over no rows gives on DuckDB). */
export const num = (row: Row | undefined, column: string): number => Number(row?.[column] ?? 0);

