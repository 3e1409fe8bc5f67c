import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/core/errors';
import type { DistributionMetric } from '../../../src/core/results';
import { DISTRIBUTION_METRICS } from '../../../src/core/engine/distribution';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { aggregateUsers, queryUsers } from '../../../src/core/engine/users';
import { computeUsersDistribution } from '../../../src/core/engine/users-population';
import { binRange, validateParams, type MetricRange } from '../../../src/core/params-filters';
import { arbDatasetWithRange, makeTrace } from '../arbitraries';
import { refUserRows, type RefUserRow } from '../reference';

const DENSE = { maxUsers: 8, maxTraces: 80 };
const JAN = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 8) };

/** Severity with plain loops: reasons, then the largest value / baseline (∞ for a 0 baseline); `null` without reasons. */
function refSeverity(row: RefUserRow): [number, number] | null {
  if (row.attention.length === 0) return null;
  return [row.attention.length, Math.max(...row.attention.map((a) => (a.baseline > 0 ? a.value / a.baseline : Infinity)))];
}

/** The `attention` order with plain loops: severity (no reasons last in both directions), then user id. */
function refAttentionOrder(rows: readonly RefUserRow[], desc: boolean): string[] {
  return [...rows]
    .sort((a, b) => {
      const x = refSeverity(a);
      const y = refSeverity(b);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else {
        for (let k = 0; k < 2; k++) if (x[k] !== y[k]) return ((x[k] as number) < (y[k] as number) ? -1 : 1) * (desc ? -1 : 1);
      }
      return a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0;
    })
    .map((r) => r.user.id);
}

/** A row's figure of `metric` (`errorRate` = errors / traces). */
function refValue(row: RefUserRow, metric: DistributionMetric): number | null {
  return metric === 'errorRate' ? row.errorCount / row.traceCount : row[metric];
}

