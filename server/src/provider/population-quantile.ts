/**
 * An exact percentile of every trace's latency in a range without sorting millions of values: one pass counts the
 * latencies per fine logarithmic bin, the bins holding the two ranks numpy's linear method interpolates between are
 * found from the cumulative counts, and a second pass reads only those bins' values (a small fraction of the range)
 * to pick the exact order statistics. Same result as `quantile_cont` / `quantileExactInclusive`, a fraction of the
 * work at 10M traces (see BENCHMARKS.md).
 * @module
 */
import type { MsRange } from 'userscope/core';
import { Binder } from '../db/binder';
import { inRange, num, runQuery, type SqlContext } from './context';

/** Bins per doubling of latency: 64 keeps a bin under about 1 % of its value wide. */
const BINS_PER_OCTAVE = 64;

/** Most values the second pass reads into memory; beyond (a range where most latencies are equal), the engine's own percentile answers. */
const MAX_VALUES_READ = 200_000;

/** The engine's exact percentile over the range (one sort of every value). */
async function engineQuantile(ctx: SqlContext, range: MsRange, p: number, signal?: AbortSignal): Promise<number | null> {
  const b = new Binder(ctx.db.dialect);
  const [row] = await runQuery(ctx, b.query(`SELECT ${ctx.db.dialect.quantile('latency_ms', p)} AS q, count(*) AS n FROM traces WHERE ${inRange(b, range)}`), signal);
  return num(row, 'n') === 0 ? null : num(row, 'q');
}

/** SQL of a latency's bin: non-decreasing in the latency, so ranks map to bins in order. */
const binOf = (ctx: SqlContext): string => ctx.db.dialect.floorToInt(`log2(latency_ms + 1) * ${BINS_PER_OCTAVE}`);

/** Index of the bin holding the 0-based rank `rank`, given bins in order with their counts. */
function binOfRank(bins: readonly { bin: number; count: number }[], rank: number): { bin: number; before: number } {
  let before = 0;
  for (const { bin, count } of bins) {
    if (rank < before + count) return { bin, before };
    before += count;
  }
  throw new RangeError(`rank ${rank} beyond ${before} values`);
}

/** The `p` percentile (numpy linear) of the latencies of every trace starting in `range`; null without traces. */
export async function populationLatencyQuantile(ctx: SqlContext, range: MsRange, p: number, signal?: AbortSignal): Promise<number | null> {
  const b = new Binder(ctx.db.dialect);
  const rows = await runQuery(
    ctx,
    b.query(`SELECT ${binOf(ctx)} AS bin_no, count(*) AS bin_n FROM traces WHERE ${inRange(b, range)} GROUP BY bin_no ORDER BY bin_no`),
    signal,
  );
  const bins = rows.map((r) => ({ bin: num(r, 'bin_no'), count: num(r, 'bin_n') }));
  const n = bins.reduce((sum, x) => sum + x.count, 0);
  if (n === 0) return null;
  const rank = p * (n - 1);
  const [lo, hi] = [Math.floor(rank), Math.ceil(rank)];
  const loBin = binOfRank(bins, lo);
  const hiBin = binOfRank(bins, hi);
  const inBins = bins.filter((x) => x.bin >= loBin.bin && x.bin <= hiBin.bin).reduce((sum, x) => sum + x.count, 0);
  if (inBins > MAX_VALUES_READ) return engineQuantile(ctx, range, p, signal);
  const vb = new Binder(ctx.db.dialect);
  const values = await runQuery(
    ctx,
    vb.query(
      `SELECT latency_ms AS v FROM traces WHERE ${inRange(vb, range)} AND ${binOf(ctx)} >= ${vb.int(loBin.bin)} AND ${binOf(ctx)} <= ${vb.int(hiBin.bin)}`,
    ),
    signal,
  );
  const sorted = values.map((r) => num(r, 'v')).sort((x, y) => x - y);
  const a = sorted[lo - loBin.before] as number;
  const c = sorted[hi - loBin.before] as number;
  return a + (c - a) * (rank - lo);
}
