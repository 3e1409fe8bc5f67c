import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeRangeValue } from '../../src/core/time-range-value';
import { MAX_PAGE_SIZE, MAX_SEARCH_CHARS } from '../../src/core/limits';
import type { MetadataValue } from '../../src/core/model';
import {
  DEFAULT_USER_DETAIL_VIEW,
  detailParamsFromUsersView,
  parseUserDetailView,
  serializeUserDetailView,
  type UserDetailView,
} from '../../src/pages/UserDetailPage/user-detail-view';
import { DEFAULT_USERS_VIEW, type UsersView } from '../../src/hooks/users-view';
import { parseUsersView, serializeUsersView } from '../../src/pages/UsersPage/users-view-url';

const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const range: fc.Arbitrary<TimeRangeValue> = fc.oneof(
  fc.constantFrom<TimeRangeValue>({ preset: '24h' }, { preset: '7d' }, { preset: '30d' }, { preset: '90d' }),
  fc.tuple(day, fc.integer({ min: 0, max: 400 })).map(([from, days]) => ({
    preset: 'custom' as const,
    from,
    to: new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10),
  })),
);
/** Any text, including separators, JSON-looking and non-ASCII strings. */
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('1', 'true', 'null', '"x"', '-', 'a.b', 'a,b', '..', 'ü ✓', '&=?#'));
const id = text.filter((s) => s !== '');
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const metadataValue: fc.Arbitrary<MetadataValue> = fc.oneof(text, finite, fc.boolean(), fc.constant(null));
const optionalBound = fc.option(finite, { nil: undefined });

const usersView: fc.Arbitrary<UsersView> = fc.record({
  range,
  search: text,
  filters: fc.dictionary(id, fc.array(metadataValue, { maxLength: 3 }), { maxKeys: 3 }),
  attentionOnly: fc.boolean(),
  measure: fc.option(
    fc.record({
      metric: fc.constantFrom('costUsd' as const, 'traceCount' as const, 'errorRate' as const, 'latencyP95Ms' as const),
      range: fc.tuple(optionalBound, optionalBound).map(([from, to]) => ({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) })),
      bin: fc.record({ from: finite, to: finite }),
    }),
    { nil: null },
  ),
  sorting: fc.array(fc.record({ id, desc: fc.boolean() }), { maxLength: 3 }),
  pagination: fc.record({ pageIndex: fc.integer({ min: 0, max: 100_000 }), pageSize: fc.integer({ min: 1, max: MAX_PAGE_SIZE }) }),
  columnVisibility: fc.dictionary(id, fc.boolean(), { maxKeys: 4 }),
  columnOrder: fc.array(id, { maxLength: 4 }),
});

const detailView: fc.Arbitrary<UserDetailView> = fc.record({
  range,
  cohort: fc.option(fc.record({ key: id, value: metadataValue }), { nil: null }),
  conversationId: fc.option(id, { nil: null }),
});

describe('users view URL state', () => {
  it('round-trips every view exactly, through the query string, against the default and random defaults', () => {
    fc.assert(
      fc.property(usersView, usersView, (view, otherDefaults) => {
        for (const defaults of [DEFAULT_USERS_VIEW, otherDefaults]) {
          const query = serializeUsersView(view, defaults).toString();
          expect(parseUsersView(query, defaults)).toEqual(view);
          expect(parseUsersView(`?${query}`, defaults)).toEqual(view);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing for the defaults and only the changed fields otherwise', () => {
    expect(serializeUsersView(DEFAULT_USERS_VIEW).toString()).toBe('');
    const view: UsersView = { ...DEFAULT_USERS_VIEW, range: { preset: '30d' }, search: 'ada', filters: { plan: ['pro', 1] }, pagination: { pageIndex: 2, pageSize: 50 } };
    expect(serializeUsersView(view).toString()).toBe('range=30d&q=ada&f.plan=pro&f.plan=1&page=3');
    expect(parseUsersView('range=2025-03-01..2025-03-31&sort=metadata.plan.asc&attention=1').range).toEqual({ preset: 'custom', from: '2025-03-01', to: '2025-03-31' });
    expect(parseUsersView('sort=metadata.plan.asc').sorting).toEqual([{ id: 'metadata.plan', desc: false }]);
  });

  it('falls back to the default, field by field, for unknown, invalid or oversized values, without throwing', () => {
    const bad = [
      'range=1y',
      'range=2025-02-30..2025-03-01',
      'range=2025-03-10..2025-03-01',
      'range=1900-01-01..2099-01-01',
      `q=${'x'.repeat(MAX_SEARCH_CHARS + 1)}`,
      'attention=yes',
      'measure=bogus,1,2,3,4',
      'measure=costUsd,a,2,3,4',
      'measure=costUsd,1,2',
      'sort=lastSeen',
      'sort=lastSeen.up',
      'page=0',
      'page=-1',
      'page=1.5',
      `size=${MAX_PAGE_SIZE + 1}`,
      'cols=plan',
      'f.=x',
      `f.plan=${'v'.repeat(5_000)}`,
      '%E0%A4%A',
      `q=${'y'.repeat(70_000)}`,
    ];
    for (const query of bad) expect(parseUsersView(query)).toEqual(DEFAULT_USERS_VIEW);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (query) => {
        const view = parseUsersView(query);
        expect(parseUsersView(serializeUsersView(view))).toEqual(view);
      }),
    );
  });

  it('keeps the valid fields of a partly invalid query', () => {
    expect(parseUsersView('range=90d&page=zero&q=bob')).toEqual({ ...DEFAULT_USERS_VIEW, range: { preset: '90d' }, search: 'bob' });
  });
});

describe('detail page URL state', () => {
  it('round-trips every state exactly, against the default and random defaults', () => {
    fc.assert(
      fc.property(detailView, detailView, (view, otherDefaults) => {
        for (const defaults of [DEFAULT_USER_DETAIL_VIEW, otherDefaults]) {
          expect(parseUserDetailView(serializeUserDetailView(view, defaults).toString(), defaults)).toEqual(view);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing for the defaults; invalid values fall back to them', () => {
    expect(serializeUserDetailView(DEFAULT_USER_DETAIL_VIEW).toString()).toBe('');
    expect(serializeUserDetailView({ range: { preset: '7d' }, cohort: { key: 'plan', value: 'pro' }, conversationId: 'c1' }).toString()).toBe(
      'range=7d&cohort=plan&cohortValue=pro&conversation=c1',
    );
    for (const query of ['range=week', 'cohort=plan', `cohort=plan&cohortValue=${'v'.repeat(5_000)}`, 'conversation=', 'nonsense=1']) {
      expect(parseUserDetailView(query)).toEqual(DEFAULT_USER_DETAIL_VIEW);
    }
  });

  it("carries the list's range to the detail page", () => {
    expect(detailParamsFromUsersView(DEFAULT_USERS_VIEW).toString()).toBe('range=7d');
    expect(detailParamsFromUsersView({ range: { preset: '30d' } }).toString()).toBe('');
    fc.assert(
      fc.property(range, (r) => {
        expect(parseUserDetailView(detailParamsFromUsersView({ range: r }))).toEqual({ ...DEFAULT_USER_DETAIL_VIEW, range: r });
      }),
    );
  });
});
