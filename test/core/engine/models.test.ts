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
    let changes = 0;
    const measures = new Set<string>();
    fc.assert(
      fc.property(tracesArb, granularityArb, (traces, g) => {
        const got = usage(traces, wide, g);
        changes += got.changes.length;
        flagged += got.changes.filter((c) => c.regression).length;
        for (const c of got.changes) for (const m of c.regressedOn) measures.add(m);
        assertDeepClose(got, refModelUsage(traces, MAIN_USER, wide, g));
      }),
      { numRuns: 1000 },
    );
    // The arbitrary must actually exercise the rule, not only the empty path.
    expect(changes).toBeGreaterThan(500);
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
  it('reports a dominant-model change at the first trace on the new model in that bucket', () => {
    // Day 0: a ×10. Day 1: a ×4, b ×6 → b dominant (b is also new and ≥ 20 %: one event, not two).
    const traces = [...run('a', BASE_MS, HOUR, 10, 1), ...run('a', BASE_MS + DAY, HOUR, 4, 1), ...run('b', BASE_MS + DAY + 30 * MIN, HOUR, 6, 1)];
    const got = usage(traces, { from: BASE_MS, to: BASE_MS + 2 * DAY }, 'day');
    expect(got.changes.map((c) => [c.kind, c.at, c.from, c.to])).toEqual([['model-switch', '2024-01-02T00:30:00.000Z', 'a', 'b']]);
  });

  it('reports a new model taking ≥ 20 % of a bucket even when it is not dominant, and not below 20 %', () => {
    const a0 = run('a', BASE_MS, HOUR, 10, 1);
    const at20 = [...a0, ...run('a', BASE_MS + DAY, HOUR, 8, 1), ...run('b', BASE_MS + DAY + 10 * MIN, HOUR, 2, 1)];
    const below = [...a0, ...run('a', BASE_MS + DAY, HOUR, 9, 1), ...run('c', BASE_MS + DAY + 10 * MIN, HOUR, 2, 1)];
    const range = { from: BASE_MS, to: BASE_MS + 2 * DAY };
    expect(usage(at20, range, 'day').changes.map((c) => [c.from, c.to])).toEqual([['a', 'b']]);
    expect(usage(below, range, 'day').changes).toEqual([]);
  });

  it('keeps the previous dominant model on a tie, and never reports the first bucket', () => {
    const traces = [
      ...run('a', BASE_MS, HOUR, 3, 1),
      ...run('b', BASE_MS + 10 * MIN, HOUR, 3, 1), // day 0: a/b tie, a used first → a dominant, no event (baseline)
      ...run('b', BASE_MS + DAY, HOUR, 2, 1),
      ...run('a', BASE_MS + DAY + 10 * MIN, HOUR, 2, 1), // day 1: tie again, a stays
    ];
    expect(usage(traces, { from: BASE_MS, to: BASE_MS + 2 * DAY }, 'day').changes).toEqual([]);
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
    const before = run('a', BASE_MS, 3 * MIN, 25, 0.97);
    const after = run('b', BASE_MS + DAY, 3 * MIN, 25, 0.6);
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
      ...run('a', BASE_MS, HOUR, 5, 1),
      { id: 'x', userId: MAIN_USER, startTime: same, latencyMs: 1, status: 'ok', model: 'a' },
      { id: 'y', userId: MAIN_USER, startTime: same, latencyMs: 1, status: 'ok', model: 'b' },
      { id: 'z', userId: MAIN_USER, startTime: same, latencyMs: 1, status: 'ok', model: 'b' },
    ];
    const c = usage(traces, { from: BASE_MS, to: BASE_MS + 2 * DAY }, 'day').changes[0]!;
    expect(c.at).toBe(same);
    expect([c.before.traceCount, c.after.traceCount]).toEqual([3, 3]);
  });
});
