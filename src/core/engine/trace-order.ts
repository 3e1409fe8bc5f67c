/**
 * The row order of the trace index in linear time: grouped by user, start time ascending inside a user, ties by
 * trace id (code units). An LSD radix sort of the start times (16-bit digits, only the digits that vary), then a
 * stable counting sort by user, then the rare runs of equal start times inside a user sorted by id. No comparator
 * runs except on those runs, and no per-user array is allocated.
 * @module
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const TWO_32 = 2 ** 32;
const TWO_48 = 2 ** 48;

/**
 * Digit `pass` (16 bits, from the lowest) of the integer `key`, 0 ≤ key < 2^53: `&` and `>>>` read the key modulo
 * 2^32 exactly, and the division by a power of two is exact.
 */
function digit(key: number, pass: number): number {
  if (pass === 0) return key & 0xffff;
  if (pass === 1) return key >>> DIGIT_BITS;
  return (pass === 2 ? key / TWO_32 : key / TWO_48) & 0xffff;
}

/**
 * The positions `p` with `userOf[p] >= 0`, ordered by `starts` (stable); `null` when one of their starts is not a
 * finite integer (then sort otherwise).
 */
function radixByStart(starts: Float64Array, userOf: Int32Array): Int32Array | null {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < starts.length; i++) {
    if ((userOf[i] as number) < 0) continue;
    const s = starts[i] as number;
    if (!Number.isInteger(s)) return null;
    if (s < min) min = s;
    if (s > max) max = s;
    n++;
  }
  let order = new Int32Array(n);
  for (let i = 0, k = 0; i < starts.length; i++) if ((userOf[i] as number) >= 0) order[k++] = i;
  if (n < 2 || max === min) return order;
  const span = max - min;
  const passes = span < 2 ** 16 ? 1 : span < TWO_32 ? 2 : span < TWO_48 ? 3 : 4;
  let next = new Int32Array(n);
  const count = new Int32Array(BUCKETS + 1);
  for (let pass = 0; pass < passes; pass++) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[digit((starts[order[k] as number] as number) - min, pass) + 1]++;
    for (let b = 0; b < BUCKETS; b++) count[b + 1] = (count[b + 1] as number) + (count[b] as number);
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      next[count[digit((starts[i] as number) - min, pass)]++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Row order of the index and each user's first row. */
export interface TraceOrder {
  /** `order[row]` is the position (in `starts`) of the trace at that row. */
  order: Int32Array;
  /** Rows of user `u` are `[userStart[u], userStart[u + 1])`; length `userCount + 1`. */
  userStart: Int32Array;
}

/**
 * Orders the positions `p` with a user (`userOf[p]`, `0..userCount-1`; `-1` leaves the position out) by user, then
 * start time (`starts[p]`), then id (`idOf(p)`, code-unit order).
 */
export function traceOrder(starts: Float64Array, userOf: Int32Array, userCount: number, idOf: (position: number) => string): TraceOrder {
  const byId = (a: number, b: number): number => {
    const x = idOf(a);
    const y = idOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const byStartThenId = (a: number, b: number): number => (starts[a] as number) - (starts[b] as number) || byId(a, b);
  let byStart = radixByStart(starts, userOf);
  if (byStart === null) byStart = Int32Array.from({ length: starts.length }, (_, i) => i).filter((i) => (userOf[i] as number) >= 0).sort(byStartThenId);
  const n = byStart.length;
  const userStart = new Int32Array(userCount + 1);
  // Counted in position order: the counts do not depend on the order, and the user column is then read in sequence.
  for (let i = 0; i < userOf.length; i++) {
    const u = userOf[i] as number;
    if (u >= 0) userStart[u + 1]++;
  }
  for (let u = 0; u < userCount; u++) userStart[u + 1] = (userStart[u + 1] as number) + (userStart[u] as number);
  const fill = userStart.slice(0, userCount);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byStart[k] as number;
    order[fill[userOf[i] as number]++] = i;
  }
  // Equal start times inside a user: order the run by id (runs are short and rare).
  for (let row = 1; row < n; row++) {
    const a = order[row - 1] as number;
    if (starts[a] !== starts[order[row] as number] || userOf[a] !== userOf[order[row] as number]) continue;
    let end = row + 1;
    while (end < n && starts[order[end] as number] === starts[a] && userOf[order[end] as number] === userOf[a]) end++;
    order.subarray(row - 1, end).sort(byId);
    row = end - 1;
  }
  return { order, userStart };
}
