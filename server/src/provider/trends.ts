/**
 * Trends (`getUserTrends`) in SQL: one GROUP BY over UTC-aligned buckets (bucket number = ⌊(start − first bucket
 * start) / size⌋), filled to every bucket overlapping the range in JavaScript.
 * @module
 */
import { bucketSizeMs, bucketStarts, toIso, type Granularity, type MsRange, type TrendBucket } from 'userscope/core';
import { Binder } from '../db/binder';
import { aggregateColumns, aggregateFigures } from './key-metrics';
import { num, runQuery, type SqlContext } from './context';

/** The buckets of the traces matching `where` over `range` at `granularity`. */
export async function trendBuckets(
  ctx: SqlContext,
  build: (b: Binder) => string,
  range: MsRange,
  granularity: Granularity,
  signal?: AbortSignal,
): Promise<TrendBucket[]> {
  const d = ctx.db.dialect;
  const starts = bucketStarts(range, granularity);
  const size = bucketSizeMs(granularity);
  const b = new Binder(d);
  const where = build(b);
  const bucket = d.floorToInt(d.divide(`start_ms - ${b.int(starts[0] as number)}`, String(size)));
  const rows = await runQuery(
    ctx,
    b.query(
      `SELECT ${bucket} AS bucket_no, ${aggregateColumns(d)}, ` +
        'sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)) AS tok_sum, count(input_tokens) + count(output_tokens) AS tok_n ' +
        `FROM traces WHERE ${where} GROUP BY bucket_no`,
    ),
    signal,
  );
  const byBucket = new Map(rows.map((r) => [num(r, 'bucket_no'), r]));
  return starts.map((t, i) => {
    const row = byBucket.get(i);
    const f = aggregateFigures(row);
    return {
      t: toIso(t),
      traceCount: f.traceCount,
      errorCount: f.errorCount,
      successRate: f.successRate,
      latencyP50Ms: f.latencyP50Ms,
      latencyP95Ms: f.latencyP95Ms,
      costUsd: f.costUsd,
      tokens: num(row, 'tok_n') === 0 ? null : num(row, 'tok_sum'),
    };
  });
}
