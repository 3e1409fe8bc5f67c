import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/core/errors';
import type { MetadataValue } from '../../../src/core/model';
import type { DistributionMetric, UserSegment, UsersDistribution, UsersSegments } from '../../../src/core/results';
import { binIndex, distributionEdges, DISTRIBUTION_METRICS } from '../../../src/core/engine/distribution';
import { worstSegments } from '../../../src/core/engine/segments';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { aggregateUsers } from '../../../src/core/engine/users-aggregate';
import { computeUsersDistribution, computeUsersSegments } from '../../../src/core/engine/users-population';
import { plainDistribution, plainSegmentOrder } from '../../../src/testing/contract/reference-population';
import { arbDatasetWithRange, type Dataset } from '../arbitraries';
import { deepCloseDiff, refAllUsers, refInRange, refKeyMetrics, refUserRows } from '../reference';
import type { MsRange } from '../../../src/core/engine/time';

/** A row's value of `metric`, plainly (`errorRate` = errors / traces). */
/** A known user id or none; a dataset without users can only ask for none (constantFrom needs one value). */
function arbKnownUserIdOrNone(ids: string[]): fc.Arbitrary<string | undefined> {
  return ids.length > 0 ? fc.option(fc.constantFrom(...ids), { nil: undefined }) : fc.constant(undefined);
}

function refValue(row: { traceCount: number; errorCount: number; costUsd: number | null; latencyP95Ms: number | null }, metric: DistributionMetric): number | null {
  if (metric === 'errorRate') return row.errorCount / row.traceCount;
  return row[metric];
}

/** The distribution with plain loops over the reference users rows (the contract suite's {@link plainDistribution}). */
function refDistribution(data: Dataset, range: MsRange, metric: DistributionMetric, binCount: number, userId?: string): UsersDistribution {
  const rows = refUserRows(data, range);
  const values = rows.map((r) => refValue(r, metric));
  if (userId === undefined) return plainDistribution(metric, values, binCount);
  const row = rows.find((r) => r.user.id === userId);
  return plainDistribution(metric, values, binCount, { value: row === undefined ? null : refValue(row, metric) });
}

/** Segments with plain loops over the traces: active users grouped by metadata value, sorted, cut at `limit`. */
function refSegments(data: Dataset, range: MsRange, key: string, limit: number): UsersSegments {
  const groups: { value: MetadataValue; users: Set<string>; traces: Dataset['traces'] }[] = [];
  const users = refAllUsers(data);
  for (const t of data.traces) {
    if (!refInRange(t, range)) continue;
    const user = users.find((u) => u.id === t.userId)!;
    const value = Object.prototype.hasOwnProperty.call(user.metadata, key) ? (user.metadata[key] as MetadataValue) : null;
    let group = groups.find((g) => g.value === value);
    if (group === undefined) groups.push((group = { value, users: new Set(), traces: [] }));
    group.users.add(user.id);
    group.traces.push(t);
  }
  const segments: UserSegment[] = groups.map((g) => {
    const m = refKeyMetrics(g.traces);
    return {
      value: g.value,
      userCount: g.users.size,
      traceCount: m.traceCount,
      errorRate: m.errorCount / m.traceCount,
      latencyP50Ms: m.latencyP50Ms,
      latencyP95Ms: m.latencyP95Ms,
      costUsd: m.costUsd,
      costPerTraceUsd: m.costPerTraceUsd,
    };
  });
  segments.sort(plainSegmentOrder);
  return { key, segments: segments.slice(0, limit), omittedCount: Math.max(0, segments.length - limit) };
}

