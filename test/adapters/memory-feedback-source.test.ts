import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { Feedback } from '../../src/core/model';
import { makeTrace } from '../core/arbitraries';

const range = { from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z' };
const fb = (id: string, traceId: string, value: Feedback['value'], extra: Partial<Feedback> = {}): Feedback => ({
  id, traceId, userId: 'u', key: 'quality', value, createdAt: '2024-01-05T00:00:00.000Z', ...extra,
});

describe('createMemoryProvider: feedback source', () => {
  const users = [{ id: 'u', metadata: {} }];
  const traces = ['a', 'b', 'c'].map((id, i) => makeTrace(id, 'u', `2024-01-0${i + 1}T00:00:00.000Z`));
  const feedback = [
    fb('f1', 'a', true, { comment: 'great', source: 'user' }),
    fb('f2', 'b', false, { comment: 'checked', source: 'reviewer' }),
    // An LLM judge on trace c: 0.9 "hallucination" would raise the average and the coverage if it counted.
    fb('f3', 'c', true, { comment: 'judge says ok', source: 'eval' }),
  ];
  const provider = createMemoryProvider({ users, traces, feedback });

  it('counts user and reviewer feedback, never eval records', async () => {
    const overview = await provider.getFeedback({ userId: 'u', range });
    // 2 records (true → 1, false → 0): average 0.5, on 2 of 3 traces.
    expect(overview.summary).toMatchObject({ count: 2, avgScore: 0.5, tracesWithFeedback: 2 });
    expect(overview.summary.coverage).toBeCloseTo(2 / 3, 12);
    const { rows } = await provider.listUsers({ range });
    expect(rows[0]!.feedbackAvgScore).toBe(0.5);
    const traceRows = await provider.listTraces({ userId: 'u', range });
    expect(Object.fromEntries(traceRows.rows.map((t) => [t.id, t.feedbackScore]))).toEqual({ a: 1, b: 0, c: null });
  });

  it('lists comments with their source, eval comments left out', async () => {
    const { rows } = await provider.listFeedbackComments({ userId: 'u', range });
    // Same createdAt: ties go by id.
    expect(rows.map((c) => [c.id, c.source])).toEqual([['f1', 'user'], ['f2', 'reviewer']]);
  });

  it('rejects an unknown source naming the field', () => {
    expect(() => createMemoryProvider({ users, traces, feedback: [fb('f9', 'a', 1, { source: 'robot' as Feedback['source'] })] })).toThrow(/feedback\[0\]\.source/);
  });
});
