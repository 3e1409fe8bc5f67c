/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): picks the points of a long series that keep its
 * visual shape, so a chart draws about one point per pixel instead of every point. Works on parallel numeric arrays
 * (typed arrays welcome) and returns the indices it keeps, so callers can pick any other field of those rows too.
 * @module
 */

/** Appends to `out` the LTTB picks of `rows[lo..hi)` (all finite, `hi − lo > threshold ≥ 3`). */
function lttbInto(x: ArrayLike<number>, y: ArrayLike<number>, lo: number, hi: number, threshold: number, out: number[]): void {
  const n = hi - lo;
  // Interior points split into `threshold − 2` buckets of `every` points (fractional); ends are kept as they are.
  const every = (n - 2) / (threshold - 2);
  let a = lo;
  out.push(lo);
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket (the last bucket's "next" is the final point).
    const avgStart = lo + Math.floor((i + 1) * every) + 1;
    const avgEnd = Math.min(lo + Math.floor((i + 2) * every) + 1, hi);
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += x[j] as number;
      avgY += y[j] as number;
    }
    const count = avgEnd - avgStart;
    avgX /= count;
    avgY /= count;
    // The point of this bucket forming the largest triangle with the last pick and that average.
    const from = lo + Math.floor(i * every) + 1;
    const to = lo + Math.floor((i + 1) * every) + 1;
    const ax = x[a] as number;
    const ay = y[a] as number;
    let maxArea = -1;
    let pick = from;
    for (let j = from; j < to; j++) {
      const area = Math.abs((ax - avgX) * ((y[j] as number) - ay) - (ax - (x[j] as number)) * (avgY - ay));
      if (area > maxArea) {
        maxArea = area;
        pick = j;
      }
    }
    out.push(pick);
    a = pick;
  }
  out.push(hi - 1);
}

function allIndices(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Indices of the points LTTB keeps from the series `(x[i], y[i])`: ascending, always the first and the last, and one
 * point per interior bucket (the one forming the largest triangle with the previous pick and the next bucket's
 * average; ties keep the earliest). Returns every index when `threshold ≥ n`; with `threshold < 3`, only the first
 * and last. So the output length is `min(n, max(2, threshold))`. Values must be finite and `x` ascending; use
 * {@link lttbWithGaps} for series with unknown (`NaN`) values.
 */
export function lttb(x: ArrayLike<number>, y: ArrayLike<number>, threshold: number): Int32Array {
  const n = Math.min(x.length, y.length);
  const t = Math.floor(threshold);
  if (n <= 2 || t >= n) return allIndices(n);
  if (t < 3) return Int32Array.of(0, n - 1);
  const out: number[] = [];
  lttbInto(x, y, 0, n, t, out);
  return Int32Array.from(out);
}

/**
 * LTTB for series with unknown values (`NaN` in `y`, e.g. an empty bucket's success rate). Each run of known values
 * is downsampled on its own with a share of `threshold` proportional to its length (at least its two ends), and each
 * run of unknown values is kept as its first index, so a line drawn through the result breaks at the same places.
 * Returns every index when `threshold ≥ n`. The output can exceed `threshold` by about two points per gap.
 */
export function lttbWithGaps(x: ArrayLike<number>, y: ArrayLike<number>, threshold: number): Int32Array {
  const n = Math.min(x.length, y.length);
  if (Math.floor(threshold) >= n) return allIndices(n);
  let known = 0;
  for (let i = 0; i < n; i++) if (y[i] === y[i]) known++; // NaN !== NaN
  if (known === n) return lttb(x, y, threshold);
  const out: number[] = [];
  let i = 0;
  while (i < n) {
    const start = i;
    if (Number.isNaN(y[i] as number)) {
      while (i < n && Number.isNaN(y[i] as number)) i++;
      out.push(start);
      continue;
    }
    while (i < n && !Number.isNaN(y[i] as number)) i++;
    const length = i - start;
    const budget = Math.max(2, Math.round((threshold * length) / known));
    if (length <= budget) {
      for (let j = start; j < i; j++) out.push(j);
    } else if (budget < 3) {
      out.push(start, i - 1);
    } else {
      lttbInto(x, y, start, i, budget, out);
    }
  }
  return Int32Array.from(out);
}
