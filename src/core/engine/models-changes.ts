/**
 * Change detection for model usage: model switches, new releases, before/after windows and the regression rule.
 * The rule is stated in docs/metrics.md ("Models, releases and regressions"); {@link REGRESSION_RULE} holds its numbers.
 * @module
 */
import type { Granularity } from '../model';
import type { ChangeEvent, WindowMetrics } from '../results';
import { percentileSorted, rate } from './stats';
import { bucketSizeMs, bucketStart, toIso } from './time';
import type { TraceIndex } from './trace-index';

/** The numbers of the model-switch and regression rules, for display in tooltips and docs. */
export const REGRESSION_RULE = {
  /** A model not seen earlier in the range is a switch when it takes at least this share of a bucket. */
  newModelShare: 0.2,
  /** Each before/after window holds at most this many traces. */
  maxWindow: 200,
  /** Both windows need at least this many traces (cost: traces carrying a cost) before anything is flagged. */
  minSample: 30,
  /** Success rate must drop by at least this many points (as a fraction: 0.05 = 5 percentage points)… */
  successDrop: 0.05,
  /** …and the two-proportion z-test must give |z| at least this (two-sided 5 %). */
  zCritical: 1.96,
  /** p95 latency must rise by at least this fraction (0.25 = +25 %). */
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
  if (rose(before.latencyP95Ms, after.latencyP95Ms, latencyRise)) out.push('latencyP95Ms');
  if (before.costCount >= minSample && after.costCount >= minSample && rose(before.costPerTraceUsd, after.costPerTraceUsd, costRise)) {
    out.push('costPerTraceUsd');
  }
  return out;
}

/** A detected change before its windows are measured: `pos` is the position in `rows` of the first trace on `to`. */
interface RawChange {
  kind: ChangeEvent['kind'];
  pos: number;
  at: number;
  from: string | null;
  to: string;
}

function located(idx: TraceIndex, rows: Int32Array, pos: number): { pos: number; at: number } {
  return { pos, at: idx.startMs[rows[pos] as number] as number };
}

/**
 * Dominant model of a bucket: most traces; ties keep the previous dominant, else the model used first in the bucket
 * (`counts` iterates in first-use order).
 */
function dominantOf(counts: Map<number, number>, previous: number): number {
  let best = -1;
  let bestCount = -1;
  for (const [code, count] of counts) {
    if (count > bestCount || (count === bestCount && code === previous)) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}

/** Model switches over the non-empty buckets (traces without a model are left out of detection). */
function modelSwitches(idx: TraceIndex, rows: Int32Array, granularity: Granularity): RawChange[] {
  const out: RawChange[] = [];
  const codes = idx.model.codes;
  const names = idx.model.values;
  const seen = new Set<number>();
  let previous = -1;
  let p = 0;
  while (p < rows.length) {
    const bucket = bucketStart(idx.startMs[rows[p] as number] as number, granularity);
    const end = bucket + bucketSizeMs(granularity);
    const counts = new Map<number, number>();
    const firstPos = new Map<number, number>();
    let known = 0;
    for (; p < rows.length && (idx.startMs[rows[p] as number] as number) < end; p++) {
      const code = codes[rows[p] as number] as number;
      if (code < 0) continue;
      known++;
      counts.set(code, (counts.get(code) ?? 0) + 1);
      if (!firstPos.has(code)) firstPos.set(code, p);
    }
    if (known === 0) continue;
    const dominant = dominantOf(counts, previous);
    if (previous >= 0) {
      const to = new Set<number>();
      if (dominant !== previous) to.add(dominant);
      // ≥ 20 % of the bucket, exactly: count / known ≥ 1/5.
      for (const [code, count] of counts) if (!seen.has(code) && count * 5 >= known) to.add(code);
      for (const code of to) {
        const at = located(idx, rows, firstPos.get(code) as number);
        out.push({ kind: 'model-switch', ...at, from: names[previous] as string, to: names[code] as string });
      }
    }
    for (const code of counts.keys()) seen.add(code);
    previous = dominant;
  }
  return out;
}

/** Each release value first seen after the first trace in range. */
function releaseChanges(idx: TraceIndex, rows: Int32Array): RawChange[] {
  const out: RawChange[] = [];
  const codes = idx.release.codes;
  const names = idx.release.values;
  const seen = new Set<number>();
  let last = -1;
  for (let p = 0; p < rows.length; p++) {
    const code = codes[rows[p] as number] as number;
    if (code < 0) continue;
    if (!seen.has(code)) {
      seen.add(code);
      const from = last < 0 ? null : (names[last] as string);
      if (p > 0) out.push({ kind: 'release', ...located(idx, rows, p), from, to: names[code] as string });
    }
    last = code;
  }
  return out;
}

function publicWindow(w: WindowStats): WindowMetrics {
  return { traceCount: w.traceCount, successRate: w.successRate, latencyP95Ms: w.latencyP95Ms, costPerTraceUsd: w.costPerTraceUsd };
}

function measure(idx: TraceIndex, rows: Int32Array, change: RawChange): ChangeEvent {
  const at = change.at;
  // Traces strictly before `at` are "before"; the cut is by time so equal timestamps never straddle it.
  let cut = change.pos;
  while (cut > 0 && (idx.startMs[rows[cut - 1] as number] as number) >= at) cut--;
  const n = Math.min(cut, rows.length - cut, REGRESSION_RULE.maxWindow);
  const before = windowStats(idx, rows, cut - n, cut);
  const after = windowStats(idx, rows, cut, cut + n);
  const regressedOn = regressionMeasures(before, after);
  return {
    kind: change.kind,
    at: toIso(at),
    from: change.from,
    to: change.to,
    before: publicWindow(before),
    after: publicWindow(after),
    regression: regressedOn.length > 0,
    regressedOn,
  };
}

/**
 * Model switches and releases among `rows` (a selection's rows in start order, all inside the range), in time order
 * (ties: model switches first, then by `to`), each with before/after windows and the regression verdict.
 */
export function detectChanges(idx: TraceIndex, rows: Int32Array, granularity: Granularity): ChangeEvent[] {
  const raw = [...modelSwitches(idx, rows, granularity), ...releaseChanges(idx, rows)];
  raw.sort((a, b) => a.at - b.at || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return raw.map((c) => measure(idx, rows, c));
}
