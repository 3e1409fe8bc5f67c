/**
 * Where to look first: the verdict over a user's regressions and key metrics, and the relative change every delta is
 * built on.
 * The rule is explained in docs/components/user-detail-top.md.
 * @module
 */
import type { ChangeEvent, KeyMetrics, UserMetrics } from '../results';
import { flaggedRegressions } from './change-callout';

/** A change of a value against a baseline, safe to show: never `Infinity` or `NaN`. */
export type RelativeChange =
  /** Either side is unknown (`null`, `undefined`, `NaN` or infinite). */
  | { kind: 'unknown' }
  /** The baseline is 0 and the value is not: there is no ratio to show (a rise from zero for non-negative measures). */
  | { kind: 'new' }
  /** `(value − baseline) / |baseline|`; 0 when equal. */
  | { kind: 'change'; ratio: number };

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The relative change of `value` against `baseline`. Unknown on either side gives `unknown`; a zero baseline gives
 * `new` (or a zero change when the value is 0 too). A ratio too large for a double (extreme magnitudes) is `unknown`.
 */
export function relativeChange(value: number | null | undefined, baseline: number | null | undefined): RelativeChange {
  if (!finite(value) || !finite(baseline)) return { kind: 'unknown' };
  if (baseline === 0) return value === 0 ? { kind: 'change', ratio: 0 } : { kind: 'new' };
  const ratio = (value - baseline) / Math.abs(baseline);
  return Number.isFinite(ratio) ? { kind: 'change', ratio } : { kind: 'unknown' };
}

/** What to investigate first. */
export type VerdictArea = 'quality' | 'performance' | 'spend';

/** The measure each area is judged on. */
export type VerdictMeasure = 'errorRate' | 'latencyP95Ms' | 'costPerTraceUsd';

/**
 * What the user is compared with: the previous period, the selected cohort, or every user (`UserMetrics.population`,
 * used only when the previous period has fewer than `minTraces` traces).
 */
export type VerdictBaseline = 'previous' | 'cohort' | 'population';

/** One adverse deviation of the user from a baseline that passed the significance rule. */
export interface VerdictDeviation {
  /** Area it points to. */
  area: VerdictArea;
  /** Measure compared: error rate (fraction), p95 latency (ms) or cost per trace (USD). */
  measure: VerdictMeasure;
  /** Baseline compared with. */
  baseline: VerdictBaseline;
  /** The user's value in the current range. */
  value: number;
  /** The baseline's value. */
  baselineValue: number;
  /**
   * Size of the deviation, used to rank: the relative increase `(value − baseline) / baseline`; for the error rate
   * the baseline is floored at `errorRateFloor` so a rise from 0 % stays finite.
   */
  score: number;
}

/** The verdict: one area to look at first, or why there is none. */
export type Verdict =
  /**
   * A model switch or release was flagged as a regression (the page shows it as a callout): look at the area of its
   * first regressed measure. `change` is the latest flagged regression, `regressionCount` how many callouts there
   * are (groups of changes too close to tell apart count once); `deviations` as for `focus` (possibly empty).
   */
  | { status: 'regression'; area: VerdictArea; change: ChangeEvent; regressionCount: number; deviations: VerdictDeviation[] }
  /**
   * The largest significant deviation points to `area`; `deviations` lists every significant one, largest first;
   * `compared` the baselines that had enough traces.
   */
  | { status: 'focus'; area: VerdictArea; top: VerdictDeviation; deviations: VerdictDeviation[]; compared: VerdictBaseline[] }
  /** Enough data and at least one usable baseline (`compared`), but no significant adverse deviation. */
  | { status: 'steady'; deviations: []; compared: VerdictBaseline[] }
  /** The user has fewer than `minTraces` traces in range. */
  | { status: 'too-few-traces'; deviations: [] }
  /** Neither the previous period, nor every user, nor a cohort has `minTraces` traces to compare with. */
  | { status: 'no-baseline'; deviations: [] };

/** Thresholds of the verdict rule. */
export interface VerdictRule {
  /** Fewest traces the user, and each baseline, needs to be judged. */
  minTraces: number;
  /** Smallest relative increase that counts (0.25 = 25 % worse). */
  minIncrease: number;
  /** One-sided z of the two-proportion test the error rate must pass (1.96 ≈ 97.5 % confidence). */
  minErrorZ: number;
  /** Floor of the baseline error rate when computing its relative increase. */
  errorRateFloor: number;
}

/** The default thresholds. */
export const DEFAULT_VERDICT_RULE: Readonly<VerdictRule> = Object.freeze({
  minTraces: 20,
  minIncrease: 0.25,
  minErrorZ: 1.96,
  errorRateFloor: 0.02,
});

/** Ties go to the first area in this order. */
const AREA_ORDER: readonly VerdictArea[] = ['quality', 'performance', 'spend'];

