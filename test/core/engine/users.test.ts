import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SortingItem } from '../../../src/core/contract';
import { ProviderError } from '../../../src/core/errors';
import type { AttributedTrace, Trace, User } from '../../../src/core/model';
import type { UserRow } from '../../../src/core/results';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { aggregateUsers, attentionReasons, queryUsers, type QueryUsersParams } from '../../../src/core/engine/users';
import { percentileOfPrefix, pooledP95, sortPrefix } from '../../../src/core/engine/users-percentiles';
import { firstSorted, userComparator } from '../../../src/core/engine/users-sort';
import { arbDataset, arbDatasetWithRange, makeTrace, WHOLE_GRID } from '../arbitraries';
import { arbUsersParams, USERS_SORT_IDS } from '../arbitraries-users';
import { deepCloseDiff, refBaseline, refListUsers, refPercentile, refUserRows, type RefUserRow } from '../reference';

const RUNS = { numRuns: 1000 };
const DENSE = { maxUsers: 6, maxTraces: 80 };
const ms = (iso: string): number => Date.parse(iso);
const JAN = { from: ms('2024-01-01T00:00:00Z'), to: ms('2024-01-08T00:00:00Z') };

/** Engine rows without attention messages, to compare with the reference. */
const withoutMessages = (rows: UserRow[]): RefUserRow[] =>
  rows.map((r) => ({ ...r, attention: r.attention.map(({ kind, value, baseline }) => ({ kind, value, baseline })) }));

describe('queryUsers vs reference', () => {
  it('matches the naive listUsers for any search, filters, sorting and page', () => {
    fc.assert(
      fc.property(arbDatasetWithRange(DENSE), arbUsersParams, ({ data, range }, params) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const actual = queryUsers(idx, { range, ...params });
        const expected = refListUsers(data, { range, ...params });
        expect(actual.total).toBe(expected.total);
        expect(deepCloseDiff(withoutMessages(actual.rows), expected.rows)).toBeNull();
      }),
      RUNS,
    );
  });

  it('aggregates every user, the population baseline and the attention flags like the reference', () => {
    fc.assert(
      fc.property(arbDataset(DENSE), (data) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const agg = aggregateUsers(idx, WHOLE_GRID);
        const base = refBaseline(data.traces, WHOLE_GRID);
        expect(deepCloseDiff(
          { errorRate: agg.baseline.errorRate, latencyP95Ms: agg.baseline.latencyP95Ms, costPerTraceUsd: agg.baseline.costPerTraceUsd },
          base,
        )).toBeNull();
        const rows = new Map(refUserRows(data, WHOLE_GRID).map((r) => [r.user.id, r]));
        expect(agg.baseline.userCount).toBe(rows.size);
        idx.users.forEach((user, u) => {
          const row = rows.get(user.id);
          expect(agg.traceCount[u]).toBe(row?.traceCount ?? 0);
          if (!row) return;
          expect(deepCloseDiff(
            [agg.errorCount[u], agg.conversationCount[u], agg.latencyP50Ms[u], agg.latencyP95Ms[u], agg.firstMs[u], agg.lastMs[u]],
            [row.errorCount, row.conversationCount, row.latencyP50Ms, row.latencyP95Ms, ms(row.firstSeen), ms(row.lastSeen)],
          )).toBeNull();
          expect(attentionReasons(agg, u).map((a) => a.kind)).toEqual(row.attention.map((a) => a.kind));
        });
      }),
      RUNS,
    );
  });

  it('orders the first k positions like a full sort (bounded heap path)', () => {
    const arbColumn = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(NaN)), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ column: arbColumn, desc: fc.boolean() }), { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 12 }), (keys, k) => {
        const users: User[] = Array.from({ length: 40 }, (_, i) => ({ id: `u${String(i).padStart(2, '0')}`, metadata: {} }));
        const cmp = userComparator(keys.map((key) => ({ column: Float64Array.from(key.column), desc: key.desc })), users);
        const positions = Int32Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
        const full = [...positions].sort(cmp).slice(0, k);
        expect([...firstSorted(positions, k, cmp)]).toEqual(full);
      }),
      RUNS,
    );
  });
});