describe('distributionEdges and binIndex', () => {
  const arbSpan = fc
    .tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

  it('gives at most binCount equal "nice" bins from a multiple of the width, covering min and max', () => {
    fc.assert(
      fc.property(arbSpan, fc.integer({ min: 1, max: 100 }), fc.constantFrom(...DISTRIBUTION_METRICS), ([min, max], bins, metric) => {
        const edges = distributionEdges(min, max, bins, metric);
        expect(edges.length - 1).toBeGreaterThanOrEqual(1);
        expect(edges.length - 1).toBeLessThanOrEqual(bins);
        if (min === max) {
          expect(edges).toEqual([min, max]);
          return;
        }
        const width = (edges[1] as number) - (edges[0] as number);
        const [mantissa] = width.toExponential(6).split('e').map(Number);
        expect([1, 2, 5, 10]).toContainEqual(Math.round(mantissa as number));
        if (metric === 'traceCount') expect(width).toBeGreaterThanOrEqual(1);
        for (let i = 1; i < edges.length; i++) expect((edges[i] as number) - (edges[i - 1] as number)).toBeCloseTo(width, 6);
        expect(edges[0]).toBeLessThanOrEqual(min * (1 + 1e-12));
        expect(edges[edges.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-12));
      }),
      { numRuns: 500 },
    );
  });

  it('bins a value like comparing it with every edge, the last bin closed, outside values at the ends', () => {
    fc.assert(
      fc.property(arbSpan, fc.integer({ min: 1, max: 30 }), fc.double({ min: -1, max: 2e7, noNaN: true }), ([min, max], bins, value) => {
        const edges = distributionEdges(min, max, bins, 'costUsd');
        let expected = 0;
        for (let i = 0; i < edges.length - 1; i++) if ((edges[i] as number) <= value) expected = i;
        expect(binIndex(edges, value)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('uses whole, nice widths: 0..7 traces in 20 bins are 7 bins of one; error rates 0..1 in 10 bins of 0.1', () => {
    expect(distributionEdges(0, 7, 20, 'traceCount')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(distributionEdges(0, 1, 10, 'errorRate')).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(distributionEdges(0.0031, 0.0178, 5, 'costUsd')).toEqual([0, 0.005, 0.01, 0.015, 0.02]);
    expect(distributionEdges(830, 2100, 20, 'latencyP95Ms')).toEqual(Array.from({ length: 14 }, (_, i) => 800 + 100 * i));
    expect(() => distributionEdges(0, 1, 101, 'costUsd')).toThrow(ProviderError);
  });
});

describe('computeUsersDistribution', () => {
  it('matches plain loops over the reference users rows, position included', () => {
    const arb = arbDatasetWithRange({ maxUsers: 8, maxTraces: 80 }).chain((c) =>
      fc.record({
        metric: fc.constantFrom(...DISTRIBUTION_METRICS),
        binCount: fc.integer({ min: 1, max: 12 }),
        userId: arbKnownUserIdOrNone(refAllUsers(c.data).map((u) => u.id)),
      }).map((r) => ({ ...c, ...r })),
    );
    fc.assert(
      fc.property(arb, ({ data, range, metric, binCount, userId }) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const actual = computeUsersDistribution(idx, aggregateUsers(idx, range), metric, binCount, userId);
        expect(deepCloseDiff(actual, refDistribution(data, range, metric, binCount, userId))).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('rejects an unknown user with not-found naming userId', () => {
    const idx = buildTraceIndex([], []);
    expect(() => computeUsersDistribution(idx, aggregateUsers(idx, { from: 0, to: 1 }), 'costUsd', 20, 'nobody')).toThrow(
      expect.objectContaining({ code: 'not-found', field: 'userId' }),
    );
  });
});

describe('computeUsersSegments', () => {
  it('matches plain loops over the traces for any metadata key and limit', () => {
    const arb = arbDatasetWithRange({ maxUsers: 10, maxTraces: 80 }).chain((c) =>
      fc.record({ key: fc.constantFrom('plan', 'region', 'tier', 'absent'), limit: fc.integer({ min: 1, max: 5 }) }).map((r) => ({ ...c, ...r })),
    );
    fc.assert(
      fc.property(arb, ({ data, range, key, limit }) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const actual = computeUsersSegments(idx, aggregateUsers(idx, range), key, limit);
        expect(deepCloseDiff(actual, refSegments(data, range, key, limit))).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});

describe('worstSegments', () => {
  const seg = (value: string, traceCount: number, errorRate: number | null, latencyP95Ms: number | null, costPerTraceUsd: number | null): UserSegment => ({
    value, userCount: 1, traceCount, errorRate, latencyP50Ms: latencyP95Ms, latencyP95Ms, costUsd: costPerTraceUsd, costPerTraceUsd,
  });

  it('marks the highest value per measure among segments with ≥ 5 traces; ties and lone segments mark none', () => {
    const segments = [seg('free', 40, 0.1, 900, 0.01), seg('pro', 20, 0.3, 900, null), seg('tiny', 4, 0.9, 5000, 1), seg('eu', 10, 0.05, 400, 0.02)];
    expect(worstSegments(segments)).toEqual({ errorRate: 1, latencyP95Ms: null, costPerTraceUsd: 3 });
    expect(worstSegments([seg('only', 50, 0.5, 100, 1)])).toEqual({ errorRate: null, latencyP95Ms: null, costPerTraceUsd: null });
  });
});
