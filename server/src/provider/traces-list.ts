/**
 * `listTraces` in SQL: one user's traces in range, narrowed to a conversation and by filters, sorted (unknown last,
 * ties by trace id) and keyset-paged, with each row's mean normalised feedback score.
 * @module
 */
import {
  NO_CONVERSATION,
  queryFingerprint,
  type CheckedFilter,
  type ListTracesParams,
  type MsRange,
  type Page,
  type SortingItem,
  type TraceRow,
} from 'userscope/core';
import { Binder } from '../db/binder';
import { afterCondition, keysetCursor, openKeysetCursor, orderBy, type KeysetKey, type KeyValue } from './keyset';
import { inRange, num, runQuery, type SqlContext } from './context';
import { scoredFeedbackCtes } from './feedback-scores';
import { rowToTrace } from './records';

const SORT_KEYS: Readonly<Record<string, Omit<KeysetKey, 'desc'>>> = {
  startTime: { expr: 'start_ms', type: 'number' },
  latencyMs: { expr: 'latency_ms', type: 'number' },
  costUsd: { expr: 'cost_usd', type: 'number' },
  inputTokens: { expr: 'input_tokens', type: 'number' },
  outputTokens: { expr: 'output_tokens', type: 'number' },
  name: { expr: 'name', type: 'string' },
  model: { expr: 'model', type: 'string' },
  // "error" sorts before "ok", as the strings do.
  status: { expr: '(1 - is_error)', type: 'number' },
};

const FILTER_COLUMNS: Readonly<Record<string, string>> = { model: 'model', name: 'name', errorType: 'error_type', release: 'release' };

function filterCondition(b: Binder, f: CheckedFilter): string {
  if (f.id === 'status') return `is_error IN (${f.values.map((v) => (v === 'error' ? 1 : 0)).join(', ')})`;
  return `${FILTER_COLUMNS[f.id] as string} IN ${b.list(f.values as string[])}`;
}

function baseWhere(b: Binder, userId: string, range: MsRange, conversationId: string | undefined, filters: readonly CheckedFilter[]): string {
  const parts = [`user_id = ${b.str(userId)}`, inRange(b, range)];
  if (conversationId === NO_CONVERSATION) parts.push(`(conversation_id IS NULL OR conversation_id = ${b.str(NO_CONVERSATION)})`);
  else if (conversationId !== undefined) parts.push(`conversation_id = ${b.str(conversationId)}`);
  for (const f of filters) parts.push(filterCondition(b, f));
  return parts.join(' AND ');
}

function keyValue(row: Record<string, unknown>, alias: string): KeyValue {
  const v = row[alias];
  return v === null || v === undefined ? null : (v as number | string);
}

/** A page of `listTraces` (params already validated: `filters` checked, `limit` parsed). */
export async function listTracesPage(
  ctx: SqlContext,
  params: ListTracesParams,
  range: MsRange,
  filters: readonly CheckedFilter[],
  limit: number,
): Promise<Page<TraceRow>> {
  const conversationId = params.conversationId ?? undefined;
  const sorting: readonly SortingItem[] = params.sorting?.length ? params.sorting : [{ id: 'startTime', desc: conversationId === undefined }];
  const keys: KeysetKey[] = [
    ...sorting.map((s) => ({ ...(SORT_KEYS[s.id] as Omit<KeysetKey, 'desc'>), desc: s.desc })),
    { expr: 'trace_id', desc: false, type: 'string' },
  ];
  const fingerprint = queryFingerprint([
    'traces',
    params.userId,
    [range.from, range.to],
    conversationId ?? null,
    filters.map((f) => [f.id, f.values]),
    sorting.map((s) => [s.id, s.desc]),
  ]);
  const after = openKeysetCursor(params.cursor, fingerprint, keys.length);
  const b = new Binder(ctx.db.dialect);
  const where = baseWhere(b, params.userId, range, conversationId, filters);
  const seek = after ? ` AND ${afterCondition(b, keys, after)}` : '';
  const keyColumns = keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const pageQuery = b.query(`SELECT *, ${keyColumns} FROM traces WHERE ${where}${seek} ORDER BY ${orderBy(keys)} LIMIT ${b.int(limit + 1)}`);
  const cb = new Binder(ctx.db.dialect);
  const countQuery = cb.query(`SELECT count(*) AS n FROM traces WHERE ${baseWhere(cb, params.userId, range, conversationId, filters)}`);
  const [rows, [count]] = await Promise.all([runQuery(ctx, pageQuery, params.signal), runQuery(ctx, countQuery, params.signal)]);
  const page = rows.slice(0, limit);
  const scores = await feedbackScores(ctx, page.map((r) => String(r.trace_id)), params.signal);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...rowToTrace(r), feedbackScore: scores.get(String(r.trace_id)) ?? null })),
    total: num(count, 'n'),
    nextCursor: rows.length > limit && last ? keysetCursor(keys.map((_, i) => keyValue(last, `k${i}`)), fingerprint) : null,
  };
}

/** Mean normalised score of the scored feedback on each of `traceIds` (absent when none). */
async function feedbackScores(ctx: SqlContext, traceIds: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (traceIds.length === 0) return out;
  const b = new Binder(ctx.db.dialect);
  const rows = await runQuery(
    ctx,
    b.query(
      `WITH ${scoredFeedbackCtes(`f.trace_id IN ${b.list(traceIds)}`)} ` +
        'SELECT fb_trace, sum(fb_score) AS score_sum, count(fb_score) AS score_n FROM fb_scored GROUP BY fb_trace',
    ),
    signal,
  );
  for (const r of rows) if (num(r, 'score_n') > 0) out.set(String(r.fb_trace), num(r, 'score_sum') / num(r, 'score_n'));
  return out;
}
