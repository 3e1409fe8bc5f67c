/**
 * Normalised feedback scores. A numeric key's scale depends on every value of that key (see `normaliseFeedback` in
 * core), so it is never stored: SQL derives it per key at query time (`fb_scales`), and per-user answers read the
 * same summary and normalise with core's own function.
 * @module
 */
import { numericScale, type NumericScale } from 'userscope/core';
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

/** The scale of every numeric feedback key (reused for `ctx.cached`'s lifetime), or of `keys` only. */
export async function feedbackScales(ctx: SqlContext, keys: readonly string[], signal?: AbortSignal): Promise<Map<string, NumericScale>> {
  if (keys.length === 0) return new Map();
  const all = await ctx.cached.get(
    'feedback-scales',
    async () => {
      const rows = await runQuery(ctx, { text: SCALES, params: {} });
      return new Map(rows.map((r) => [String(r.scale_key), numericScale(Number(r.lo), Number(r.hi), Number(r.ints) === 1)]));
    },
    signal,
  );
  return new Map(keys.flatMap((k) => (all.has(k) ? [[k, all.get(k) as NumericScale] as const] : [])));
}
