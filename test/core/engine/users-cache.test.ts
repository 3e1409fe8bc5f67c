import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { createUsersCache, queryUsers } from '../../../src/core/engine/users';
import { arbDataset, arbRangeFor, makeTrace, WHOLE_GRID } from '../arbitraries';
import { arbUsersParams } from '../arbitraries-users';

/** A dataset with users in any order, a few ranges over it, a sequence of queries on them and a cache size. */
const arbSession = (options: { maxUsers: number; maxTraces: number }) =>
  arbDataset(options).chain((data) =>
    fc.record({
      data: fc.shuffledSubarray(data.users, { minLength: data.users.length }).map((users) => ({ ...data, users })),
      ranges: fc.array(arbRangeFor(data), { minLength: 1, maxLength: 4 }),
      queries: fc.array(fc.record({ range: fc.nat(), params: arbUsersParams }), { minLength: 1, maxLength: 12 }),
      maxRanges: fc.integer({ min: 0, max: 3 }),
    }),
  );

describe('queryUsers with a users cache', () => {
  it.each([
    ['small lists (full sorts, string-order walks)', { maxUsers: 6, maxTraces: 60 }, 500],
    ['longer lists (bounded-heap top k on cached columns)', { maxUsers: 40, maxTraces: 160 }, 150],
  ])('answers every query of a random sequence exactly like an uncached query: %s', (_name, options, numRuns) => {
    fc.assert(
      fc.property(arbSession(options), ({ data, ranges, queries, maxRanges }) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const fresh = buildTraceIndex(data.users, data.traces, data.feedback);
        const cache = createUsersCache(idx, maxRanges);
        for (const { range: r, params } of queries) {
          const range = ranges[r % ranges.length];
          const cached = queryUsers(idx, { range, ...params }, cache);
          expect(cached).toEqual(queryUsers(fresh, { range, ...params }));
          expect(cache.ranges().length).toBeLessThanOrEqual(maxRanges);
          if (maxRanges > 0) expect(cache.ranges().at(-1)).toEqual(range);
        }
      }),
      { numRuns },
    );
  });

  const users = [
    { id: 'b', displayName: 'Bob', metadata: { plan: 'pro' } },
    { id: 'a', displayName: 'ann', metadata: { plan: 'free' } },
  ];
  const traces = [makeTrace('t1', 'a', '2024-01-02T00:00:00Z'), makeTrace('t2', 'b', '2024-01-03T00:00:00Z')];
  const JAN = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 8) };
  const FEB = { from: Date.UTC(2024, 1, 1), to: Date.UTC(2024, 1, 8) };

  it('keeps the most recently used ranges and reuses their aggregates', () => {
    const idx = buildTraceIndex(users, traces);
    const cache = createUsersCache(idx, 2);
    const jan = cache.entry(JAN);
    expect(cache.entry({ ...JAN })).toBe(jan);
    cache.entry(FEB);
    cache.entry(JAN);
    cache.entry(WHOLE_GRID);
    expect(cache.ranges()).toEqual([JAN, WHOLE_GRID]);
    expect(cache.entry(JAN)).toBe(jan);
    expect(cache.entry(FEB)).not.toBe(jan);
    expect(queryUsers(idx, { range: JAN, sorting: [{ id: 'user', desc: false }] }, cache).rows.map((r) => r.user.id)).toEqual(['a', 'b']);
    expect(jan.columns.size).toBe(0);
    queryUsers(idx, { range: JAN, sorting: [{ id: 'traceCount', desc: true }] }, cache);
    expect([...jan.columns.keys()]).toEqual(['traceCount']);
  });

  it('holds nothing with maxRanges 0, rejects a bad size and a cache of another index', () => {
    const idx = buildTraceIndex(users, traces);
    const none = createUsersCache(idx, 0);
    expect(none.entry(JAN)).not.toBe(none.entry(JAN));
    expect(none.ranges()).toEqual([]);
    expect(() => createUsersCache(idx, -1)).toThrow(RangeError);
    expect(() => createUsersCache(idx, 1.5)).toThrow(RangeError);
    expect(() => queryUsers(buildTraceIndex(users, traces), { range: JAN }, none)).toThrow(/another index/);
  });
});