describe('users percentiles', () => {
  const arbValues = fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 200 });

  it('selects the pooled p95 like a full sort, duplicates included', () => {
    fc.assert(
      fc.property(arbValues, (values) => {
        expect(pooledP95(Float64Array.from(values), values.length)).toBe(refPercentile(values, 0.95));
      }),
      RUNS,
    );
  });

  it('sorts a prefix (insertion sort or typed sort) and reads its percentiles', () => {
    fc.assert(
      fc.property(arbValues, fc.nat(200), (values, extra) => {
        const buffer = Float64Array.from([...values, ...Array.from({ length: extra % 5 }, () => -1)]);
        sortPrefix(buffer, values.length);
        if (values.length === 0) return;
        expect(percentileOfPrefix(buffer, values.length, 0.5)).toBe(refPercentile(values, 0.5));
        expect(percentileOfPrefix(buffer, values.length, 0.95)).toBe(refPercentile(values, 0.95));
      }),
      RUNS,
    );
  });
});

/** 19 ordinary users (20 traces, 1 s, $0.01, one failure each) and `hot` (10 traces, 5 s, $0.05, 4 failures). */
function attentionFixture(): { users: User[]; traces: Trace[] } {
  const users: User[] = [];
  const traces: Trace[] = [];
  const at = (k: number): string => new Date(JAN.from + k * 3_600_000).toISOString();
  for (let i = 0; i < 19; i++) {
    users.push({ id: `n${i}`, metadata: {} });
    for (let k = 0; k < 20; k++) traces.push(makeTrace(`n${i}-${k}`, `n${i}`, at(k), { latencyMs: 1000, costUsd: 0.01, status: k === 0 ? 'error' : 'ok' }));
  }
  users.push({ id: 'hot', displayName: 'Hot', metadata: {} });
  for (let k = 0; k < 10; k++) traces.push(makeTrace(`hot-${k}`, 'hot', at(k), { latencyMs: 5000, costUsd: 0.05, status: k < 4 ? 'error' : 'ok' }));
  return { users, traces };
}

describe('attention', () => {
  it('explains each reason with the user value, the population baseline and the counts', () => {
    const { users, traces } = attentionFixture();
    const idx = buildTraceIndex(users, traces);
    const agg = aggregateUsers(idx, JAN);
    const reasons = attentionReasons(agg, idx.userPos.get('hot') as number);
    expect(reasons.map((r) => r.message)).toEqual([
      'Error rate 40 % vs 5.9 % across all users (4 of 10 traces failed)',
      'p95 latency 5 s vs 1 s across all users (5.0×, 10 traces)',
      'Cost per trace $0.050 vs $0.011 across all users (4.5×, 10 traces with cost)',
    ]);
    expect(reasons[0]).toMatchObject({ kind: 'errors', value: 0.4 });
    expect(reasons[0]?.baseline).toBeCloseTo(23 / 390, 12);
    expect(reasons[1]).toMatchObject({ kind: 'latency', value: 5000, baseline: 1000 });
    expect(reasons[2]?.value).toBeCloseTo(0.05, 12);
    expect(reasons[2]?.baseline).toBeCloseTo(4.3 / 390, 12);
    expect(attentionReasons(agg, idx.userPos.get('n0') as number)).toEqual([]);
  });

  it('needs at least 5 traces before judging a user', () => {
    const { users, traces } = attentionFixture();
    for (let k = 0; k < 4; k++) traces.push(makeTrace(`tiny-${k}`, 'tiny', '2024-01-02T00:00:00Z', { status: 'error', latencyMs: 60_000, costUsd: 1 }));
    const idx = buildTraceIndex(users, traces);
    const agg = aggregateUsers(idx, JAN);
    expect(attentionReasons(agg, idx.userPos.get('tiny') as number)).toEqual([]);
    traces.push(makeTrace('tiny-4', 'tiny', '2024-01-02T00:00:00Z', { status: 'error', latencyMs: 60_000, costUsd: 1 }));
    const idx5 = buildTraceIndex(users, traces);
    const reasons = attentionReasons(aggregateUsers(idx5, JAN), idx5.userPos.get('tiny') as number);
    expect(reasons.map((r) => r.kind)).toEqual(['errors', 'latency', 'cost']);
    expect(reasons[1]?.message).toBe('p95 latency 1 min vs 1 s across all users (60.0×, 5 traces)');
  });

  it('is exposed on rows and filterable', () => {
    const { users, traces } = attentionFixture();
    const idx = buildTraceIndex(users, traces);
    const page = queryUsers(idx, { range: JAN, filters: [{ id: 'attention', value: true }] });
    expect(page.total).toBe(1);
    expect(page.rows[0]?.user.id).toBe('hot');
    expect(page.rows[0]?.attention).toHaveLength(3);
    expect(queryUsers(idx, { range: JAN, filters: [{ id: 'attention', value: ['cost'] }] }).total).toBe(1);
    expect(queryUsers(idx, { range: JAN, filters: [{ id: 'attention', value: false }] }).total).toBe(19);
  });
});