/** One-sided two-proportion z statistic of `e1/n1` above `e2/n2` (0 when the pooled variance is 0). */
function twoProportionZ(e1: number, n1: number, e2: number, n2: number): number {
  const pooled = (e1 + e2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (e1 / n1 - e2 / n2) / se;
}

function errorDeviation(cur: KeyMetrics, base: KeyMetrics, baseline: VerdictBaseline, rule: VerdictRule): VerdictDeviation | null {
  const value = cur.errorCount / cur.traceCount;
  const baselineValue = base.errorCount / base.traceCount;
  const score = (value - baselineValue) / Math.max(baselineValue, rule.errorRateFloor);
  const z = twoProportionZ(cur.errorCount, cur.traceCount, base.errorCount, base.traceCount);
  if (score < rule.minIncrease || z < rule.minErrorZ) return null;
  return { area: 'quality', measure: 'errorRate', baseline, value, baselineValue, score };
}

function increaseDeviation(
  area: VerdictArea,
  measure: 'latencyP95Ms' | 'costPerTraceUsd',
  cur: KeyMetrics,
  base: KeyMetrics,
  baseline: VerdictBaseline,
  rule: VerdictRule,
): VerdictDeviation | null {
  const value = cur[measure];
  const baselineValue = base[measure];
  if (!finite(value) || !finite(baselineValue) || baselineValue <= 0) return null;
  const score = (value - baselineValue) / baselineValue;
  if (score < rule.minIncrease) return null;
  return { area, measure, baseline, value, baselineValue, score };
}

function deviationsAgainst(cur: KeyMetrics, base: KeyMetrics, baseline: VerdictBaseline, rule: VerdictRule): VerdictDeviation[] {
  const found = [
    errorDeviation(cur, base, baseline, rule),
    increaseDeviation('performance', 'latencyP95Ms', cur, base, baseline, rule),
    increaseDeviation('spend', 'costPerTraceUsd', cur, base, baseline, rule),
  ];
  return found.filter((d): d is VerdictDeviation => d !== null);
}

const MEASURE_AREA: Record<ChangeEvent['regressedOn'][number], VerdictArea> = {
  successRate: 'quality',
  latencyP95Ms: 'performance',
  costPerTraceUsd: 'spend',
};

/**
 * The verdict over `metrics` and the user's `changes` in the same range (`getModelUsage`). Regressions come first:
 * when any change is flagged, the verdict is `regression`, pointing at the latest one, so it never says "nothing
 * stands out" above a regression callout. Otherwise each of error rate (quality), p95 latency (performance) and
 * cost per trace (spend) is compared with the previous period (with every user instead, `metrics.population`, when the
 * previous period has fewer than `minTraces` traces) and, when present, the cohort. A deviation counts only
 * when it is adverse, at least `minIncrease` relative, both sides have `minTraces` traces, and, for the error rate,
 * the two-proportion z reaches `minErrorZ`. The largest score wins; ties go to quality, then performance, then spend.
 */
export function computeVerdict(metrics: UserMetrics, rule: Partial<VerdictRule> = {}, changes: readonly ChangeEvent[] = []): Verdict {
  const r: VerdictRule = { ...DEFAULT_VERDICT_RULE, ...rule };
  const flagged = flaggedRegressions(changes);
  const latest = flagged[flagged.length - 1];
  const metricVerdict = verdictOfMetrics(metrics, r);
  if (latest === undefined) return metricVerdict;
  const area = MEASURE_AREA[latest.regressedOn[0] as ChangeEvent['regressedOn'][number]];
  return { status: 'regression', area, change: latest, regressionCount: flagged.length, deviations: metricVerdict.deviations };
}

function verdictOfMetrics(metrics: UserMetrics, r: VerdictRule): Exclude<Verdict, { status: 'regression' }> {
  const cur = metrics.current;
  if (cur.traceCount < r.minTraces) return { status: 'too-few-traces', deviations: [] };
  const baselines: [VerdictBaseline, KeyMetrics][] = [];
  if (metrics.previous.traceCount >= r.minTraces) baselines.push(['previous', metrics.previous]);
  else if (metrics.population && metrics.population.traceCount >= r.minTraces) baselines.push(['population', metrics.population]);
  if (metrics.cohort && metrics.cohort.traceCount >= r.minTraces) baselines.push(['cohort', metrics.cohort]);
  if (baselines.length === 0) return { status: 'no-baseline', deviations: [] };
  const deviations = baselines
    .flatMap(([name, base]) => deviationsAgainst(cur, base, name, r))
    .sort((a, b) => b.score - a.score || AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area));
  const compared = baselines.map(([name]) => name);
  const top = deviations[0];
  if (!top) return { status: 'steady', deviations: [], compared };
  return { status: 'focus', area: top.area, top, deviations, compared };
}
