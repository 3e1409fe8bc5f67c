import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { normaliseFeedback } from '../../src/core/engine/feedback-normalise';
import type { Feedback } from '../../src/core/model';
import type { TraceRow } from '../../src/core/results';
import { traceRowSchema } from '../../src/core/schema/results';
import { validate } from '../../src/core/schema/validate';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { makeTrace } from '../core/arbitraries';

const range = { from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z' };

/** Every trace row of `userId` in `r`, all pages. */
async function allRows(p: ReturnType<typeof createMemoryProvider>, userId: string, r = range): Promise<TraceRow[]> {
  const rows: TraceRow[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await p.listTraces({ userId, range: r, cursor, limit: 5 });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

describe('createMemoryProvider: listTraces feedbackScore', () => {
  it('is the mean normalised score of the trace’s scored feedback, null without any', async () => {
    const users = [{ id: 'u', metadata: {} }];
    const traces = ['a', 'b', 'c', 'd'].map((id, i) => makeTrace(id, 'u', `2024-01-0${i + 1}T00:00:00.000Z`));
    const fb = (id: string, traceId: string, key: string, value: Feedback['value'], createdAt = '2024-01-05T00:00:00.000Z'): Feedback => ({
      id, traceId, userId: 'u', key, value, createdAt,
    });
    const feedback = [
      fb('f1', 'a', 'thumbs', true),
      fb('f2', 'a', 'stars', 3),
      fb('f3', 'a', 'mood', 'happy'),
      fb('f4', 'b', 'stars', 1, '2025-06-01T00:00:00.000Z'),
      fb('f5', 'b', 'stars', 5),
      fb('f6', 'c', 'mood', 'sad'),
    ];
    const rows = await allRows(createMemoryProvider({ users, traces, feedback }), 'u');
    const score = Object.fromEntries(rows.map((r) => [r.id, r.feedbackScore]));
    // thumbs true → 1, stars 3 on the 1..5 scale → 0.5, the category has no score: mean 0.75.
    // b: stars 1 → 0 and 5 → 1 (one left after the range: still counted); c: only a category; d: no feedback.
    expect(score).toEqual({ a: 0.75, b: 0.5, c: null, d: null });
    for (const row of rows) expect(validate(traceRowSchema, row)).toEqual(row);
  });

  it('matches the per-trace mean of normaliseFeedback over the contract dataset, and validates', async () => {
    const p = createMemoryProvider(contractDataset);
    const byTrace = new Map<string, number[]>();
    for (const f of normaliseFeedback(contractDataset.feedback ?? [])) {
      if (typeof f.score !== 'number') continue;
      byTrace.set(f.traceId, [...(byTrace.get(f.traceId) ?? []), f.score]);
    }
    let scored = 0;
    for (const user of contractDataset.users) {
      for (const row of await allRows(p, user.id, contractRanges.main)) {
        const scores = byTrace.get(row.id);
        if (scores) scored++;
        const expected = scores ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
        if (expected === null) expect(row.feedbackScore).toBeNull();
        else expect(row.feedbackScore).toBeCloseTo(expected, 12);
        validate(traceRowSchema, row);
      }
    }
    expect(scored).toBeGreaterThan(0);
  });

  it('rejects a trace row whose feedbackScore is not a fraction or null', () => {
    const row = { ...makeTrace('a', 'u', '2024-01-01T00:00:00.000Z') };
    for (const feedbackScore of [1.5, -0.1, '0.5', Number.NaN]) {
      expect(() => validate(traceRowSchema, { ...row, feedbackScore }, 'rows[0]')).toThrow(expect.objectContaining({ field: 'rows[0].feedbackScore' }));
    }
    expect(validate(traceRowSchema, row)).toEqual(row);
  });
});
