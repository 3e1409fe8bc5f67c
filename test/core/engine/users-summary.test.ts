import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../arbitraries';
import type { Trace } from '../../../src/core/model';
import type { UsersSummary } from '../../../src/core/results';
import { DAY_MS, type MsRange } from '../../../src/core/engine/time';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { createUsersCache, queryUsers } from '../../../src/core/engine/users';
import { summarizeUsers } from '../../../src/core/engine/users-summary';
import { arbDataset, arbDatasetWithRange, arbRangeFor, makeTrace } from '../arbitraries';
import { deepCloseDiff, refUserRows, startOf } from '../reference';

/**
 * The totals of docs/metrics.md with plain loops over the traces (attention from the reference users list);
 * `unattributed` are the start times of traces without a user id, counted apart.
 */
function refSummary(data: Dataset, range: MsRange, unattributed: readonly number[] = []): UsersSummary {
  const everSeen = new Set<string>();
  const active = new Set<string>();
  const firstStart = new Map<string, number>();
  for (const t of data.traces) firstStart.set(t.userId, Math.min(firstStart.get(t.userId) ?? Infinity, startOf(t)));
  let traces = 0;
  let errors = 0;
  let cost: number | null = null;
  for (const t of data.traces) {
    const start = startOf(t);
    if (start < range.to) everSeen.add(t.userId);
    if (start < range.from || start >= range.to) continue;
    active.add(t.userId);
    traces++;
    if (t.status === 'error') errors++;
    if (typeof t.costUsd === 'number') cost = (cost ?? 0) + t.costUsd;
  }
  return {
    userCount: everSeen.size,
    activeUserCount: active.size,
    attentionUserCount: refUserRows(data, range).filter((r) => r.attention.length > 0).length,
    traceCount: traces,
    errorRate: traces === 0 ? null : errors / traces,
    costUsd: cost,
    newUserCount: [...firstStart.values()].filter((first) => first >= range.from && first < range.to).length,
    unattributedTraceCount: unattributed.filter((start) => start >= range.from && start < range.to).length,
  };
}

describe('summarizeUsers', () => {
  it('matches plain loops over the traces for any dataset and range', () => {
    fc.assert(
      fc.property(arbDatasetWithRange({ maxUsers: 8, maxTraces: 80 }), ({ data, range }) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        expect(deepCloseDiff(summarizeUsers(idx, range), refSummary(data, range))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('keeps unattributed traces out of every figure and counts them apart', () => {
    const arb = arbDatasetWithRange({ maxUsers: 6, maxTraces: 60 }).chain(({ data, range }) =>
      fc.record({
        data: fc.constant(data),
        range: fc.constant(range),
        unattributed: fc.array(fc.integer({ min: range.from - 5 * DAY_MS, max: range.to + 5 * DAY_MS }), { maxLength: 20 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ data, range, unattributed }) => {
        const anonymous: Trace[] = unattributed.map((ms, i) => ({ ...makeTrace(`anon${i}`, 'x', new Date(ms).toISOString()), userId: null }));
        const idx = buildTraceIndex(data.users, [...anonymous, ...data.traces], data.feedback);
        expect(deepCloseDiff(summarizeUsers(idx, range), refSummary(data, range, unattributed))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the users list it shares its cache with, cached or not', () => {
    const arb = arbDataset({ maxUsers: 12, maxTraces: 100 }).chain((data) =>
      fc.record({ data: fc.constant(data), ranges: fc.array(arbRangeFor(data), { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(arb, ({ data, ranges }) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const cache = createUsersCache(idx, 2);
        for (const range of ranges) {
          const summary = summarizeUsers(idx, range, cache);
          expect(summary).toEqual(summarizeUsers(idx, range));
          const rows = queryUsers(idx, { range, pagination: { pageIndex: 0, pageSize: 1000 } }, cache).rows;
          expect(summary.activeUserCount).toBe(rows.length);
          expect(summary.attentionUserCount).toBe(rows.filter((r) => r.attention.length > 0).length);
          expect(summary.traceCount).toBe(rows.reduce((n, r) => n + r.traceCount, 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts all-time users before the end, and leaves error rate and cost unknown when nothing is known', () => {
    const users = [
      { id: 'a', metadata: {} },
      { id: 'idle', metadata: {} },
    ];
    const traces = [
      makeTrace('t1', 'a', '2024-01-01T00:00:00Z'),
      makeTrace('t2', 'b', '2024-01-05T00:00:00Z'),
      makeTrace('t3', 'c', '2024-02-01T00:00:00Z'),
    ];
    const idx = buildTraceIndex(users, traces);
    const empty = { from: Date.UTC(2024, 0, 10), to: Date.UTC(2024, 0, 20) };
    expect(summarizeUsers(idx, empty)).toEqual({
      userCount: 2,
      activeUserCount: 0,
      attentionUserCount: 0,
      traceCount: 0,
      errorRate: null,
      costUsd: null,
      newUserCount: 0,
      unattributedTraceCount: 0,
    });
    expect(summarizeUsers(idx, { from: Date.UTC(2024, 0, 3), to: Date.UTC(2024, 1, 2) })).toMatchObject({ activeUserCount: 2, newUserCount: 2 });
  });

  it('rejects a cache of another index', () => {
    const idx = buildTraceIndex([], []);
    expect(() => summarizeUsers(idx, { from: 0, to: 1 }, createUsersCache(buildTraceIndex([], [])))).toThrow(/another index/);
  });
});
