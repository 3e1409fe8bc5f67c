import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/core/errors';
import { computeKeyMetrics, computeUserMetrics } from '../../../src/core/engine/metrics';
import { userSlices } from '../../../src/core/engine/selection';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { arbCohort, arbDatasetWithRange, makeTrace } from '../arbitraries';
import { deepCloseDiff, refAllUsers, refInRange, refKeyMetrics, refUserMetrics } from '../reference';

const RUNS = { numRuns: 1000 };

describe('computeKeyMetrics', () => {
  it('matches the reference on any subset of users and range', () => {
    fc.assert(
      fc.property(
        arbDatasetWithRange().chain((c) => fc.subarray(refAllUsers(c.data).map((u) => u.id)).map((ids) => ({ ...c, ids }))),
        ({ data, range, ids }) => {
          const idx = buildTraceIndex(data.users, data.traces, data.feedback);
          const positions = ids.map((id) => idx.userPos.get(id) as number);
          const actual = computeKeyMetrics(idx, userSlices(idx, positions, range));
          const expected = refKeyMetrics(data.traces.filter((t) => ids.includes(t.userId) && refInRange(t, range)));
          expect(deepCloseDiff(actual, expected)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('returns zero counts and null numbers for an empty selection', () => {
    const idx = buildTraceIndex([], []);
    expect(computeKeyMetrics(idx, [])).toEqual({
      traceCount: 0, conversationCount: 0, activeDays: 0, errorCount: 0, successRate: null, topErrorType: null,
      latencyAvgMs: null, latencyP50Ms: null, latencyP95Ms: null, costUsd: null, costPerTraceUsd: null,
      inputTokens: null, outputTokens: null,
    });
  });

  it('picks the most frequent error type, ties alphabetical, ignoring untyped errors', () => {
    const traces = [
      makeTrace('1', 'u', '2024-01-01T00:00:00Z', { status: 'error', errorType: 'TimeoutError' }),
      makeTrace('2', 'u', '2024-01-01T01:00:00Z', { status: 'error', errorType: 'RateLimitError' }),
      makeTrace('3', 'u', '2024-01-01T02:00:00Z', { status: 'error' }),
      makeTrace('4', 'u', '2024-01-01T03:00:00Z', { status: 'error' }),
    ];
    const idx = buildTraceIndex([], traces);
    const m = computeKeyMetrics(idx, [{ lo: 0, hi: 4 }]);
    expect(m.topErrorType).toBe('RateLimitError');
    expect(m.errorCount).toBe(4);
    expect(m.successRate).toBe(0);
  });

  it('counts distinct UTC days and conversations, and keeps partial cost/tokens as sums of the known ones', () => {
    const traces = [
      makeTrace('1', 'u', '2024-01-01T23:59:59.999Z', { conversationId: 'a', costUsd: 0.5, inputTokens: 10 }),
      makeTrace('2', 'u', '2024-01-02T00:00:00.000Z', { conversationId: 'a' }),
      makeTrace('3', 'u', '2024-01-02T12:00:00.000Z', { conversationId: 'b', costUsd: 0.25, latencyMs: 400 }),
    ];
    const m = computeKeyMetrics(buildTraceIndex([], traces), [{ lo: 0, hi: 3 }]);
    expect(m).toMatchObject({ activeDays: 2, conversationCount: 2, costUsd: 0.75, costPerTraceUsd: 0.375, inputTokens: 10, outputTokens: null });
    expect(m.latencyAvgMs).toBe(200);
    expect(m.latencyP50Ms).toBe(100);
    expect(m.latencyP95Ms).toBeCloseTo(370, 9);
  });
});

describe('computeUserMetrics', () => {
  it('matches the reference for current, previous, cohort and population', () => {
    fc.assert(
      fc.property(
        arbDatasetWithRange().chain((c) =>
          fc
            .record({ userId: fc.constantFrom(...refAllUsers(c.data).map((u) => u.id), 'ghost'), cohort: arbCohort, population: fc.boolean() })
            .map((r) => ({ ...c, ...r })),
        ),
        ({ data, range, userId, cohort, population }) => {
          const idx = buildTraceIndex(data.users, data.traces, data.feedback);
          if (!idx.userPos.has(userId)) {
            expect(() => computeUserMetrics(idx, userId, range, cohort)).toThrow(ProviderError);
            return;
          }
          const actual = computeUserMetrics(idx, userId, range, cohort, population);
          expect(deepCloseDiff(actual, refUserMetrics(data, userId, range, cohort, population))).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('uses the previous period of equal length ending at the range start', () => {
    const traces = [
      makeTrace('old', 'u', '2024-01-01T00:00:00Z'),
      makeTrace('edge', 'u', '2024-01-02T00:00:00Z'),
      makeTrace('new', 'u', '2024-01-02T12:00:00Z'),
    ];
    const idx = buildTraceIndex([{ id: 'u', metadata: {} }], traces);
    const range = { from: Date.parse('2024-01-02T00:00:00Z'), to: Date.parse('2024-01-03T00:00:00Z') };
    const m = computeUserMetrics(idx, 'u', range);
    expect(m.current.traceCount).toBe(2);
    expect(m.previous.traceCount).toBe(1);
    expect(m.cohort).toBeUndefined();
  });

  it('counts cohort members with traces in range', () => {
    const users = [
      { id: 'a', metadata: { plan: 'pro' } },
      { id: 'b', metadata: { plan: 'pro' } },
      { id: 'c', metadata: { plan: 'free' } },
    ];
    const traces = [makeTrace('1', 'a', '2024-01-01T00:00:00Z'), makeTrace('2', 'c', '2024-01-01T00:00:00Z', { latencyMs: 900 })];
    const idx = buildTraceIndex(users, traces);
    const m = computeUserMetrics(idx, 'c', { from: Date.parse('2024-01-01T00:00:00Z'), to: Date.parse('2024-01-02T00:00:00Z') }, { key: 'plan', value: 'pro' });
    expect(m.cohort).toMatchObject({ userCount: 1, traceCount: 1, latencyP50Ms: 100 });
  });

  it('rejects an unknown user with not-found naming userId', () => {
    const idx = buildTraceIndex([], []);
    try {
      computeUserMetrics(idx, 'nobody', { from: 0, to: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProviderError);
      expect(e).toMatchObject({ code: 'not-found', field: 'userId' });
    }
  });
});
