/**
 * Table rows back into contract records, and the per-user loads that feed core's functions: a user's traces in a
 * range, traces by id, and feedback records with their normalised score (the key's scale over every record).
 * @module
 */
import { normaliseFeedback, ProviderError, toIso, type Feedback, type MsRange, type Trace, type User } from 'userscope/core';
import { Binder } from '../db/binder';
import type { Row } from '../db/types';
import { VALUE_KIND } from '../ingest/rows';
import { feedbackScales } from './feedback-scores';
import { inRange, runQuery, type SqlContext } from './context';

const TRACE_COLUMNS =
  'user_id, start_ms, trace_id, conversation_id, name, end_ms, latency_ms, is_error, error_type, model, release, ' +
  'input_tokens, output_tokens, total_tokens, cost_usd, input_preview, output_preview, tags_json';

/** A `traces` row as a Trace (optional fields present only when stored). */
export function rowToTrace(r: Row): Trace {
  const t: Trace = {
    id: String(r.trace_id),
    userId: String(r.user_id),
    startTime: toIso(Number(r.start_ms)),
    latencyMs: Number(r.latency_ms),
    status: Number(r.is_error) === 1 ? 'error' : 'ok',
  };
  if (r.conversation_id !== null) t.conversationId = String(r.conversation_id);
  if (r.name !== null) t.name = String(r.name);
  if (r.end_ms !== null) t.endTime = toIso(Number(r.end_ms));
  if (r.error_type !== null) t.errorType = String(r.error_type);
  if (r.model !== null) t.model = String(r.model);
  if (r.release !== null) t.release = String(r.release);
  if (r.input_tokens !== null) t.inputTokens = Number(r.input_tokens);
  if (r.output_tokens !== null) t.outputTokens = Number(r.output_tokens);
  if (r.total_tokens !== null) t.totalTokens = Number(r.total_tokens);
  if (r.cost_usd !== null) t.costUsd = Number(r.cost_usd);
  if (r.input_preview !== null) t.inputPreview = String(r.input_preview);
  if (r.output_preview !== null) t.outputPreview = String(r.output_preview);
  if (r.tags_json !== null) t.tags = JSON.parse(String(r.tags_json)) as string[];
  return t;
}

/** A stored user. */
export function rowToUser(r: Row): User {
  return JSON.parse(String(r.user_json)) as User;
}

/** The traces matching `where`, start ascending, at most `ctx.maxUserTraces` (more is refused, naming `range`). */
export async function loadTraces(ctx: SqlContext, build: (b: Binder) => string, signal?: AbortSignal): Promise<Trace[]> {
  const b = new Binder(ctx.db.dialect);
  const cap = ctx.maxUserTraces;
  const rows = await runQuery(
    ctx,
    b.query(`SELECT ${TRACE_COLUMNS} FROM traces WHERE ${build(b)} ORDER BY start_ms, trace_id LIMIT ${b.int(cap + 1)}`),
    signal,
  );
  if (rows.length > cap) {
    throw new ProviderError('invalid-data', `range: more than ${cap} traces of this user in the range; narrow the range`, { field: 'range' });
  }
  return rows.map(rowToTrace);
}

/** One user's traces starting in `range` (shared by the concurrent calls of a page). */
export function loadUserTraces(ctx: SqlContext, userId: string, range: MsRange, signal?: AbortSignal): Promise<Trace[]> {
  return ctx.shared.get(
    `traces:${userId}:${range.from}:${range.to}`,
    () => loadTraces(ctx, (b) => `user_id = ${b.str(userId)} AND ${inRange(b, range)}`),
    signal,
  );
}

function rowToFeedback(r: Row): Feedback {
  const kind = Number(r.value_kind);
  const f: Feedback = {
    id: String(r.feedback_id),
    traceId: String(r.trace_id),
    userId: String(r.user_id),
    key: String(r.feedback_key),
    value: kind === VALUE_KIND.number ? Number(r.value_num) : kind === VALUE_KIND.boolean ? Number(r.value_num) === 1 : String(r.value_str),
    createdAt: toIso(Number(r.created_ms)),
  };
  if (r.score !== null) f.score = Number(r.score);
  if (r.comment !== null) f.comment = String(r.comment);
  if (r.source !== null) f.source = String(r.source) as Feedback['source'];
  return f;
}

/** The non-eval feedback records matching `where` (over the `feedback` table), scores normalised. */
export async function loadFeedback(ctx: SqlContext, build: (b: Binder) => string, signal?: AbortSignal): Promise<Feedback[]> {
  const b = new Binder(ctx.db.dialect);
  const cap = ctx.maxUserTraces;
  const rows = await runQuery(ctx, b.query(`SELECT * FROM feedback WHERE is_eval = 0 AND ${build(b)} LIMIT ${b.int(cap + 1)}`), signal);
  if (rows.length > cap) {
    throw new ProviderError('invalid-data', `range: more than ${cap} feedback records of this user in the range; narrow the range`, { field: 'range' });
  }
  const records = rows.map(rowToFeedback);
  const scales = await feedbackScales(ctx, [...new Set(records.map((f) => f.key))], signal);
  return normaliseFeedback(records, scales);
}
