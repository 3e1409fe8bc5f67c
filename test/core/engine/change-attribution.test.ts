/**
 * Issue 17's crafted cases: a harmless release followed by a harmful model switch (each regression blamed on its own
 * change), changes too close to tell apart (one group, said so), and even mixes of two models (no phantom switches
 * at any granularity).
 */
import { describe, expect, it } from 'vitest';
import type { Granularity, Trace } from '../../../src/core/model';
import { computeModelUsage } from '../../../src/core/engine/models';
import { userSlices } from '../../../src/core/engine/selection';
import type { MsRange } from '../../../src/core/engine/time';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { refModelUsage } from '../reference-models';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 2024-01-01. */
const T0 = Date.UTC(2024, 0, 1);
const RANGE: MsRange = { from: T0, to: T0 + 30 * DAY };
const GRANULARITIES: Granularity[] = ['hour', 'day', 'week'];

function usage(traces: Trace[], g: Granularity, range = RANGE) {
  const idx = buildTraceIndex([], traces);
  const u = idx.userPos.get('u');
  const got = computeModelUsage(idx, u === undefined ? [] : userSlices(idx, [u], range), range, g);
  expect(got).toEqual(refModelUsage(traces, 'u', range, g));
  return got;
}

/** One trace per hour for `days` days from day `from`; `at(h)` gives the fields that vary by hour index. */
function hourly(fromDay: number, days: number, at: (h: number) => Partial<Trace>): Trace[] {
  return Array.from({ length: days * 24 }, (_, h): Trace => {
    const start = T0 + fromDay * DAY + h * HOUR;
    return {
      id: `t${String(fromDay * 24 + h).padStart(4, '0')}`,
      userId: 'u',
      startTime: new Date(start).toISOString(),
      latencyMs: 800 + (h % 5) * 10,
      status: h % 25 === 0 ? 'error' : 'ok',
      costUsd: 0.002,
      ...at(h),
    };
  });
}

/** Days 0–9 release 1.8.0 on gpt-4o-mini; day 10 release 1.9.0 (harmless); day 15 gpt-4.1 (slower, dearer). */
function releaseThenSwitch(): Trace[] {
  return [
    ...hourly(0, 10, () => ({ model: 'gpt-4o-mini', release: '1.8.0' })),
    ...hourly(10, 5, () => ({ model: 'gpt-4o-mini', release: '1.9.0' })),
    ...hourly(15, 15, (h) => ({ model: 'gpt-4.1', release: '1.9.0', latencyMs: 1400 + (h % 5) * 10, costUsd: 0.004 })),
  ];
}

describe('change attribution (issue 17)', () => {
  it('blames the harmful model switch, not the harmless release before it, at every granularity', () => {
    for (const g of GRANULARITIES) {
      const { changes } = usage(releaseThenSwitch(), g);
      expect(changes.map((c) => [c.kind, c.at, c.to, c.regressedOn])).toEqual([
        ['release', '2024-01-11T00:00:00.000Z', '1.9.0', []],
        ['model-switch', '2024-01-16T00:00:00.000Z', 'gpt-4.1', ['latencyP95Ms', 'costPerTraceUsd']],
      ]);
      const [release, modelSwitch] = changes;
      // The release's after window stops at the switch (5 days = 120 traces); the switch's before window at the release.
      expect([release!.before.traceCount, release!.after.traceCount]).toEqual([120, 120]);
      expect([modelSwitch!.before.traceCount, modelSwitch!.after.traceCount]).toEqual([120, 120]);
      expect(changes.every((c) => c.overlapsWith === undefined)).toBe(true);
    }
  });

  it('measures changes too close to tell apart as one group and says so on each', () => {
    // The release lands 10 traces before the switch: fewer than 30 apart.
    const traces = releaseThenSwitch().map((t, i) => (i >= 15 * 24 - 10 ? { ...t, release: '1.9.0' } : { ...t, release: '1.8.0' }));
    const { changes } = usage(traces, 'day');
    expect(changes.map((c) => [c.kind, c.to, c.overlapsWith])).toEqual([
      ['release', '1.9.0', [{ kind: 'model-switch', at: '2024-01-16T00:00:00.000Z', to: 'gpt-4.1' }]],
      ['model-switch', 'gpt-4.1', [{ kind: 'release', at: '2024-01-15T14:00:00.000Z', to: '1.9.0' }]],
    ]);
    // Shared windows: before ends at the release, after starts at the switch; one verdict for the group.
    expect(changes[0]!.before).toEqual(changes[1]!.before);
    expect(changes[0]!.after).toEqual(changes[1]!.after);
    expect(changes.map((c) => c.regressedOn)).toEqual([
      ['latencyP95Ms', 'costPerTraceUsd'],
      ['latencyP95Ms', 'costPerTraceUsd'],
    ]);
  });

  it('groups a release and a switch at the same instant', () => {
    const traces = releaseThenSwitch().map((t, i) => ({ ...t, release: i >= 15 * 24 ? '2.0.0' : '1.8.0' }));
    const { changes } = usage(traces, 'week');
    expect(changes.map((c) => [c.kind, c.at, c.overlapsWith?.map((o) => o.to)])).toEqual([
      ['model-switch', '2024-01-16T00:00:00.000Z', ['2.0.0']],
      ['release', '2024-01-16T00:00:00.000Z', ['gpt-4.1']],
    ]);
  });

  it('finds no switch in a user alternating two models evenly, at any granularity', () => {
    const traces = hourly(0, 30, (h) => ({ model: h % 2 === 0 ? 'gpt-4o' : 'claude-3-5-sonnet' }));
    for (const g of GRANULARITIES) expect(usage(traces, g).changes).toEqual([]);
  });

  it('finds no switch in a seeded random 50/50 mix, at any granularity', () => {
    let seed = 17;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const traces = hourly(0, 30, () => ({ model: random() < 0.5 ? 'gpt-4o' : 'claude-3-5-sonnet' }));
    for (const g of GRANULARITIES) expect(usage(traces, g).changes).toEqual([]);
  });
});
