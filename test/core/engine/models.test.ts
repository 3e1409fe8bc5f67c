import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Granularity, Trace } from '../../../src/core/model';
import { computeModelUsage, rowsByStart } from '../../../src/core/engine/models';
import { regressionMeasures, twoProportionZ, type WindowStats } from '../../../src/core/engine/models-changes';
import { userSlices } from '../../../src/core/engine/selection';
import type { MsRange } from '../../../src/core/engine/time';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { BASE_MS, MAIN_USER, granularityArb, rangeArb, tracesArb } from '../arbitraries-feedback';
import { assertDeepClose } from '../deep-close';
import { refModelUsage } from '../reference-models';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function usage(traces: Trace[], range: MsRange, granularity: Granularity, userId = MAIN_USER) {
  const idx = buildTraceIndex([], traces);
  const u = idx.userPos.get(userId);
  return computeModelUsage(idx, u === undefined ? [] : userSlices(idx, [u], range), range, granularity);
}

/** `n` traces on `model` from `startMs`, one every `stepMs`, failures spread evenly so every prefix has ≈ `okRate`. */
function run(model: string, startMs: number, stepMs: number, n: number, okRate: number, extra: Partial<Trace> = {}): Trace[] {
  const out: Trace[] = [];
  let okSoFar = 0;
  for (let i = 0; i < n; i++) {
    const ok = Math.floor((i + 1) * okRate + 1e-9) > okSoFar;
    if (ok) okSoFar++;
    out.push({
      id: `${model}-${startMs}-${i}`,
      userId: MAIN_USER,
      startTime: new Date(startMs + i * stepMs).toISOString(),
      latencyMs: 800,
      status: ok ? 'ok' : 'error',
      model,
      costUsd: 0.002,
      ...extra,
    });
  }
  return out;
}

describe('computeModelUsage vs naive reference', () => {
  it('matches the reference on random datasets', () => {
    fc.assert(
      fc.property(tracesArb, rangeArb, granularityArb, (traces, range, g) => {
        assertDeepClose(usage(traces, range, g), refModelUsage(traces, MAIN_USER, range, g));
      }),
      { numRuns: 1000 },
    );
  });

  it('matches the reference when the whole dataset is in range (switches and regressions happen)', () => {
    const wide: MsRange = { from: BASE_MS - 10 * DAY, to: BASE_MS + 60 * DAY };
    let flagged = 0;
    let switches = 0;
    let grouped = 0;
    const measures = new Set<string>();
    fc.assert(
      fc.property(tracesArb, granularityArb, (traces, g) => {
        const got = usage(traces, wide, g);
        switches += got.changes.filter((c) => c.kind === 'model-switch').length;
        grouped += got.changes.filter((c) => c.overlapsWith !== undefined).length;
        flagged += got.changes.filter((c) => c.regression).length;
        for (const c of got.changes) for (const m of c.regressedOn) measures.add(m);
        assertDeepClose(got, refModelUsage(traces, MAIN_USER, wide, g));
      }),
      { numRuns: 1000 },
    );
    // The arbitrary must actually exercise the rule, not only the empty path.
    expect(switches).toBeGreaterThan(100);
    expect(grouped).toBeGreaterThan(50);
    expect(flagged).toBeGreaterThan(20);
    expect([...measures].sort()).toEqual(['costPerTraceUsd', 'latencyP95Ms', 'successRate']);
  });

  it('handles an empty selection and an unknown user', () => {
    const range = { from: BASE_MS, to: BASE_MS + 2 * DAY };
    const got = usage([], range, 'day', 'nobody');
    expect(got).toEqual({ granularity: 'day', models: [], changes: [], mix: [{ t: '2024-01-01T00:00:00.000Z', counts: {} }, { t: '2024-01-02T00:00:00.000Z', counts: {} }] });
  });
});

