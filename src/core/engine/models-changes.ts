/**
 * The regression rule of model usage: window metrics, the two-proportion z-test and the measures a change regressed
 * on. The rule is stated in docs/metrics.md ("Models, releases and regressions"); {@link REGRESSION_RULE} holds its
 * numbers. Detection and windows: `change-events.ts`, `model-switches.ts`.
 * @module
 */
import type { ChangeEvent, WindowMetrics } from '../results';
import { percentileSorted, rate } from './stats';
import type { TraceIndex } from './trace-index';

/** The numbers of the model-switch and regression rules, for display in tooltips and docs. */
export const REGRESSION_RULE = {
  /** A run of this many consecutive traces with a model is "settled" on a model that holds… */
  switchWindow: 30,
  /** …at least this share of it (0.8: 24 of 30). A switch is a change of the settled model. */
  switchShare: 0.8,
  /** Each before/after window holds at most this many traces; windows stop at the neighbouring changes. */
  maxWindow: 200,
  /**
   * Both windows need at least this many traces (cost: traces carrying a cost) before anything is flagged; changes
   * with fewer traces than this between them are measured as one group (`ChangeEvent.overlapsWith`).
   */
  minSample: 30,
  /** Success rate must drop by at least this many points (as a fraction: 0.05 = 5 percentage points)… */
  successDrop: 0.05,
  /** …and the two-proportion z-test must give |z| at least this (two-sided 5 %). */
  zCritical: 1.96,
  /**
   * p95 latency must rise by at least this fraction (0.25 = +25 %), and the share of traces slower than the before
   * window's p95 must rise with z ≥ `zCritical`.
   */
  latencyRise: 0.25,
  /** Cost per trace must rise by at least this fraction (0.25 = +25 %). */
  costRise: 0.25,
} as const;

/** {@link WindowMetrics} plus the counts the regression rule needs. */
export interface WindowStats extends WindowMetrics {
  /** Traces with status `ok`. */
  okCount: number;
  /** Traces that carry a cost. */
  costCount: number;
  /** The window's latencies, ascending (for the latency rule's significance test). */
  latencies: Float64Array;
}

/** A measure the regression rule can flag. */
export type RegressionMeasure = ChangeEvent['regressedOn'][number];

/** Metrics of the rows `rows[lo..hi)`: success rate, p95 latency and cost per trace that carries a cost. */
export function windowStats(idx: TraceIndex, rows: ArrayLike<number>, lo = 0, hi = rows.length): WindowStats {
  const n = Math.max(0, hi - lo);
  const latencies = new Float64Array(n);
  let ok = 0;
  let costSum = 0;
  let costCount = 0;
  for (let k = lo; k < hi; k++) {
    const row = rows[k] as number;
    latencies[k - lo] = idx.latencyMs[row] as number;
    if (idx.isError[row] === 0) ok++;
    const cost = idx.costUsd[row] as number;
    if (!Number.isNaN(cost)) {
      costSum += cost;
      costCount++;
    }
  }
  latencies.sort();
  return {
    traceCount: n,
    successRate: rate(ok, n),
    latencyP95Ms: percentileSorted(latencies, 0.95),
    costPerTraceUsd: costCount === 0 ? null : costSum / costCount,
    okCount: ok,
    costCount,
    latencies,
  };
}

/** Pooled two-proportion z statistic of `okA/nA − okB/nB`; `null` when undefined (an empty side or zero variance). */
export function twoProportionZ(okA: number, nA: number, okB: number, nB: number): number | null {
  if (nA === 0 || nB === 0) return null;
  const pooled = (okA + okB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  return se === 0 ? null : (okA / nA - okB / nB) / se;
}

function rose(before: number | null, after: number | null, rise: number): boolean {
  return before !== null && after !== null && after > before && after >= before * (1 + rise);
}

/** Values of `sorted` (ascending) strictly above `threshold`. */
function countAbove(sorted: Float64Array, threshold: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= threshold) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * The significance half of the latency rule: more traces of `after` than of `before` are slower than the before
 * window's p95, by the two-proportion z-test (|z| ≥ `zCritical`). A p95 moved by a handful of outliers fails it.
 */
function slowerShareRose(before: WindowStats, after: WindowStats): boolean {
  const q = before.latencyP95Ms;
  if (q === null) return false;
  const slowBefore = countAbove(before.latencies, q);
  const slowAfter = countAbove(after.latencies, q);
  const z = twoProportionZ(slowAfter, after.traceCount, slowBefore, before.traceCount);
  return z !== null && z >= REGRESSION_RULE.zCritical;
}

/** The measures on which `after` regressed from `before`, in the order success rate, latency, cost. */
export function regressionMeasures(before: WindowStats, after: WindowStats): RegressionMeasure[] {
  const out: RegressionMeasure[] = [];
  const { minSample, zCritical, latencyRise, costRise } = REGRESSION_RULE;
  if (before.traceCount < minSample || after.traceCount < minSample) return out;
  // Drop ≥ 5 points, in exact integer arithmetic: (okB/nB − okA/nA) ≥ 1/20.
  const dropEnough =
    20 * (before.okCount * after.traceCount - after.okCount * before.traceCount) >= before.traceCount * after.traceCount;
  const z = twoProportionZ(before.okCount, before.traceCount, after.okCount, after.traceCount);
  if (dropEnough && z !== null && Math.abs(z) >= zCritical) out.push('successRate');
  if (rose(before.latencyP95Ms, after.latencyP95Ms, latencyRise) && slowerShareRose(before, after)) out.push('latencyP95Ms');
  if (before.costCount >= minSample && after.costCount >= minSample && rose(before.costPerTraceUsd, after.costPerTraceUsd, costRise)) {
    out.push('costPerTraceUsd');
  }
  return out;
}
