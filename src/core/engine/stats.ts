/**
 * Small numeric primitives shared by every aggregate. Percentiles use linear interpolation between closest ranks
 * (numpy's default); every statistic of an empty set is `null`.
 * @module
 */

/** Percentile `p` (0..1) of an ascending-sorted array, numpy `linear` method; `null` when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** Sorts a copy of `values` ascending and returns its p50 and p95 (`null` when empty). */
export function p50p95(values: Float64Array): { p50: number | null; p95: number | null } {
  const sorted = values.slice().sort();
  return { p50: percentileSorted(sorted, 0.5), p95: percentileSorted(sorted, 0.95) };
}

/** ok / total, `null` when total is 0. */
export function rate(part: number, total: number): number | null {
  return total === 0 ? null : part / total;
}
