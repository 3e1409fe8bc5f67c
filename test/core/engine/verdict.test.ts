import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDemoDataset, DEMO_DEFAULT_NOW, DEMO_MODEL_SWITCH, DEMO_USERS } from '../../../src/adapters/demo/create-demo-dataset';
import { computeModelUsage } from '../../../src/core/engine/models';
import { userSlices } from '../../../src/core/engine/selection';
import { computeUserMetrics } from '../../../src/core/engine/metrics';
import { rangeToMs } from '../../../src/core/engine/time';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { DEFAULT_VERDICT_RULE, computeVerdict, relativeChange, type VerdictDeviation } from '../../../src/core/engine/verdict';
import type { ChangeEvent, CohortMetrics, KeyMetrics, UserMetrics } from '../../../src/core/results';

const RUNS = { numRuns: 1000 };

/** Key metrics with the fields the verdict reads; the rest consistent enough to look real. */
function km(traceCount: number, errorCount: number, latencyP95Ms: number | null, costPerTraceUsd: number | null): KeyMetrics {
  return {
    traceCount,
    conversationCount: 0,
    activeDays: 0,
    errorCount,
    successRate: traceCount === 0 ? null : (traceCount - errorCount) / traceCount,
    topErrorType: null,
    latencyAvgMs: latencyP95Ms,
    latencyP50Ms: latencyP95Ms,
    latencyP95Ms,
    costUsd: costPerTraceUsd === null ? null : costPerTraceUsd * traceCount,
    costPerTraceUsd,
    inputTokens: null,
    outputTokens: null,
  };
}

const cohortOf = (m: KeyMetrics, userCount = 10): CohortMetrics => ({ ...m, userCount, activeDaysPerUser: userCount === 0 ? null : m.activeDays });

/** Random key metrics: empty sets, zero errors, all errors, unknown cost and zero cost included. */
const arbKeyMetrics: fc.Arbitrary<KeyMetrics> = fc
  .integer({ min: 0, max: 400 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      e: fc.integer({ min: 0, max: n }),
      p95: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e6, noNaN: true })),
      cost: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 10, noNaN: true })), { nil: null }),
    }),
  )
  .map(({ n, e, p95, cost }) => km(n, e, n === 0 ? null : p95, n === 0 ? null : cost));

const arbUserMetrics: fc.Arbitrary<UserMetrics> = fc.record(
  {
    current: arbKeyMetrics,
    previous: arbKeyMetrics,
    cohort: arbKeyMetrics.chain((m) => fc.integer({ min: 0, max: 50 }).map((u) => cohortOf(m, u))),
  },
  { requiredKeys: ['current', 'previous'] },
);

describe('relativeChange', () => {
  it('is unknown for missing or non-finite sides, new from zero, and a finite ratio otherwise', () => {
    expect(relativeChange(null, 1)).toEqual({ kind: 'unknown' });
    expect(relativeChange(1, undefined)).toEqual({ kind: 'unknown' });
    expect(relativeChange(Number.NaN, 1)).toEqual({ kind: 'unknown' });
    expect(relativeChange(1, Number.POSITIVE_INFINITY)).toEqual({ kind: 'unknown' });
    expect(relativeChange(5, 0)).toEqual({ kind: 'new' });
    expect(relativeChange(0, 0)).toEqual({ kind: 'change', ratio: 0 });
    expect(relativeChange(138, 100)).toEqual({ kind: 'change', ratio: 0.38 });
    expect(relativeChange(0, 4)).toEqual({ kind: 'change', ratio: -1 });
  });

  it('never yields Infinity or NaN, and the ratio reconstructs the value', () => {
    const num = fc.oneof(fc.double(), fc.constant(0), fc.constant(null));
    fc.assert(
      fc.property(num, num, (value, baseline) => {
        const c = relativeChange(value, baseline);
        if (c.kind !== 'change') return;
        expect(Number.isFinite(c.ratio)).toBe(true);
        const v = value as number;
        const b = baseline as number;
        if (Math.abs(v) < 1e150 && Math.abs(b) > 1e-150 && Math.abs(b) < 1e150) {
          const error = Math.abs(b + c.ratio * Math.abs(b) - v);
          expect(error).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(v), Math.abs(b)));
        }
      }),
      RUNS,
    );
  });
});

