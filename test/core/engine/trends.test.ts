import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userSlices } from '../../../src/core/engine/selection';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { computeTrends } from '../../../src/core/engine/trends';
import { arbDatasetWithRange, arbGranularity, makeTrace } from '../arbitraries';
import { deepCloseDiff, refAllUsers, refTrends } from '../reference';

const RUNS = { numRuns: 1000 };
const ms = (iso: string): number => Date.parse(iso);

describe('computeTrends', () => {
  it('matches the reference for any users, range and granularity', () => {
    fc.assert(
      fc.property(
        arbDatasetWithRange().chain((c) =>
          fc.record({ ids: fc.subarray(refAllUsers(c.data).map((u) => u.id)), granularity: arbGranularity }).map((r) => ({ ...c, ...r })),
        ),
        ({ data, range, ids, granularity }) => {
          const idx = buildTraceIndex(data.users, data.traces, data.feedback);
          const slices = userSlices(idx, ids.map((id) => idx.userPos.get(id) as number), range);
          const expected = refTrends(data.traces.filter((t) => ids.includes(t.userId)), range, granularity);
          expect(deepCloseDiff(computeTrends(idx, slices, range, granularity), expected)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('aligns weeks to Monday 00:00 UTC and includes every overlapping bucket', () => {
    const idx = buildTraceIndex([], []);
    // Wednesday 3 Jan 2024 to Tuesday 16 Jan 2024: weeks of 1, 8 and 15 Jan.
    const trends = computeTrends(idx, [], { from: ms('2024-01-03T10:00:00Z'), to: ms('2024-01-16T00:00:00Z') }, 'week');
    expect(trends.buckets.map((b) => b.t)).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-08T00:00:00.000Z', '2024-01-15T00:00:00.000Z']);
    expect(trends.buckets[0]).toEqual({
      t: '2024-01-01T00:00:00.000Z', traceCount: 0, errorCount: 0, successRate: null,
      latencyP50Ms: null, latencyP95Ms: null, costUsd: null, tokens: null,
    });
  });

  it('puts a trace on a bucket edge in the bucket it starts, and drops traces at the range end', () => {
    const traces = [
      makeTrace('a', 'u', '2024-01-01T00:59:59.999Z'),
      makeTrace('b', 'u', '2024-01-01T01:00:00.000Z', { status: 'error', inputTokens: 5 }),
      makeTrace('c', 'u', '2024-01-01T03:00:00.000Z'),
    ];
    const idx = buildTraceIndex([], traces);
    const range = { from: ms('2024-01-01T00:30:00Z'), to: ms('2024-01-01T03:00:00Z') };
    const trends = computeTrends(idx, [{ lo: 0, hi: 3 }], range, 'hour');
    expect(trends.granularity).toBe('hour');
    expect(trends.buckets.map((b) => [b.t.slice(11, 16), b.traceCount, b.errorCount, b.successRate, b.tokens])).toEqual([
      ['00:00', 1, 0, 1, null],
      ['01:00', 1, 1, 0, 5],
      ['02:00', 0, 0, null, null],
    ]);
  });

  it('sums input and output tokens and known costs per bucket', () => {
    const traces = [
      makeTrace('a', 'u', '2024-01-01T05:00:00Z', { inputTokens: 10, outputTokens: 3, costUsd: 0.25 }),
      makeTrace('b', 'u', '2024-01-01T06:00:00Z', { outputTokens: 7 }),
    ];
    const idx = buildTraceIndex([], traces);
    const [day] = computeTrends(idx, [{ lo: 0, hi: 2 }], { from: ms('2024-01-01T00:00:00Z'), to: ms('2024-01-02T00:00:00Z') }, 'day').buckets;
    expect(day).toMatchObject({ traceCount: 2, tokens: 20, costUsd: 0.25, latencyP50Ms: 100 });
  });

  it('returns no buckets for an empty range', () => {
    const idx = buildTraceIndex([], []);
    expect(computeTrends(idx, [], { from: 5, to: 5 }, 'day')).toEqual({ granularity: 'day', buckets: [] });
  });
});
