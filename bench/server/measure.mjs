/**
 * Timing helpers of the server bench: interleaved runs (each contender once per round, so machine noise hits all
 * alike), median and spread.
 */

/** Runs every contender `warmup` rounds unmeasured, then `runs` rounds; returns per contender { median, min, max }. */
export async function interleaved(contenders, runs, warmup = 1) {
  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const [name, fn] of Object.entries(contenders)) {
      globalThis.gc?.();
      const t = performance.now();
      await fn();
      if (round >= warmup) times[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, stats(list)]));
}

/** Median, min and max of `list` (ms). */
export function stats(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** `123.4 ms (110–140)`. */
export const fmt = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;

/** Times one async call. */
export async function once(fn) {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}