describe('computeVerdict', () => {
  const steady = km(200, 6, 2000, 0.01);

  it('needs minTraces traces from the user, and a baseline with as many', () => {
    expect(computeVerdict({ current: km(19, 19, 9e9, 9), previous: steady }).status).toBe('too-few-traces');
    expect(computeVerdict({ current: km(20, 19, 9e9, 9), previous: km(19, 0, 1, 0.001) }).status).toBe('no-baseline');
    expect(computeVerdict({ current: steady, previous: km(5, 0, 1, 1), cohort: cohortOf(steady) })).toEqual({
      status: 'steady',
      deviations: [],
      compared: ['cohort'],
    });
    expect(computeVerdict({ current: km(10, 5, 1, 1), previous: steady }, { minTraces: 10 }).status).toBe('focus');
  });

  it('is steady when nothing is worse by the threshold', () => {
    expect(computeVerdict({ current: steady, previous: steady, cohort: cohortOf(steady) })).toEqual({
      status: 'steady',
      deviations: [],
      compared: ['previous', 'cohort'],
    });
    // 24 % slower and 24 % dearer stay under the 25 % threshold.
    expect(computeVerdict({ current: km(200, 6, 2480, 0.0124), previous: steady }).status).toBe('steady');
  });

  it('points to performance when p95 latency rose the most', () => {
    const v = computeVerdict({ current: km(200, 6, 3000, 0.012), previous: steady });
    expect(v.status).toBe('focus');
    if (v.status !== 'focus') return;
    expect(v.area).toBe('performance');
    expect(v.top).toEqual<VerdictDeviation>({
      area: 'performance',
      measure: 'latencyP95Ms',
      baseline: 'previous',
      value: 3000,
      baselineValue: 2000,
      score: 0.5,
    });
    expect(v.deviations).toHaveLength(1); // cost +20 % does not count
  });

  it('points to spend against the cohort when cost per trace is far above it', () => {
    const v = computeVerdict({ current: km(200, 6, 2100, 0.05), previous: km(200, 6, 2000, 0.045), cohort: cohortOf(steady) });
    expect(v.status === 'focus' && v.area).toBe('spend');
    expect(v.status === 'focus' && v.top.baseline).toBe('cohort');
    expect(v.status === 'focus' && v.top.score).toBeCloseTo(4);
  });

  it('needs the error rate rise to be statistically significant, not only large', () => {
    // 1/20 vs 3/200: +175 % relative (floored), but z ≈ 1.1 with these samples: not significant.
    expect(computeVerdict({ current: km(20, 1, 2000, 0.01), previous: km(200, 3, 2000, 0.01) }).status).toBe('steady');
    // 6/60 vs 3/200: z ≈ 3.2.
    const v = computeVerdict({ current: km(60, 6, 2000, 0.01), previous: km(200, 3, 2000, 0.01) });
    expect(v.status === 'focus' && v.area).toBe('quality');
    expect(v.status === 'focus' && v.top.score).toBeCloseTo((0.1 - 0.015) / 0.02);
  });

  it('floors the baseline error rate so a rise from zero stays finite', () => {
    const v = computeVerdict({ current: km(100, 10, 2000, 0.01), previous: km(100, 0, 2000, 0.01) });
    expect(v.status === 'focus' && v.top.score).toBeCloseTo(0.1 / DEFAULT_VERDICT_RULE.errorRateFloor);
  });

  it('breaks ties in the order quality, performance, spend', () => {
    // Error rate 6 % vs 3 % (score 1, z ≈ 3.2) ties with p95 and cost per trace doubled.
    const base = km(1000, 30, 2000, 0.01);
    const v = computeVerdict({ current: km(1000, 60, 4000, 0.02), previous: base });
    expect(v.status === 'focus' && v.deviations.map((d) => d.area)).toEqual(['quality', 'performance', 'spend']);
    const noQuality = computeVerdict({ current: km(1000, 30, 4000, 0.02), previous: base });
    expect(noQuality.status === 'focus' && noQuality.area).toBe('performance');
  });

  it('ignores unknown or zero baselines for latency and cost', () => {
    expect(computeVerdict({ current: km(100, 0, 2000, 0.01), previous: km(100, 0, 0, null) }).status).toBe('steady');
    expect(computeVerdict({ current: km(100, 0, 2000, null), previous: km(100, 0, 1000, 0.01) }).status).toBe('focus');
  });

  it('holds its invariants on random metrics', () => {
    fc.assert(
      fc.property(arbUserMetrics, (m) => {
        const v = computeVerdict(m);
        const r = DEFAULT_VERDICT_RULE;
        if (m.current.traceCount < r.minTraces) {
          expect(v.status).toBe('too-few-traces');
          return;
        }
        for (const d of v.deviations) {
          expect(Number.isFinite(d.score) && Number.isFinite(d.value) && Number.isFinite(d.baselineValue)).toBe(true);
          expect(d.score).toBeGreaterThanOrEqual(r.minIncrease);
          expect(d.value).toBeGreaterThan(d.baselineValue); // adverse only
          const base = d.baseline === 'previous' ? m.previous : m.cohort;
          expect(base && base.traceCount >= r.minTraces).toBe(true);
        }
        for (let i = 1; i < v.deviations.length; i++) {
          expect(v.deviations[i - 1]!.score).toBeGreaterThanOrEqual(v.deviations[i]!.score);
        }
        if (v.status === 'focus') {
          expect(v.top).toBe(v.deviations[0]);
          expect(v.area).toBe(v.top.area);
        }
      }),
      RUNS,
    );
  });

  it('never points anywhere when the user is no worse than every baseline', () => {
    fc.assert(
      fc.property(arbUserMetrics, (m) => {
        // No errors, and the same p95 and cost per trace as every baseline.
        const current = { ...m.current, errorCount: 0 };
        const same = (b: KeyMetrics): KeyMetrics => ({ ...b, latencyP95Ms: current.latencyP95Ms, costPerTraceUsd: current.costPerTraceUsd });
        const v = computeVerdict({ current, previous: same(m.previous), ...(m.cohort ? { cohort: { ...m.cohort, ...same(m.cohort) } } : {}) });
        expect(v.status).not.toBe('focus');
      }),
      RUNS,
    );
  });

  describe('on the demo dataset (last 30 days, the default view, which has a previous period)', () => {
    const data = createDemoDataset();
    const idx = buildTraceIndex(data.users, data.traces, data.feedback);
    const now = Date.parse(DEMO_DEFAULT_NOW);
    const range = rangeToMs({ from: new Date(now - 30 * 86_400_000).toISOString(), to: DEMO_DEFAULT_NOW });
    const verdictOf = (userId: string) => {
      const plan = idx.users[idx.userPos.get(userId) as number]!.metadata.plan as string;
      return computeVerdict(computeUserMetrics(idx, userId, range, { key: 'plan', value: plan }));
    };
    const areaOf = (userId: string) => {
      const v = verdictOf(userId);
      return v.status === 'focus' ? v.area : v.status;
    };

    it('sends the regression user to the model switch, performance first (p95 and cost up after it), as the page does', () => {
      const id = DEMO_USERS.regression;
      const usage = computeModelUsage(idx, userSlices(idx, [idx.userPos.get(id) as number], range), range, 'day');
      const v = computeVerdict(computeUserMetrics(idx, id, range, { key: 'plan', value: 'pro' }), {}, usage.changes);
      expect(v.status === 'regression' && [v.area, v.change.kind, v.change.from, v.change.to, v.change.regressedOn]).toEqual([
        'performance',
        'model-switch',
        DEMO_MODEL_SWITCH.from,
        DEMO_MODEL_SWITCH.to,
        ['latencyP95Ms', 'costPerTraceUsd'],
      ]);
    });

    it('sends high-error users to quality, slow users to performance and expensive users to spend', () => {
      expect(DEMO_USERS.highErrors.map(areaOf)).toEqual(['quality', 'quality', 'quality']);
      expect(DEMO_USERS.slow.map(areaOf)).toEqual(['performance', 'performance']);
      expect(DEMO_USERS.expensive.map(areaOf)).toEqual(['spend', 'spend']);
    });
  });
});

