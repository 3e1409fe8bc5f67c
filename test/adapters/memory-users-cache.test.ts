import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { ListUsersParams } from '../../src/core/contract';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { arbDataset, arbRangeFor } from '../core/arbitraries';
import { arbUsersParams, USERS_SORT_IDS } from '../core/arbitraries-users';

const dataset = { ...contractDataset, validate: false };
const ranges = Object.values(contractRanges);

/** listUsers params on the contract dataset: any range, search, metadata filters, sorting and page. */
const arbContractQuery: fc.Arbitrary<ListUsersParams> = fc.record({
  range: fc.constantFrom(...ranges),
  search: fc.constantFrom(undefined, '', 'a', 'ADA', 'example', 'eu'),
  filters: fc.array(
    fc.oneof(
      fc.record({ id: fc.constant('metadata.plan'), value: fc.subarray(['pro', 'free', 'enterprise']) }),
      fc.record({ id: fc.constant('status'), value: fc.constantFrom('error', 'ok') }),
      fc.record({ id: fc.constant('attention'), value: fc.boolean() }),
    ),
    { maxLength: 2 },
  ),
  sorting: fc.array(fc.record({ id: fc.constantFrom(...USERS_SORT_IDS), desc: fc.boolean() }), { maxLength: 2 }),
  pagination: fc.record({ pageIndex: fc.integer({ min: 0, max: 4 }), pageSize: fc.integer({ min: 1, max: 7 }) }),
});

describe('createMemoryProvider: users-list cache', () => {
  it('answers random listUsers sequences on the contract dataset exactly like a provider without the cache', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbContractQuery, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 3 }), async (queries, size) => {
        const cached = createMemoryProvider({ ...dataset, usersCacheRanges: size });
        const uncached = createMemoryProvider({ ...dataset, usersCacheRanges: 0 });
        for (const query of queries) expect(await cached.listUsers(query)).toEqual(await uncached.listUsers(query));
      }),
      { numRuns: 150 },
    );
  });

  it('answers random listUsers sequences on random datasets exactly like a provider without the cache', async () => {
    const arbCase = arbDataset({ maxUsers: 12, maxTraces: 80 }).chain((data) =>
      fc.record({
        data: fc.constant(data),
        queries: fc.array(fc.record({ range: arbRangeFor(data).filter((r) => r.to > r.from), params: arbUsersParams }), { minLength: 1, maxLength: 8 }),
      }),
    );
    const iso = (ms: number): string => new Date(ms).toISOString();
    await fc.assert(
      fc.asyncProperty(arbCase, async ({ data, queries }) => {
        const cached = createMemoryProvider({ ...data, validate: false, usersCacheRanges: 2 });
        const uncached = createMemoryProvider({ ...data, validate: false, usersCacheRanges: 0 });
        for (const { range, params } of queries) {
          const query = { ...params, range: { from: iso(range.from), to: iso(range.to) } };
          expect(await cached.listUsers(query)).toEqual(await uncached.listUsers(query));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('still rejects aborted calls on a cached range, before and during the simulated latency', async () => {
    const p = createMemoryProvider({ ...dataset, latencyMs: 5 });
    const query = { range: contractRanges.main, sorting: [{ id: 'user', desc: false }] };
    await p.listUsers(query);
    await expect(p.listUsers({ ...query, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
    const controller = new AbortController();
    const pending = p.listUsers({ ...query, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect((await p.listUsers(query)).rows.length).toBeGreaterThan(0);
  });

  it('rejects a cache size that is not an integer ≥ 0, naming the option', () => {
    for (const usersCacheRanges of [-1, 1.5, Number.NaN]) {
      expect(() => createMemoryProvider({ ...dataset, usersCacheRanges })).toThrow(expect.objectContaining({ code: 'invalid-data', field: 'usersCacheRanges' }));
    }
  });
});
