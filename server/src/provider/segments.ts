/**
 * `getUsersSegments` in SQL: the range's traces joined to their user's value of one metadata key and aggregated per
 * value (users, traces, errors, exact p50/p95, cost) in one query, which returns only the segments that can rank
 * within `limit`; core's shared order (`rankSegments`: traces, most first, ties by value as text) picks them.
 * @module
 */
import { rankSegments, type MsRange, type UserSegment, type UsersSegments } from 'userscope/core';
import { Binder } from '../db/binder';
import type { Row } from '../db/types';
import { META_KIND } from '../ingest/rows';
import { aggregateColumns, aggregateFigures } from './key-metrics';
import { inRange, num, runQuery, type SqlContext } from './context';

/** A segment's value from its `user_meta` kind and columns (a missing key and an explicit null are both `null`). */
function segmentValue(r: Row): UserSegment['value'] {
  const kind = num(r, 'seg_kind');
  if (kind === META_KIND.number) return Number(r.seg_num);
  if (kind === META_KIND.boolean) return Number(r.seg_num) === 1;
  if (kind === META_KIND.string) return String(r.seg_str);
  return null;
}

/** `getUsersSegments`: the active users of `range` broken down by `metadata[key]` (docs/metrics.md, "Segments"). */
export async function usersSegments(ctx: SqlContext, range: MsRange, key: string, limit: number, signal?: AbortSignal): Promise<UsersSegments> {
  const d = ctx.db.dialect;
  const b = new Binder(d);
  const meta = `(SELECT user_id AS meta_user, kind, num, str FROM user_meta WHERE meta_key = ${b.str(key)})`;
  // Only the segments that can make the first `limit` after the tie-break reach JavaScript: those whose trace count
  // ranks within `limit` (ties at the cut all come along); `seg_total` counts every segment.
  const rows = await runQuery(
    ctx,
    b.query(
      `SELECT * FROM (SELECT coalesce(m.kind, ${META_KIND.null}) AS seg_kind, m.num AS seg_num, m.str AS seg_str, ` +
        `${d.countDistinct('user_id')} AS user_n, ${aggregateColumns(d)}, ` +
        `rank() OVER (ORDER BY count(*) DESC) AS seg_rank, count(*) OVER () AS seg_total ` +
        `FROM traces LEFT JOIN ${meta} m ON m.meta_user = traces.user_id WHERE ${inRange(b, range)} ` +
        `GROUP BY seg_kind, seg_num, seg_str) ranked WHERE seg_rank <= ${b.int(limit)}${d.selectSettings}`,
    ),
    signal,
  );
  const segments = rows.map((r): UserSegment => {
    const f = aggregateFigures(r);
    return {
      value: segmentValue(r),
      userCount: num(r, 'user_n'),
      traceCount: f.traceCount,
      errorRate: f.traceCount === 0 ? null : f.errorCount / f.traceCount,
      latencyP50Ms: f.latencyP50Ms,
      latencyP95Ms: f.latencyP95Ms,
      costUsd: f.costUsd,
      costPerTraceUsd: f.costPerTraceUsd,
    };
  });
  const ranked = rankSegments(key, segments, limit);
  return { ...ranked, omittedCount: Math.max(0, num(rows[0], 'seg_total') - ranked.segments.length) };
}
