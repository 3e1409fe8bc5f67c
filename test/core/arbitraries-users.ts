/**
 * fast-check arbitraries for users-list queries (`queryUsers` / `listUsers` params), shared by the engine, cache and
 * memory provider tests.
 * @module
 */
import fc from 'fast-check';
import type { FilterItem } from '../../src/core/contract';
import { arbGranularity, MODELS, PLANS, REGIONS } from './arbitraries';
import { REF_SORT_IDS } from './reference';

/** Every users sort id the reference knows, plus string keys over metadata (one that no user has). */
export const USERS_SORT_IDS = [...REF_SORT_IDS, 'metadata.plan', 'metadata.tier', 'metadata.region', 'metadata.beta', 'metadata.none'];

/** A users filter over the arbitraries' metadata, status, models and attention kinds. */
export const arbUsersFilter: fc.Arbitrary<FilterItem> = fc.oneof(
  fc.record({ id: fc.constant('metadata.plan'), value: fc.oneof(fc.constantFrom<unknown>(...PLANS, null), fc.subarray<unknown>([...PLANS, null])) }),
  fc.record({ id: fc.constant('metadata.tier'), value: fc.oneof(fc.constantFrom<unknown>(1, 2, 3, '1'), fc.subarray<unknown>([1, 2, 3])) }),
  fc.record({ id: fc.constant('metadata.region'), value: fc.constantFrom<unknown>(...REGIONS) }),
  fc.record({ id: fc.constant('metadata.beta'), value: fc.boolean() }),
  fc.record({ id: fc.constant('status'), value: fc.oneof(fc.constantFrom<unknown>('error', 'ok'), fc.subarray<unknown>(['error', 'ok'])) }),
  fc.record({ id: fc.constant('model'), value: fc.oneof(fc.constantFrom<unknown>(...MODELS, 'unknown-model'), fc.subarray<unknown>([...MODELS])) }),
  fc.record({
    id: fc.constant('attention'),
    value: fc.oneof(fc.boolean(), fc.constantFrom<unknown>('errors', 'latency', 'cost'), fc.subarray<unknown>(['errors', 'latency', 'cost'])),
  }),
);

/** Users-list params except the range: search, filters, up to 3 sort keys, a small page and a sparkline granularity. */
export const arbUsersParams = fc.record(
  {
    search: fc.constantFrom('', '  ', 'ann', 'U1', 'PRO', 'example.org', 'eu-', 'true', '2', 'ghost', 'zzz', ' Bob '),
    filters: fc.array(arbUsersFilter, { maxLength: 2 }),
    sorting: fc.array(fc.record({ id: fc.constantFrom(...USERS_SORT_IDS), desc: fc.boolean() }), { maxLength: 3 }),
    pagination: fc.record({ pageIndex: fc.integer({ min: 0, max: 3 }), pageSize: fc.integer({ min: 1, max: 5 }) }),
    sparkGranularity: arbGranularity,
  },
  { requiredKeys: [] },
);
