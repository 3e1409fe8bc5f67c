/**
 * Normalised feedback scores. A numeric key's scale depends on every value of that key (see `normaliseFeedback` in
 * core), so it is never stored: SQL derives it per key at query time (`fb_scales`), and per-user answers read the
 * same summary and normalise with core's own function.
 * @module
 */
import { numericScale, type NumericScale } from 'userscope/core';
import { Binder } from '../db/binder';
import { VALUE_KIND } from '../ingest/rows';
import { runQuery, type SqlContext } from './context';

const SCALES = `SELECT feedback_key AS scale_key, min(value_num) AS lo, max(value_num) AS hi,
  min(CASE WHEN value_num = floor(value_num) THEN 1 ELSE 0 END) AS ints
  FROM feedback WHERE value_kind = ${VALUE_KIND.number} AND is_eval = 0 GROUP BY feedback_key`;

/** SQL of one record's normalised score (`f` = feedback, `s` = its key's scale row), the rules of `numericScale`. */
const SCORE = `CASE WHEN f.score IS NOT NULL THEN f.score
  WHEN f.value_kind = ${VALUE_KIND.boolean} THEN f.value_num
  WHEN f.value_kind = ${VALUE_KIND.number} THEN (CASE
    WHEN s.lo >= 0 AND s.hi <= 1 THEN f.value_num
    WHEN s.ints = 1 AND s.lo >= 1 AND s.hi <= 5 THEN (f.value_num - 1) / 4
    WHEN s.ints = 1 AND s.lo >= 0 AND s.hi <= 10 THEN f.value_num / 10
    WHEN s.hi = s.lo THEN 1
    ELSE (f.value_num - s.lo) / (s.hi - s.lo) END)
  ELSE NULL END`;

/**
 * CTEs `fb_scales` and `fb_scored` (columns `fb_trace`, `fb_score`, and with `onTraces` also `fb_user` = the
 * trace's user): the non-eval feedback records matching `where` with their normalised score, NULL for categories.
 * With `onTraces`, records are joined to their trace (`t.`), so `where` can narrow by the trace's user and start;
 * records without a stored trace then drop out, as the memory engine leaves them out of per-trace figures.
 */
export function scoredFeedbackCtes(where: string, onTraces = false): string {
  const join = onTraces ? ' JOIN traces t ON t.trace_id = f.trace_id' : '';
  const user = onTraces ? ', t.user_id AS fb_user' : '';
  return `fb_scales AS (${SCALES}), fb_scored AS (SELECT f.trace_id AS fb_trace${user}, ${SCORE} AS fb_score
  FROM feedback f LEFT JOIN fb_scales s ON s.scale_key = f.feedback_key${join} WHERE f.is_eval = 0 AND ${where})`;
}

/** The scales of `keys` (only keys with numeric values appear). */
export async function feedbackScales(ctx: SqlContext, keys: readonly string[], signal?: AbortSignal): Promise<Map<string, NumericScale>> {
  const out = new Map<string, NumericScale>();
  if (keys.length === 0) return out;
  const b = new Binder(ctx.db.dialect);
  const rows = await runQuery(ctx, b.query(`SELECT * FROM (${SCALES}) sc WHERE scale_key IN ${b.list(keys)}`), signal);
  for (const r of rows) out.set(String(r.scale_key), numericScale(Number(r.lo), Number(r.hi), Number(r.ints) === 1));
  return out;
}