/** A small list: a (Ann, pro), b (Bob, free), c (no name, plan null, tier 3), d (traces only before Jan), ghost. */
function listFixture(): { users: User[]; traces: AttributedTrace[] } {
  const users: User[] = [
    { id: 'a', displayName: 'Ann', email: 'ann@example.com', metadata: { plan: 'pro', tier: 1, region: 'eu-west' } },
    { id: 'b', displayName: 'Bob', metadata: { plan: 'free', tier: 2, region: 'us-east', beta: true } },
    { id: 'c', metadata: { plan: null, tier: 3 } },
    { id: 'd', displayName: 'Dan', metadata: { plan: 'pro' } },
  ];
  const traces: AttributedTrace[] = [
    makeTrace('a1', 'a', '2024-01-01T00:00:00Z', { model: 'gpt-4o-mini', costUsd: 0.5, inputTokens: 10, conversationId: 'x' }),
    makeTrace('a2', 'a', '2024-01-03T00:00:00Z', { status: 'error', latencyMs: 300, conversationId: 'x' }),
    makeTrace('b1', 'b', '2024-01-05T00:00:00Z', { model: 'claude-3-5-sonnet', costUsd: 0.25, outputTokens: 4, latencyMs: 50 }),
    makeTrace('c1', 'c', '2024-01-02T00:00:00Z', { latencyMs: 900 }),
    makeTrace('d1', 'd', '2023-12-31T23:59:59.999Z'),
    makeTrace('g1', 'ghost', '2024-01-07T23:59:59.999Z', { status: 'error' }),
    makeTrace('g2', 'ghost', '2024-01-08T00:00:00Z'),
  ];
  return { users, traces };
}