describe('computeVerdict with regressions (issue 17: never "nothing stands out" above a red callout)', () => {
  const steady = km(200, 6, 2000, 0.01);
  const w = { traceCount: 120, successRate: 0.96, latencyP95Ms: 800, costPerTraceUsd: 0.002 };
  const change = (at: string, regressedOn: ChangeEvent['regressedOn'], overlapsWith?: ChangeEvent['overlapsWith']): ChangeEvent => ({
    kind: 'model-switch',
    at,
    from: 'a',
    to: `m-${at}`,
    before: w,
    after: w,
    regression: regressedOn.length > 0,
    regressedOn,
    ...(overlapsWith ? { overlapsWith } : {}),
  });
  const arbChanges = fc.array(
    fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      on: fc.subarray(['successRate', 'latencyP95Ms', 'costPerTraceUsd'] as const),
    }),
    { maxLength: 5 },
  );

  it('leads with the latest flagged regression, its first measure naming the area, whatever the metrics say', () => {
    const changes = [change('2024-01-05T00:00:00.000Z', ['successRate']), change('2024-01-09T00:00:00.000Z', ['latencyP95Ms', 'costPerTraceUsd'])];
    for (const metrics of [{ current: steady, previous: steady }, { current: km(5, 0, 1, 1), previous: steady }, { current: steady, previous: km(1, 0, 1, 1) }]) {
      const v = computeVerdict(metrics, {}, changes);
      expect(v).toMatchObject({ status: 'regression', area: 'performance', regressionCount: 2 });
      expect(v.status === 'regression' && v.change).toBe(changes[1]);
    }
    expect(computeVerdict({ current: steady, previous: steady }, {}, [change('2024-01-05T00:00:00.000Z', [])]).status).toBe('steady');
  });

  it('counts a group of changes too close to tell apart once', () => {
    const first = change('2024-01-05T00:00:00.000Z', ['costPerTraceUsd'], [{ kind: 'release', at: '2024-01-05T00:00:00.000Z', to: 'v2' }]);
    const second: ChangeEvent = { ...first, kind: 'release', to: 'v2', overlapsWith: [{ kind: 'model-switch', at: first.at, to: first.to }] };
    expect(computeVerdict({ current: steady, previous: steady }, {}, [first, second])).toMatchObject({ status: 'regression', area: 'spend', regressionCount: 1, change: first });
  });

  it('is a regression exactly when a change is flagged, so it never contradicts a callout', () => {
    fc.assert(
      fc.property(arbKeyMetrics, arbKeyMetrics, arbChanges, (current, previous, specs) => {
        const changes = specs.map((s) => change(`2024-01-${String(s.day).padStart(2, '0')}T00:00:00.000Z`, [...s.on]));
        const v = computeVerdict({ current, previous }, {}, changes);
        expect(v.status === 'regression').toBe(changes.some((c) => c.regression));
      }),
      RUNS,
    );
  });
});