describe('listUsers sorted by attention (severity)', () => {
  it('orders like the plain-loop severity in both directions, users without reasons last', () => {
    fc.assert(
      fc.property(arbDatasetWithRange(DENSE), fc.boolean(), fc.integer({ min: 1, max: 5 }), ({ data, range }, desc, pageSize) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const want = refAttentionOrder(refUserRows(data, range), desc);
        const got: string[] = [];
        for (let pageIndex = 0; got.length < want.length; pageIndex++) {
          const page = queryUsers(idx, { range, sorting: [{ id: 'attention', desc }], pagination: { pageIndex, pageSize } });
          expect(page.total).toBe(want.length);
          got.push(...page.rows.map((r) => r.user.id));
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('puts more reasons first, then the larger ratio', () => {
    const users = ['calm', 'both', 'slow', 'slower'].map((id) => ({ id, metadata: {} }));
    const at = (k: number): string => new Date(JAN.from + k * 60_000).toISOString();
    const traces = [];
    for (let k = 0; k < 1000; k++) traces.push(makeTrace(`calm-${k}`, 'calm', at(k), { latencyMs: 100, status: 'ok' }));
    for (let k = 0; k < 10; k++) traces.push(makeTrace(`both-${k}`, 'both', at(k), { latencyMs: 300, status: k < 5 ? 'error' : 'ok' }));
    for (let k = 0; k < 10; k++) traces.push(makeTrace(`slow-${k}`, 'slow', at(k), { latencyMs: 1000, status: 'ok' }));
    for (let k = 0; k < 10; k++) traces.push(makeTrace(`slower-${k}`, 'slower', at(k), { latencyMs: 3000, status: 'ok' }));
    const idx = buildTraceIndex(users, traces);
    const order = (desc: boolean) => queryUsers(idx, { range: JAN, sorting: [{ id: 'attention', desc }] }).rows.map((r) => [r.user.id, r.attention.map((a) => a.kind)]);
    expect(order(true)).toEqual([
      ['both', ['errors', 'latency']],
      ['slower', ['latency']],
      ['slow', ['latency']],
      ['calm', []],
    ]);
    expect(order(false).map(([id]) => id)).toEqual(['slow', 'slower', 'both', 'calm']);
  });
});

describe('listUsers measure filters', () => {
  const arbRangeValue = fc.record(
    { from: fc.double({ min: -1, max: 5000, noNaN: true }), to: fc.double({ min: -1, max: 5000, noNaN: true }) },
    { requiredKeys: [] },
  );

  it('keeps the users whose known figure is in [from, to), like plain loops', () => {
    const arb = fc.tuple(arbDatasetWithRange(DENSE), fc.constantFrom(...DISTRIBUTION_METRICS), fc.array(arbRangeValue, { minLength: 1, maxLength: 2 }));
    fc.assert(
      fc.property(arb, ([{ data, range }, metric, raw]) => {
        const ranges = raw.filter((r) => r.from === undefined || r.to === undefined || r.from < r.to) as MetricRange[];
        if (ranges.length === 0) return;
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const want = refUserRows(data, range)
          .filter((row) => {
            const v = refValue(row, metric);
            return v !== null && ranges.some((r) => (r.from === undefined || v >= r.from) && (r.to === undefined || v < r.to));
          })
          .map((r) => r.user.id)
          .sort();
        const page = queryUsers(idx, { range, filters: [{ id: metric, value: ranges }], sorting: [{ id: 'user', desc: false }], pagination: { pageIndex: 0, pageSize: 1000 } });
        expect(page.rows.map((r) => r.user.id).sort()).toEqual(want);
        expect(page.total).toBe(want.length);
      }),
      { numRuns: 400 },
    );
  });

  it('lists exactly the users of each distribution bin (binRange)', () => {
    const arb = fc.tuple(arbDatasetWithRange(DENSE), fc.constantFrom(...DISTRIBUTION_METRICS), fc.integer({ min: 1, max: 12 }));
    fc.assert(
      fc.property(arb, ([{ data, range }, metric, binCount]) => {
        const idx = buildTraceIndex(data.users, data.traces, data.feedback);
        const { bins, userCount } = computeUsersDistribution(idx, aggregateUsers(idx, range), metric, binCount);
        let listed = 0;
        bins.forEach((bin, i) => {
          const total = queryUsers(idx, { range, filters: [{ id: metric, value: binRange(bins, i) }] }).total;
          expect(total).toBe(bin.userCount);
          listed += total ?? 0;
        });
        expect(listed).toBe(userCount);
      }),
      { numRuns: 300 },
    );
  });

  it('binRange opens the first bin below and the last above', () => {
    const bins = [
      { from: 0, to: 1, userCount: 2 },
      { from: 1, to: 2, userCount: 0 },
      { from: 2, to: 3, userCount: 1 },
    ];
    expect([0, 1, 2].map((i) => binRange(bins, i))).toEqual([{ to: 1 }, { from: 1, to: 2 }, { from: 2 }]);
    expect(binRange([{ from: 4, to: 4, userCount: 3 }], 0)).toEqual({});
  });

  it('refuses malformed ranges, naming the filter value; accepts the attention sort', () => {
    const range = { from: '2024-01-01T00:00:00Z', to: '2024-01-08T00:00:00Z' };
    for (const value of [{ from: 2, to: 1 }, { from: 1, to: 1 }, { gte: 1 }, { from: '1' }, { to: Infinity }, { from: Number.NaN }, 5, null, [{ from: 1 }, 'x']]) {
      let error: unknown;
      try {
        validateParams('listUsers', { range, filters: [{ id: 'status', value: 'ok' }, { id: 'costUsd', value }] });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(value)).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).field).toBe('filters[1].value');
    }
    expect(validateParams('listUsers', { range, filters: [{ id: 'latencyP95Ms', value: { from: 0 } }], sorting: [{ id: 'attention', desc: true }] }).filters).toEqual([
      { id: 'latencyP95Ms', values: [{ from: 0 }] },
    ]);
    expect(() => validateParams('listUsers', { range, sorting: [{ id: 'attention.ratio', desc: true }] })).toThrow(ProviderError);
  });
});