describe('queryUsers examples', () => {
  const { users, traces } = listFixture();
  const idx = buildTraceIndex(users, traces);
  const data = { users, traces, feedback: [] };
  const ids = (params: Partial<QueryUsersParams>): string[] => queryUsers(idx, { range: JAN, ...params }).rows.map((r) => r.user.id);

  it('lists users with a trace in range, newest last-seen first, 50 per page by default', () => {
    const page = queryUsers(idx, { range: JAN });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.user.id)).toEqual(['ghost', 'b', 'a', 'c']);
    const a = page.rows[2] as UserRow;
    expect(a).toMatchObject({
      traceCount: 2, conversationCount: 1, errorCount: 1, successRate: 0.5, costUsd: 0.5, costPerTraceUsd: 0.5,
      inputTokens: 10, outputTokens: null, feedbackAvgScore: null,
      firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-03T00:00:00.000Z',
    });
    expect(a.sparkline).toHaveLength(7);
    expect(a.sparkline[2]).toEqual({ t: '2024-01-03T00:00:00.000Z', traceCount: 1, errorCount: 1 });
    expect(page.rows[0]?.user).toEqual({ id: 'ghost', metadata: {} });
    expect(page.rows[0]?.traceCount).toBe(1);
  });

  it('draws the sparkline at the requested granularity', () => {
    const [row] = queryUsers(idx, { range: JAN, search: 'ann', sparkGranularity: 'hour' }).rows;
    expect(row?.sparkline).toHaveLength(7 * 24);
    expect(row?.sparkline[0]).toEqual({ t: '2024-01-01T00:00:00.000Z', traceCount: 1, errorCount: 0 });
  });

  it('searches id, display name, email and metadata values case-insensitively', () => {
    expect(ids({ search: 'ANN' })).toEqual(['a']);
    expect(ids({ search: 'example.COM' })).toEqual(['a']);
    expect(ids({ search: 'us-east' })).toEqual(['b']);
    expect(ids({ search: '3' })).toEqual(['c']);
    expect(ids({ search: 'true' })).toEqual(['b']);
    expect(ids({ search: 'host' })).toEqual(['ghost']);
    expect(ids({ search: 'dan' })).toEqual([]);
    expect(ids({ search: '   ' })).toHaveLength(4);
  });

  it('filters on metadata, status, model and attention', () => {
    expect(ids({ filters: [{ id: 'metadata.plan', value: 'pro' }] })).toEqual(['a']);
    expect(ids({ filters: [{ id: 'metadata.plan', value: ['pro', 'free'] }] })).toEqual(['b', 'a']);
    expect(ids({ filters: [{ id: 'metadata.plan', value: null }] })).toEqual(['c']);
    expect(ids({ filters: [{ id: 'metadata.tier', value: '1' }] })).toEqual([]);
    expect(ids({ filters: [{ id: 'metadata.plan', value: [] }] })).toHaveLength(4);
    expect(ids({ filters: [{ id: 'status', value: 'error' }] })).toEqual(['ghost', 'a']);
    expect(ids({ filters: [{ id: 'status', value: 'ok' }] })).toEqual(['b', 'c']);
    expect(ids({ filters: [{ id: 'model', value: 'gpt-4o-mini' }] })).toEqual(['a']);
    expect(ids({ filters: [{ id: 'model', value: ['gpt-4o-mini', 'claude-3-5-sonnet'] }] })).toEqual(['b', 'a']);
    expect(ids({ filters: [{ id: 'model', value: 'nope' }] })).toEqual([]);
    expect(ids({ filters: [{ id: 'attention', value: true }] })).toEqual([]);
    expect(ids({ filters: [{ id: 'status', value: 'error' }, { id: 'metadata.region', value: 'eu-west' }] })).toEqual(['a']);
  });

  it.each(USERS_SORT_IDS.flatMap((id) => [{ id, desc: false }, { id, desc: true }]))('sorts by $id (desc: $desc) like the reference', (item: SortingItem) => {
    const expected = refListUsers(data, { range: JAN, sorting: [item] }).rows.map((r) => r.user.id);
    expect(ids({ sorting: [item] })).toEqual(expected);
  });

  it('keeps unknown values last in both directions and breaks ties by user id', () => {
    expect(ids({ sorting: [{ id: 'costUsd', desc: false }] })).toEqual(['b', 'a', 'c', 'ghost']);
    expect(ids({ sorting: [{ id: 'costUsd', desc: true }] })).toEqual(['a', 'b', 'c', 'ghost']);
    expect(ids({ sorting: [{ id: 'metadata.plan', desc: true }] })).toEqual(['a', 'b', 'c', 'ghost']);
    expect(ids({ sorting: [{ id: 'traceCount', desc: true }] })).toEqual(['a', 'b', 'c', 'ghost']);
    expect(ids({ sorting: [{ id: 'user', desc: false }] })).toEqual(['a', 'b', 'c', 'ghost']);
    expect(ids({ sorting: [{ id: 'errorCount', desc: true }, { id: 'latencyP95Ms', desc: true }] })).toEqual(['a', 'ghost', 'c', 'b']);
  });

  it('pages with a total of every matching user', () => {
    const sorting = [{ id: 'user', desc: false }];
    expect(queryUsers(idx, { range: JAN, sorting, pagination: { pageIndex: 0, pageSize: 3 } })).toMatchObject({ total: 4 });
    expect(ids({ sorting, pagination: { pageIndex: 0, pageSize: 3 } })).toEqual(['a', 'b', 'c']);
    expect(ids({ sorting, pagination: { pageIndex: 1, pageSize: 3 } })).toEqual(['ghost']);
    expect(queryUsers(idx, { range: JAN, pagination: { pageIndex: 9, pageSize: 3 } })).toEqual({ rows: [], total: 4 });
    expect(queryUsers(idx, { range: { from: JAN.to, to: JAN.to } })).toEqual({ rows: [], total: 0 });
  });

  it.each<[Partial<QueryUsersParams>, string]>([
    [{ filters: [{ id: 'status', value: 'error' }, { id: 'plan', value: 'pro' }] }, 'filters[1].id'],
    [{ filters: [{ id: 'metadata.', value: 'pro' }] }, 'filters[0].id'],
    [{ filters: [{ id: 'status', value: 'broken' }] }, 'filters[0].value'],
    [{ filters: [{ id: 'attention', value: ['errors', 'mood'] }] }, 'filters[0].value'],
    [{ filters: [{ id: 'model', value: 42 }] }, 'filters[0].value'],
    [{ sorting: [{ id: 'traceCount', desc: true }, { id: 'attention.ratio', desc: false }] }, 'sorting[1].id'],
    [{ sorting: [{ id: 'toString', desc: false }] }, 'sorting[0].id'],
    [{ pagination: { pageIndex: -1, pageSize: 10 } }, 'pagination.pageIndex'],
    [{ pagination: { pageIndex: 0, pageSize: 0 } }, 'pagination.pageSize'],
  ])('rejects invalid params with invalid-data naming the field (%#)', (params, field) => {
    try {
      queryUsers(idx, { range: JAN, ...params });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProviderError);
      expect(e).toMatchObject({ code: 'invalid-data', field });
    }
  });
});
