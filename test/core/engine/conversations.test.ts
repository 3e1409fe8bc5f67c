import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SortingItem } from '../../../src/core/contract';
import { isProviderError } from '../../../src/core/errors';
import type { Trace } from '../../../src/core/model';
import type { ConversationSummary } from '../../../src/core/results';
import { CONVERSATION_SORT_IDS, summarizeConversations, sortConversations } from '../../../src/core/engine/conversations';
import { userSlices } from '../../../src/core/engine/selection';
import type { MsRange } from '../../../src/core/engine/time';
import { buildTraceIndex } from '../../../src/core/engine/trace-index';
import { BASE_MS, MAIN_USER, rangeArb, tracesArb } from '../arbitraries-feedback';
import { assertDeepClose } from '../deep-close';
import { refConversations } from '../reference-models';

const HOUR = 3_600_000;

function summaries(traces: Trace[], range: MsRange, userId = MAIN_USER): ConversationSummary[] {
  const idx = buildTraceIndex([], traces);
  const u = idx.userPos.get(userId);
  return summarizeConversations(idx, u === undefined ? [] : userSlices(idx, [u], range));
}

const sortingArb: fc.Arbitrary<SortingItem[]> = fc.array(fc.record({ id: fc.constantFrom(...CONVERSATION_SORT_IDS), desc: fc.boolean() }), { maxLength: 3 });

/** Naive comparison of two rows under `sorting` (default lastTime desc), nulls last, then id ascending. */
function refCompare(a: ConversationSummary, b: ConversationSummary, sorting: SortingItem[]): number {
  const keys = sorting.length === 0 ? [{ id: 'lastTime', desc: true }] : sorting;
  for (const { id, desc } of keys) {
    const value = (c: ConversationSummary): number | null =>
      id === 'lastTime' || id === 'firstTime' ? Date.parse(c[id]) : (c[id as 'errorCount' | 'costUsd' | 'traceCount' | 'durationMs'] as number | null);
    const va = value(a);
    const vb = value(b);
    if (va === vb) continue;
    if (va === null) return 1;
    if (vb === null) return -1;
    return desc ? vb - va : va - vb;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

describe('summarizeConversations vs naive reference', () => {
  it('matches the reference on random datasets', () => {
    fc.assert(
      fc.property(tracesArb, rangeArb, (traces, range) => {
        assertDeepClose(summaries(traces, range), refConversations(traces, MAIN_USER, range));
      }),
      { numRuns: 1000 },
    );
  });

  it('summarises a conversation: duration from end times or latency, models in first-use order, steps in order', () => {
    const t = (id: string, h: number, extra: Partial<Trace>): Trace => ({
      id,
      userId: MAIN_USER,
      startTime: new Date(BASE_MS + h * HOUR).toISOString(),
      latencyMs: 1000,
      status: 'ok',
      conversationId: 'c1',
      ...extra,
    });
    const traces = [
      t('3', 2, { model: 'a', latencyMs: 5000 }), // no endTime: ends at start + latency
      t('1', 0, { model: 'b', inputPreview: 'Plan my trip', costUsd: 0.01 }),
      t('2', 1, { model: 'a', status: 'error', endTime: new Date(BASE_MS + 1.5 * HOUR).toISOString(), costUsd: 0.02 }),
      t('4', 1, { conversationId: undefined }),
    ];
    const rows = summaries(traces, { from: BASE_MS, to: BASE_MS + 24 * HOUR });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: 'c1',
      traceCount: 3,
      firstTime: '2024-01-01T00:00:00.000Z',
      lastTime: '2024-01-01T02:00:00.000Z',
      durationMs: 2 * HOUR + 5000,
      errorCount: 1,
      title: 'Plan my trip',
      models: ['b', 'a'],
      steps: ['ok', 'error', 'ok'],
    });
    expect(rows[0]?.costUsd).toBeCloseTo(0.03, 12);
    expect(rows[1]).toEqual({
      id: '(none)',
      traceCount: 1,
      firstTime: '2024-01-01T01:00:00.000Z',
      lastTime: '2024-01-01T01:00:00.000Z',
      durationMs: 1000,
      errorCount: 0,
      costUsd: null,
      title: null,
      models: [],
      steps: ['ok'],
    });
  });
});

describe('sortConversations', () => {
  it('sorts by the given keys, nulls last, ties by id, as a permutation of its input', () => {
    fc.assert(
      fc.property(tracesArb, sortingArb, (traces, sorting) => {
        const rows = summaries(traces, { from: BASE_MS - 30 * 24 * HOUR, to: BASE_MS + 60 * 24 * HOUR });
        const sorted = sortConversations(rows, sorting);
        expect([...sorted].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
        for (let i = 1; i < sorted.length; i++) expect(refCompare(sorted[i - 1]!, sorted[i]!, sorting)).toBeLessThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('defaults to lastTime descending and puts unknown cost last in both directions', () => {
    const row = (id: string, lastHour: number, costUsd: number | null): ConversationSummary => ({
      id,
      traceCount: 1,
      firstTime: new Date(BASE_MS).toISOString(),
      lastTime: new Date(BASE_MS + lastHour * HOUR).toISOString(),
      durationMs: 0,
      errorCount: 0,
      costUsd,
      title: null,
      models: [],
      steps: ['ok'],
    });
    const rows = [row('a', 1, null), row('b', 3, 0.2), row('c', 2, 0.1)];
    expect(sortConversations(rows, []).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(sortConversations(rows, [{ id: 'costUsd', desc: false }]).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortConversations(rows, [{ id: 'costUsd', desc: true }]).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('rejects an unknown sort id, naming the field', () => {
    let error: unknown;
    try {
      sortConversations([], [{ id: 'traceCount', desc: true }, { id: 'title', desc: false }]);
    } catch (e) {
      error = e;
    }
    expect(isProviderError(error) && [error.code, error.field]).toEqual(['invalid-data', 'sorting[1].id']);
  });
});
