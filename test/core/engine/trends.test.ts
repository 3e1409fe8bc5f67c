import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userSlices } from '../../../src/core/engine/selection';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { ProviderError } from '../../../src/core/errors';
import type { Trace, User } from '../../../src/core/model';
import { computeTrends, computeUserTrends } from '../../../src/core/engine/trends';
import { arbCohort, arbDatasetWithRange, arbGranularity, makeTrace } from '../arbitraries';
import { deepCloseDiff, refAllUsers, refInRange, refTrends, refUserTrends } from '../reference';

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

/** A dataset and range with a user (or an unknown one), a granularity and maybe a cohort. */
const arbUserTrendsCase = arbDatasetWithRange().chain((c) =>
  fc
    .record({ userId: fc.constantFrom(...refAllUsers(c.data).map((u) => u.id), 'ghost'), granularity: arbGranularity, cohort: arbCohort })
    .map((r) => ({ ...c, ...r })),
);

describe('computeUserTrends', () => {
  it('matches the reference for the user and the cohort', () => {
    fc.assert(
      fc.property(arbUserTrendsCase, ({ data, range, userId, granularity, cohort }) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        if (!idx.userPos.has(userId)) {
          expect(() => computeUserTrends(idx, userId, range, granularity, cohort)).toThrow(ProviderError);
          return;
        }
        const actual = computeUserTrends(idx, userId, range, granularity, cohort);
        expect(deepCloseDiff(actual, refUserTrends(data, userId, range, granularity, cohort))).toBeNull();
      }),
      RUNS,
    );
  });

  it("gives the cohort the user's buckets, each as computeTrends over the cohort's traces picked by plain loops", () => {
    fc.assert(
      fc.property(
        arbUserTrendsCase.filter((c) => c.cohort !== undefined && c.userId !== 'ghost'),
        ({ data, range, userId, granularity, cohort }) => {
          const { key, value } = cohort as NonNullable<typeof cohort>;
          const members = new Set<string>();
          for (const u of refAllUsers(data)) if (Object.prototype.hasOwnProperty.call(u.metadata, key) && u.metadata[key] === value) members.add(u.id);
          const traces: Trace[] = [];
          const active = new Set<string>();
          for (const t of data.traces) {
            if (members.has(t.userId) && refInRange(t, range)) {
              traces.push(t);
              active.add(t.userId);
            }
          }
          const got = computeUserTrends(buildTraceIndex(data.users, data.traces, data.feedback), userId, range, granularity, cohort);
          const alone = computeTrends(buildTraceIndex([], traces), [{ lo: 0, hi: traces.length }], range, granularity);
          expect(got.cohort?.userCount).toBe(active.size);
          expect(got.cohort?.buckets.map((b) => b.t)).toEqual(got.buckets.map((b) => b.t));
          expect(deepCloseDiff(got.cohort?.buckets, alone.buckets)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('adds no cohort when none is asked for, and an empty one for a value nobody has', () => {
    const users: User[] = [{ id: 'a', metadata: { plan: 'pro' } }, { id: 'b', metadata: { plan: 'pro' } }, { id: 'c', metadata: {} }];
    const traces = [makeTrace('1', 'a', '2024-01-01T01:00:00Z'), makeTrace('2', 'b', '2024-01-01T01:30:00Z', { status: 'error' })];
    const idx = buildTraceIndex(users, traces);
    const range = { from: ms('2024-01-01T00:00:00Z'), to: ms('2024-01-01T03:00:00Z') };
    expect(computeUserTrends(idx, 'c', range, 'hour').cohort).toBeUndefined();
    const pro = computeUserTrends(idx, 'c', range, 'hour', { key: 'plan', value: 'pro' }).cohort;
    expect(pro?.userCount).toBe(2);
    expect(pro?.buckets.map((b) => [b.t.slice(11, 16), b.traceCount, b.errorCount])).toEqual([['00:00', 0, 0], ['01:00', 2, 1], ['02:00', 0, 0]]);
    const nobody = computeUserTrends(idx, 'c', range, 'hour', { key: 'plan', value: 'team' }).cohort;
    expect(nobody).toEqual({ userCount: 0, buckets: pro?.buckets.map((b) => ({ ...b, traceCount: 0, errorCount: 0, successRate: null, latencyP50Ms: null, latencyP95Ms: null, costUsd: null, tokens: null })) });
  });
});