describe('rowsByStart', () => {
  it('merges several slices by start time, ties by row', () => {
    const at = (h: number) => new Date(BASE_MS + h * HOUR).toISOString();
    const traces: Trace[] = [
      { id: 'a1', userId: 'a', startTime: at(0), latencyMs: 1, status: 'ok' },
      { id: 'a2', userId: 'a', startTime: at(2), latencyMs: 1, status: 'ok' },
      { id: 'b1', userId: 'b', startTime: at(1), latencyMs: 1, status: 'ok' },
      { id: 'b2', userId: 'b', startTime: at(2), latencyMs: 1, status: 'ok' },
    ];
    const idx = buildTraceIndex([], traces);
    const range = { from: BASE_MS, to: BASE_MS + DAY };
    const rows = rowsByStart(idx, userSlices(idx, [1, 0], range));
    expect(Array.from(rows, (r) => idx.traces[r]!.id)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });
});

describe('model stats and mix', () => {
  it('groups traces without a model as "(unknown)", shares sum to 1, nulls for unknown cost', () => {
    const t0 = BASE_MS;
    const traces: Trace[] = [
      { id: 'a', userId: MAIN_USER, startTime: new Date(t0).toISOString(), latencyMs: 100, status: 'ok', model: 'gpt-4o' },
      { id: 'b', userId: MAIN_USER, startTime: new Date(t0 + HOUR).toISOString(), latencyMs: 300, status: 'error' },
      { id: 'c', userId: MAIN_USER, startTime: new Date(t0 + 2 * HOUR).toISOString(), latencyMs: 200, status: 'ok', model: 'gpt-4o', costUsd: 0.5 },
    ];
    const got = usage(traces, { from: t0, to: t0 + DAY }, 'day');
    expect(got.models).toEqual([
      { model: 'gpt-4o', traceCount: 2, share: 2 / 3, firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T02:00:00.000Z', successRate: 1, latencyP95Ms: 195, costPerTraceUsd: 0.5 },
      { model: '(unknown)', traceCount: 1, share: 1 / 3, firstSeen: '2024-01-01T01:00:00.000Z', lastSeen: '2024-01-01T01:00:00.000Z', successRate: 0, latencyP95Ms: 300, costPerTraceUsd: null },
    ]);
    expect(got.mix).toEqual([{ t: '2024-01-01T00:00:00.000Z', counts: { 'gpt-4o': 2, '(unknown)': 1 } }]);
    expect(got.changes).toEqual([]);
  });
});

describe('change detection', () => {
  it('reports a settled change of model at the first trace on the new model, from 30 traces a side', () => {
    // 30 on a, then 30 on b: one switch at b's first trace, whatever the bucket size.
    const traces = [...run('a', BASE_MS, HOUR, 30, 1), ...run('b', BASE_MS + 30 * HOUR, HOUR, 30, 1)];
    for (const g of ['hour', 'day', 'week'] as const) {
      const got = usage(traces, { from: BASE_MS, to: BASE_MS + 7 * DAY }, g);
      expect(got.changes.map((c) => [c.kind, c.at, c.from, c.to])).toEqual([['model-switch', '2024-01-02T06:00:00.000Z', 'a', 'b']]);
    }
    // 23 on b: b never holds 24 of 30, no switch.
    expect(usage(traces.slice(0, 53), { from: BASE_MS, to: BASE_MS + 7 * DAY }, 'day').changes).toEqual([]);
  });

  it('needs 24 of 30 traces on the new model: a 70/30 mix never settles on the minority', () => {
    const mixed = Array.from({ length: 300 }, (_, i): Trace => ({
      id: `m${String(i).padStart(3, '0')}`,
      userId: MAIN_USER,
      startTime: new Date(BASE_MS + i * 20 * MIN).toISOString(),
      latencyMs: 100,
      status: 'ok',
      model: i % 10 < 3 ? 'b' : 'a',
    }));
    expect(usage(mixed, { from: BASE_MS, to: BASE_MS + 7 * DAY }, 'hour').changes).toEqual([]);
  });

  it('places a gradual roll-out at the start of the roll-out, and a stray trace on the new model does not move it', () => {
    const before = run('a', BASE_MS, HOUR, 40, 1);
    before[20] = { ...before[20]!, model: 'b' }; // a stray b long before the roll-out
    // 20 traces alternating a/b, then b only.
    const rollout = run('a', BASE_MS + 40 * HOUR, HOUR, 20, 1).map((t, i) => (i % 2 === 1 ? { ...t, id: `r${i}`, model: 'b' } : t));
    const after = run('b', BASE_MS + 60 * HOUR, HOUR, 40, 1);
    const got = usage([...before, ...rollout, ...after], { from: BASE_MS, to: BASE_MS + 7 * DAY }, 'day');
    expect(got.changes.map((c) => [c.from, c.to, c.at])).toEqual([['a', 'b', '2024-01-02T17:00:00.000Z']]);
  });

  it('reports a switch back as a second switch', () => {
    const traces = [...run('a', BASE_MS, HOUR, 40, 1), ...run('b', BASE_MS + 40 * HOUR, HOUR, 40, 1), ...run('a', BASE_MS + 80 * HOUR, HOUR, 40, 1, { id: undefined })];
    const fixed = traces.map((t, i) => ({ ...t, id: `t${String(i).padStart(3, '0')}` }));
    const got = usage(fixed, { from: BASE_MS, to: BASE_MS + 7 * DAY }, 'week');
    expect(got.changes.map((c) => [c.from, c.to, c.before.traceCount, c.after.traceCount])).toEqual([
      ['a', 'b', 40, 40],
      ['b', 'a', 40, 40],
    ]);
  });

  it('reports a release first seen after unreleased traces with `from: null`', () => {
    const traces = [...run('a', BASE_MS, HOUR, 2, 1), ...run('a', BASE_MS + 2 * HOUR, HOUR, 2, 1, { release: 'v1' })];
    const got = usage(traces, { from: BASE_MS, to: BASE_MS + DAY }, 'day');
    expect(got.changes.map((c) => [c.kind, c.from, c.to])).toEqual([['release', null, 'v1']]);
  });

  it('reports each new release after the first trace, with the previous release as `from`', () => {
    const traces = [
      ...run('a', BASE_MS, HOUR, 3, 1, { release: 'v1' }),
      ...run('a', BASE_MS + 3 * HOUR, HOUR, 3, 1, { release: 'v2' }),
      ...run('a', BASE_MS + 6 * HOUR, HOUR, 3, 1, { release: 'v1' }),
    ];
    const got = usage(traces, { from: BASE_MS, to: BASE_MS + DAY }, 'day');
    expect(got.changes.map((c) => [c.kind, c.at, c.from, c.to, c.before.traceCount, c.after.traceCount])).toEqual([
      ['release', '2024-01-01T03:00:00.000Z', 'v1', 'v2', 3, 3],
    ]);
  });
});

describe('regression rule', () => {
  const w = (traceCount: number, okCount: number, p95: number | null = 100, cost: number | null = 0.01, costCount = traceCount): WindowStats => ({
    traceCount,
    okCount,
    successRate: traceCount === 0 ? null : okCount / traceCount,
    latencyP95Ms: p95,
    costPerTraceUsd: cost,
    costCount,
    latencies: new Float64Array(traceCount).fill(p95 ?? 0), // every trace at the p95: a shift of the whole window
  });

  it('flags success falling from 97 % to 84 % with 420 traces before and 388 after (windows of 200)', () => {
    const before = run('a', BASE_MS, 3 * MIN, 420, 0.97);
    const after = run('b', BASE_MS + DAY, 3 * MIN, 388, 0.84);
    const got = usage([...before, ...after], { from: BASE_MS, to: BASE_MS + 3 * DAY }, 'day');
    expect(got.changes).toHaveLength(1);
    const c = got.changes[0]!;
    expect(c).toMatchObject({ kind: 'model-switch', from: 'a', to: 'b', at: '2024-01-02T00:00:00.000Z', regression: true, regressedOn: ['successRate'] });
    expect(c.before).toMatchObject({ traceCount: 200, successRate: 0.97, latencyP95Ms: 800 });
    expect(c.before.costPerTraceUsd).toBeCloseTo(0.002, 12);
    expect(c.after).toMatchObject({ traceCount: 200, successRate: 0.84, latencyP95Ms: 800 });
    expect(twoProportionZ(194, 200, 168, 200)).toBeCloseTo(4.43, 2);
  });

  it('does not flag the same drop on a small sample (n < 30 each side)', () => {
    const before = run('a', BASE_MS, 3 * MIN, 25, 0.97, { release: 'v1' });
    const after = run('a', BASE_MS + DAY, 3 * MIN, 25, 0.6, { release: 'v2' });
    const c = usage([...before, ...after], { from: BASE_MS, to: BASE_MS + 3 * DAY }, 'day').changes[0]!;
    expect(c.before.traceCount).toBe(25);
    expect(c.regression).toBe(false);
    expect(c.regressedOn).toEqual([]);
  });

  it('needs both a ≥ 5-point drop and |z| ≥ 1.96', () => {
    expect(regressionMeasures(w(40, 38), w(40, 35))).toEqual([]); // 7.5 points, z ≈ 1.19
    expect(regressionMeasures(w(200, 200), w(200, 191))).toEqual([]); // z ≈ 3.0 but only 4.5 points
    expect(regressionMeasures(w(200, 200), w(200, 190))).toEqual(['successRate']); // exactly 5 points, z ≈ 3.2
    expect(regressionMeasures(w(29, 29), w(29, 10))).toEqual([]); // below the minimum sample
    expect(regressionMeasures(w(30, 30), w(30, 20))).toEqual(['successRate']);
  });

  it('does not flag a p95 rise carried by a handful of outliers (the slower share must rise significantly)', () => {
    const sorted = (xs: number[]) => Float64Array.from(xs).sort();
    const before = { ...w(60, 60, null), latencies: sorted([...Array(57).fill(800), 5000, 5000, 5000]) };
    const after = { ...w(60, 60, null), latencies: sorted([...Array(56).fill(800), 9000, 9000, 9000, 9000]) };
    before.latencyP95Ms = 5000 - 0.05 * 4200; // numpy p95 of `before`
    after.latencyP95Ms = 9000 - 0.05 * 8200;
    expect(after.latencyP95Ms / before.latencyP95Ms).toBeGreaterThan(1.25);
    expect(regressionMeasures(before, after)).toEqual([]);
    const shifted = { ...after, latencies: sorted([...Array(40).fill(800), ...Array(20).fill(9000)]) };
    expect(regressionMeasures(before, shifted)).toEqual(['latencyP95Ms']);
  });

  it('flags p95 latency and cost per trace rising by ≥ 25 %', () => {
    expect(regressionMeasures(w(30, 30, 100), w(30, 30, 125))).toEqual(['latencyP95Ms']);
    expect(regressionMeasures(w(30, 30, 100), w(30, 30, 124.9))).toEqual([]);
    expect(regressionMeasures(w(30, 30, 0), w(30, 30, 0))).toEqual([]);
    expect(regressionMeasures(w(50, 50, 100, 0.01), w(50, 50, 100, 0.0125))).toEqual(['costPerTraceUsd']);
    expect(regressionMeasures(w(50, 50, 100, 0.01, 29), w(50, 50, 100, 0.02, 50))).toEqual([]); // too few costed traces
    expect(regressionMeasures(w(50, 50, 100, null, 0), w(50, 50, 100, 0.02))).toEqual([]);
    expect(regressionMeasures(w(200, 194, 100, 0.01), w(200, 168, 200, 0.02))).toEqual(['successRate', 'latencyP95Ms', 'costPerTraceUsd']);
  });

  it('cuts windows by time, so traces sharing the change timestamp are all "after"', () => {
    const same = new Date(BASE_MS + DAY).toISOString();
    const traces: Trace[] = [
      ...run('a', BASE_MS, HOUR, 5, 1, { release: 'v1' }),
      { id: 'x', userId: MAIN_USER, startTime: same, latencyMs: 1, status: 'ok', model: 'a', release: 'v1' },
      { id: 'y', userId: MAIN_USER, startTime: same, latencyMs: 1, status: 'ok', model: 'a', release: 'v2' },
      { id: 'z', userId: MAIN_USER, startTime: same, latencyMs: 1, status: 'ok', model: 'a', release: 'v2' },
    ];
    const c = usage(traces, { from: BASE_MS, to: BASE_MS + 2 * DAY }, 'day').changes[0]!;
    expect(c.at).toBe(same);
    expect([c.before.traceCount, c.after.traceCount]).toEqual([3, 3]);
  });
});
