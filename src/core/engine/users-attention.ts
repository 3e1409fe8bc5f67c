/**
 * The attention rule of the users list: a user needs attention when their error rate, p95 latency or cost per trace
 * is far above the pooled value of every trace in the same range. Every flag carries the user's value, the baseline
 * and a plain-language message, never an unexplained score. The rule is documented in docs/metrics.md.
 * @module
 */
import type { AttentionKind, AttentionReason } from '../results';
import type { UserAggregates } from './users-aggregate-types';

/** Thresholds of the attention rule. */
export const ATTENTION_RULE = {
  /** A user needs this many traces in range (errors, latency) or traces with a cost (cost) to be judged. */
  minTraces: 5,
  /** Errors: rate ≥ max(errorRateFactor × baseline, baseline + errorRateMargin). */
  errorRateFactor: 2,
  /** Errors: absolute margin in rate points (0.10 = 10 points). */
  errorRateMargin: 0.1,
  /** Latency: p95 ≥ latencyFactor × population p95 (and strictly above it). */
  latencyFactor: 2,
  /** Cost: cost per trace ≥ costFactor × population cost per trace (and strictly above it). */
  costFactor: 3,
} as const;

/** Bit of each attention kind in {@link UserAggregates.attention}. */
export const ATTENTION_BIT: Readonly<Record<AttentionKind, number>> = { errors: 1, latency: 2, cost: 4 };

/** The user's value and the baseline for one kind, or `null` when the rule does not fire. */
interface Firing {
  value: number;
  baseline: number;
}

function errorsFiring(agg: UserAggregates, u: number): Firing | null {
  const n = agg.traceCount[u];
  const baseline = agg.baseline.errorRate;
  if (n < ATTENTION_RULE.minTraces || baseline === null) return null;
  const value = agg.errorCount[u] / n;
  const threshold = Math.max(ATTENTION_RULE.errorRateFactor * baseline, baseline + ATTENTION_RULE.errorRateMargin);
  return value >= threshold ? { value, baseline } : null;
}

function latencyFiring(agg: UserAggregates, u: number): Firing | null {
  const baseline = agg.baseline.latencyP95Ms;
  if (agg.traceCount[u] < ATTENTION_RULE.minTraces || baseline === null) return null;
  const value = agg.latencyP95Ms[u];
  return value >= ATTENTION_RULE.latencyFactor * baseline && value > baseline ? { value, baseline } : null;
}

function costFiring(agg: UserAggregates, u: number): Firing | null {
  const n = agg.costCount[u];
  const baseline = agg.baseline.costPerTraceUsd;
  if (n < ATTENTION_RULE.minTraces || baseline === null) return null;
  const value = agg.costUsd[u] / n;
  return value >= ATTENTION_RULE.costFactor * baseline && value > baseline ? { value, baseline } : null;
}

/** Attention flags of user `u` as an OR of {@link ATTENTION_BIT} values (0 when none). */
export function attentionBits(agg: UserAggregates, u: number): number {
  return (
    (errorsFiring(agg, u) ? ATTENTION_BIT.errors : 0) |
    (latencyFiring(agg, u) ? ATTENTION_BIT.latency : 0) |
    (costFiring(agg, u) ? ATTENTION_BIT.cost : 0)
  );
}

/**
 * How far a reason's value is above its baseline: `value / baseline`, or `Infinity` when the baseline is 0 (only
 * latency can fire so: the error and cost baselines pool the user's own traces, so a 0 baseline leaves the user at 0).
 */
export function attentionRatio(value: number, baseline: number): number {
  return baseline > 0 ? value / baseline : Infinity;
}

/**
 * The severity of user `u`, the `attention` sort of the users list: the number of reasons, then the largest
 * {@link attentionRatio} among them; `null` for a user without reasons (sorted last, like an unknown value).
 */
export function attentionSeverity(agg: UserAggregates, u: number): { count: number; ratio: number } | null {
  let count = 0;
  let ratio = -Infinity;
  for (const firing of [errorsFiring(agg, u), latencyFiring(agg, u), costFiring(agg, u)]) {
    if (firing === null) continue;
    count++;
    ratio = Math.max(ratio, attentionRatio(firing.value, firing.baseline));
  }
  return count === 0 ? null : { count, ratio };
}

/** A rate as a percentage: whole points from 10 %, one decimal below, e.g. `32 %`, `4.5 %`. */
function formatPercent(rate: number): string {
  const p = rate * 100;
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10} %`;
}

/** A duration: `850 ms`, `4.2 s`, `2.5 min`. */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6000) / 10} min`;
}

/** A USD amount: cents from $1, three decimals from $0.01, two significant digits below, e.g. `$0.042`. */
function formatUsd(usd: number): string {
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  if (usd >= 0.01 || usd === 0) return `$${usd.toFixed(3)}`;
  return `$${usd.toPrecision(2)}`;
}

/** `(3.1×, …)`-style ratio, omitted when the baseline is 0. */
function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(1)}×, ` : '';
}

/**
 * Why user `u` needs attention, in the order errors, latency, cost; empty when no rule fires. Example message:
 * `Error rate 32 % vs 4 % across all users (41 of 128 traces failed)`.
 */
export function attentionReasons(agg: UserAggregates, u: number): AttentionReason[] {
  const out: AttentionReason[] = [];
  const errors = errorsFiring(agg, u);
  if (errors) {
    out.push({
      kind: 'errors',
      value: errors.value,
      baseline: errors.baseline,
      sampleCount: agg.traceCount[u],
      failedCount: agg.errorCount[u],
      message:
        `Error rate ${formatPercent(errors.value)} vs ${formatPercent(errors.baseline)} across all users ` +
        `(${agg.errorCount[u]} of ${agg.traceCount[u]} traces failed)`,
    });
  }
  const latency = latencyFiring(agg, u);
  if (latency) {
    out.push({
      kind: 'latency',
      value: latency.value,
      baseline: latency.baseline,
      sampleCount: agg.traceCount[u],
      message:
        `p95 latency ${formatDuration(latency.value)} vs ${formatDuration(latency.baseline)} across all users ` +
        `(${ratio(latency.value, latency.baseline)}${agg.traceCount[u]} traces)`,
    });
  }
  const cost = costFiring(agg, u);
  if (cost) {
    out.push({
      kind: 'cost',
      value: cost.value,
      baseline: cost.baseline,
      sampleCount: agg.costCount[u],
      message:
        `Cost per trace ${formatUsd(cost.value)} vs ${formatUsd(cost.baseline)} across all users ` +
        `(${ratio(cost.value, cost.baseline)}${agg.costCount[u]} traces with cost)`,
    });
  }
  return out;
}
