// The memory engine's linear index build (issue 19): radix trace order, timestamps parsed once by validation, the
// trace-id map shared by validation and the index.
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { buildTraceIndex } from '../../src/core/engine/trace-index';
import { traceOrder } from '../../src/core/engine/trace-order';
import type { Trace } from '../../src/core/model';
import { canonicalUtcMs, timestampMs } from '../../src/core/schema/fast-trace';
import { parseDataset, takePreparedTraces } from '../../src/core/schema/validate';
import { contractDataset } from '../../src/testing/contract/contract-dataset';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('traceOrder', () => {
  it('orders by user, then start, then id, like a comparator sort (fast-check, many ties)', () => {
    const row = fc.record({ user: fc.integer({ min: 0, max: 4 }), start: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -(2 ** 50), max: 2 ** 50 })), id: fc.string({ maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const { order, userStart } = traceOrder(Float64Array.from(rows, (r) => r.start), Int32Array.from(rows, (r) => r.user), 5, (k) => rows[k]!.id);
        const expected = rows.map((_, k) => k).sort((a, b) => rows[a]!.user - rows[b]!.user || rows[a]!.start - rows[b]!.start || byCodeUnits(rows[a]!.id, rows[b]!.id));
        const key = (k: number) => `${rows[k]!.user}|${rows[k]!.start}|${rows[k]!.id}`;
        expect(Array.from(order, key)).toEqual(expected.map(key));
        for (let u = 0; u < 5; u++) expect(userStart[u + 1]! - userStart[u]!).toBe(rows.filter((r) => r.user === u).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('timestamps parsed once', () => {
  const iso = z.regexes.datetime({ offset: true });
  it('canonicalUtcMs agrees with the ISO pattern and Date.parse on toISOString-shaped strings (fast-check)', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const parts = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 999 }));
    fc.assert(
      fc.property(parts, ([y, mo, d, h, mi, s, ms]) => {
        const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
        expect(canonicalUtcMs(text)).toBe(iso.test(text) ? Date.parse(text) : NaN);
      }),
      { numRuns: 3000 },
    );
  });

  it('other accepted forms go through Date.parse', () => {
    for (const text of ['2025-03-03T10:00:00Z', '2025-03-03T10:00:00.5+02:00', '2024-02-29T00:00:00.000Z']) expect(timestampMs(text)).toBe(Date.parse(text));
    expect(canonicalUtcMs('2023-02-29T00:00:00.000Z')).toBeNaN();
  });
});

describe('buildTraceIndex with what validation prepared', () => {
  const attributed = contractDataset.traces.filter((t) => t.userId !== null);
  const withUnattributed: Trace[] = [...contractDataset.traces, { ...contractDataset.traces[0]!, id: 'unattributed-1', userId: null }];

  it('parseDataset hands over its id map and start times once', () => {
    const data = parseDataset({ ...contractDataset, traces: withUnattributed });
    const prepared = takePreparedTraces(data.traces);
    expect(prepared?.positionOfId.get('unattributed-1')).toBe(withUnattributed.length - 1);
    expect(Array.from(prepared!.startMs)).toEqual(withUnattributed.map((t) => Date.parse(t.startTime)));
    expect(takePreparedTraces(data.traces)).toBeUndefined();
  });

  it('gives the same index with and without it: rows by user, start and id; lookups; dictionaries; unattributed aside', () => {
    const data = parseDataset({ ...contractDataset, traces: withUnattributed });
    const fast = buildTraceIndex(data.users, data.traces, [], takePreparedTraces(data.traces));
    const plain = buildTraceIndex(data.users, data.traces, []);
    for (const idx of [fast, plain]) {
      expect(idx.size).toBe(attributed.length);
      expect(idx.unattributedStartMs.length).toBe(withUnattributed.length - attributed.length);
      expect(idx.tracePos.get('unattributed-1')).toBeUndefined();
      for (let row = 0; row < idx.size; row++) {
        const t = idx.traces[row]!;
        expect(idx.tracePos.get(t.id)).toBe(row);
        expect(idx.startMs[row]).toBe(Date.parse(t.startTime));
        expect(idx.users[idx.userOf[row]!]!.id).toBe(t.userId);
        expect(idx.conversation.values[idx.conversation.codes[row]!] ?? undefined).toBe(t.conversationId);
        expect(idx.model.values[idx.model.codes[row]!] ?? undefined).toBe(t.model);
        if (row > 0 && idx.userOf[row - 1] === idx.userOf[row]) {
          const before = idx.traces[row - 1]!;
          expect(idx.startMs[row - 1]! < idx.startMs[row]! || (idx.startMs[row - 1] === idx.startMs[row] && before.id < t.id)).toBe(true);
        }
      }
    }
    expect(Array.from(fast.startMs)).toEqual(Array.from(plain.startMs));
    expect(fast.traces.map((t) => t.id)).toEqual(plain.traces.map((t) => t.id));
  });
});
