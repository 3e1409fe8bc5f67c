/**
 * Allocation-free percentile helpers for the users aggregate: percentiles of a sorted prefix of a scratch buffer,
 * an insertion sort for the short per-user slices, and a selection-based pooled p95 (O(n), no full sort).
 * @module
 */

/** Percentile `p` of the first `n` (ascending-sorted) values of `a`; numpy linear, same formula as `percentileSorted`. */
export function percentileOfPrefix(a: Float64Array, n: number, p: number): number {
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return a[lo] + (a[hi] - a[lo]) * (rank - lo);
}

/** Sorts the first `n` values of `a` ascending; insertion sort for the short slices most users have. */
export function sortPrefix(a: Float64Array, n: number): void {
  if (n > 24) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** Moves the `k`-th smallest of the first `n` values of `a` to position `k` (smaller before, larger after). */
function selectKth(a: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Pooled p95 of the first `n` values of `a` (reorders them); `null` when `n` is 0. */
export function pooledP95(a: Float64Array, n: number): number | null {
  if (n === 0) return null;
  const rank = 0.95 * (n - 1);
  const lo = Math.floor(rank);
  selectKth(a, n, lo);
  const low = a[lo];
  if (lo + 1 >= n) return low;
  let high = Infinity;
  for (let i = lo + 1; i < n; i++) if (a[i] < high) high = a[i];
  return low + (high - low) * (rank - lo);
}
