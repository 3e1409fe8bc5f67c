/**
 * The contract suite's own model switches and releases (docs/metrics.md, "Models, releases and regressions"), with
 * plain loops over `Trace` objects: settled windows of 30 traces, groups of changes too close to tell apart, windows
 * bounded by the neighbouring changes, and the regression rule. Independent of the engine in `core/engine`.
 * @module
 */
import type { Trace } from '../../core/model';
import type { ChangeEvent, WindowMetrics } from '../../core/results';
import { iso, ms, percentile, startsIn, type Span } from './reference';

/** Traces a model must hold among 30 consecutive traces with a model to be settled on (80 %). */
const SETTLE = { window: 30, need: 24 };
/** Smallest window the regression rule judges; changes closer than this many traces form a group. */
const MIN_SAMPLE = 30;

/** A change before it is measured. */
interface Raw {
  kind: ChangeEvent['kind'];
  at: number;
  from: string | null;
  to: string;
}

/** The model holding ≥ 24 of the 30 traces ending at `known[k]`, or null. */
function settledAt(known: readonly Trace[], k: number): string | null {
  const counts = new Map<string, number>();
  for (const t of known.slice(k - SETTLE.window + 1, k + 1)) counts.set(t.model as string, (counts.get(t.model as string) ?? 0) + 1);
  for (const [m, c] of counts) if (c >= SETTLE.need) return m;
  return null;
}

function modelSwitches(ts: readonly Trace[]): Raw[] {
  const known = ts.filter((t) => t.model !== undefined);
  const out: Raw[] = [];
  let current: string | null = null;
  let lastStart = 0;
  let floor = 0;
  for (let k = SETTLE.window - 1; k < known.length; k++) {
    const m = settledAt(known, k);
    if (m === null) continue;
    if (current !== null && m !== current) {
      // The earliest trace on m in [lo, k] that leaves the most traces on `current` before it and on m from it on.
      const lo = Math.max(lastStart, floor);
      let best = -1;
      let bestScore = -1;
      for (let j = lo; j <= k; j++) {
        if (known[j]?.model !== m) continue;
        const score = known.slice(lo, j).filter((t) => t.model === current).length + known.slice(j, k + 1).filter((t) => t.model === m).length;
        if (score > bestScore) [best, bestScore] = [j, score];
      }
      out.push({ kind: 'model-switch', at: ms((known[best] as Trace).startTime), from: current, to: m });
      floor = best + 1;
    }
    current = m;
    lastStart = k - SETTLE.window + 1;
  }
  return out;
}

function releases(ts: readonly Trace[]): Raw[] {
  const out: Raw[] = [];
  const seen = new Set<string>();
  let last: string | null = null;
  ts.forEach((t, i) => {
    if (t.release === undefined) return;
    if (!seen.has(t.release)) {
      seen.add(t.release);
      if (i > 0) out.push({ kind: 'release', at: ms(t.startTime), from: last, to: t.release });
    }
    last = t.release;
  });
  return out;
}

/** Window metrics of `ts` plus the counts the regression rule needs (ok traces, costed traces, latencies). */
export type Window = WindowMetrics & { ok: number; costs: number; latencies: number[] };

/** Metrics of a window of traces (also the per-model numbers of `getModelUsage`). */
export function windowOf(ts: readonly Trace[]): Window {
  const ok = ts.filter((t) => t.status === 'ok').length;
  const costs = ts.filter((t) => t.costUsd !== undefined).map((t) => t.costUsd as number);
  return {
    traceCount: ts.length,
    successRate: ts.length === 0 ? null : ok / ts.length,
    latencyP95Ms: percentile(ts.map((t) => t.latencyMs), 0.95),
    costPerTraceUsd: costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0) / costs.length,
    ok,
    costs: costs.length,
    latencies: ts.map((t) => t.latencyMs),
  };
}

/** The regression rule on two windows of equal size. */
function regressedOn(b: Window, a: Window): ChangeEvent['regressedOn'] {
  const out: ChangeEvent['regressedOn'] = [];
  const n = b.traceCount;
  if (n < MIN_SAMPLE) return out;
  const p = (b.ok + a.ok) / (2 * n);
  const se = Math.sqrt(p * (1 - p) * (2 / n));
  const z = se === 0 ? 0 : (b.ok - a.ok) / n / se;
  if ((b.ok - a.ok) / n >= 0.05 && Math.abs(z) >= 1.96) out.push('successRate');
  const rose = (x: number | null, y: number | null): boolean => x !== null && y !== null && y > x && y >= x * 1.25;
  // Significance: more traces after than before are slower than the before window's p95 (z ≥ 1.96).
  const q = b.latencyP95Ms;
  const slowB = b.latencies.filter((x) => q !== null && x > q).length;
  const slowA = a.latencies.filter((x) => q !== null && x > q).length;
  const ps = (slowB + slowA) / (2 * n);
  const ses = Math.sqrt(ps * (1 - ps) * (2 / n));
  const zs = ses === 0 ? 0 : (slowA - slowB) / n / ses;
  if (rose(b.latencyP95Ms, a.latencyP95Ms) && zs >= 1.96) out.push('latencyP95Ms');
  if (b.costs >= MIN_SAMPLE && a.costs >= MIN_SAMPLE && rose(b.costPerTraceUsd, a.costPerTraceUsd)) out.push('costPerTraceUsd');
  return out;
}

const strip = ({ traceCount, successRate, latencyP95Ms, costPerTraceUsd }: Window): WindowMetrics => ({ traceCount, successRate, latencyP95Ms, costPerTraceUsd });
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The changes of a user's traces started in `s`, in the order and with the fields `getModelUsage` answers. */
export function changesOf(userTraces: readonly Trace[], s: Span): ChangeEvent[] {
  const ts = userTraces.filter((t) => startsIn(t, s)).sort((a, b) => ms(a.startTime) - ms(b.startTime) || compare(a.id, b.id));
  const raw = [...modelSwitches(ts), ...releases(ts)].sort((a, b) => a.at - b.at || compare(a.kind, b.kind) || compare(a.to, b.to));
  const cutOf = (at: number): number => ts.filter((t) => ms(t.startTime) < at).length;
  const groups: Raw[][] = [];
  for (const c of raw) {
    const g = groups[groups.length - 1];
    if (g !== undefined && cutOf(c.at) - cutOf((g[g.length - 1] as Raw).at) < MIN_SAMPLE) g.push(c);
    else groups.push([c]);
  }
  return groups.flatMap((g, i) => {
    const prev = groups[i - 1];
    const next = groups[i + 1];
    const before = ts.slice(prev ? cutOf((prev[prev.length - 1] as Raw).at) : 0, cutOf((g[0] as Raw).at));
    const after = ts.slice(cutOf((g[g.length - 1] as Raw).at), next ? cutOf((next[0] as Raw).at) : ts.length);
    const n = Math.min(before.length, after.length, 200);
    const bw = windowOf(before.slice(before.length - n));
    const aw = windowOf(after.slice(0, n));
    const measures = regressedOn(bw, aw);
    return g.map((c) => {
      const e: ChangeEvent = { kind: c.kind, at: iso(c.at), from: c.from, to: c.to, before: strip(bw), after: strip(aw), regression: measures.length > 0, regressedOn: [...measures] };
      if (g.length > 1) e.overlapsWith = g.filter((o) => o !== c).map((o) => ({ kind: o.kind, at: iso(o.at), to: o.to }));
      return e;
    });
  });
}
