import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/core/model';
import type { Page } from '../../src/core/results';
import { useConversations, useFeedbackComments, useTraces } from '../../src/hooks/cursor-hooks';
import { createFakeProvider, RANGE, wrapperFor } from './harness';

function trace(id: string): Trace {
  return { id, userId: 'u', startTime: RANGE.from, latencyMs: 1, status: 'ok' };
}

function page(ids: string[], nextCursor: string | null): Page<Trace> {
  return { rows: ids.map(trace), nextCursor };
}

describe('useTraces (cursor paging)', () => {
  it('follows nextCursor and flattens the pages into rows', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useTraces({ userId: 'u', range: RANGE, limit: 2 }), {
      wrapper: wrapperFor(fake.provider),
    });
    expect(result.current).toMatchObject({ status: 'pending', rows: [], hasNextPage: false });
    expect(fake.calls[0]!.params).toEqual({ userId: 'u', range: RANGE, limit: 2 });
    expect('cursor' in fake.calls[0]!.params).toBe(false);

    act(() => fake.calls[0]!.resolve(page(['t1', 't2'], 'c2')));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.rows.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(result.current.hasNextPage).toBe(true);

    act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(true));
    expect(fake.calls[1]!.params).toEqual({ userId: 'u', range: RANGE, limit: 2, cursor: 'c2' });
    expect(fake.calls[1]!.signal).toBeInstanceOf(AbortSignal);

    act(() => fake.calls[1]!.resolve(page(['t3'], null)));
    await waitFor(() => expect(result.current.rows.map((t) => t.id)).toEqual(['t1', 't2', 't3']));
    expect(result.current).toMatchObject({ hasNextPage: false, isFetchingNextPage: false });
    expect(result.current.data?.pages).toHaveLength(2);

    act(() => result.current.fetchNextPage());
    expect(fake.calls).toHaveLength(2);
  });

  it('ignores fetchNextPage while a next page is loading', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useTraces({ userId: 'u', range: RANGE }), {
      wrapper: wrapperFor(fake.provider),
    });
    act(() => fake.calls[0]!.resolve(page(['t1'], 'c2')));
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(true));
    act(() => result.current.fetchNextPage());
    expect(fake.calls).toHaveLength(2);
  });

  it('aborts the old request and shows no old rows when params change', async () => {
    const fake = createFakeProvider();
    const { result, rerender } = renderHook(({ conversationId }) => useTraces({ userId: 'u', range: RANGE, conversationId }), {
      initialProps: { conversationId: 'c1' },
      wrapper: wrapperFor(fake.provider),
    });
    act(() => fake.calls[0]!.resolve(page(['t1'], 'next')));
    await waitFor(() => expect(result.current.rows).toHaveLength(1));

    act(() => result.current.fetchNextPage());
    const nextPage = fake.calls[1]!;
    rerender({ conversationId: 'c2' });
    expect(nextPage.signal?.aborted).toBe(true);
    expect(result.current).toMatchObject({ status: 'pending', data: undefined, rows: [], isFetching: true });
    expect(fake.calls[2]!.params).toEqual({ userId: 'u', range: RANGE, conversationId: 'c2' });

    act(() => fake.calls[2]!.resolve(page(['t9'], null)));
    await waitFor(() => expect(result.current.rows.map((t) => t.id)).toEqual(['t9']));
  });

  it('keeps the previous rows as placeholder with keepPreviousData', async () => {
    const fake = createFakeProvider();
    const { result, rerender } = renderHook(
      ({ conversationId }) => useTraces({ userId: 'u', range: RANGE, conversationId }, { keepPreviousData: true }),
      { initialProps: { conversationId: 'c1' }, wrapper: wrapperFor(fake.provider) },
    );
    act(() => fake.calls[0]!.resolve(page(['t1'], 'next')));
    await waitFor(() => expect(result.current.rows).toHaveLength(1));

    rerender({ conversationId: 'c2' });
    expect(result.current).toMatchObject({ status: 'success', isPlaceholderData: true, isFetching: true });
    expect(result.current.rows.map((t) => t.id)).toEqual(['t1']);
    expect(result.current.hasNextPage).toBe(false);

    act(() => fake.calls[1]!.resolve(page(['t9'], null)));
    await waitFor(() => expect(result.current.rows.map((t) => t.id)).toEqual(['t9']));
    expect(result.current.isPlaceholderData).toBe(false);
  });
});

describe('other cursor hooks', () => {
  it('useConversations calls listConversations', async () => {
    const fake = createFakeProvider();
    const sorting = [{ id: 'errorCount', desc: true }];
    const { result } = renderHook(() => useConversations({ userId: 'u', range: RANGE, sorting }), {
      wrapper: wrapperFor(fake.provider),
    });
    expect(fake.calls[0]).toMatchObject({ method: 'listConversations', params: { userId: 'u', range: RANGE, sorting } });
    act(() => fake.calls[0]!.resolve({ rows: [{ id: 'c1' }], nextCursor: null }));
    await waitFor(() => expect(result.current.rows).toEqual([{ id: 'c1' }]));
  });

  it('useFeedbackComments calls listFeedbackComments', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useFeedbackComments({ userId: 'u', range: RANGE, limit: 5 }), {
      wrapper: wrapperFor(fake.provider),
    });
    expect(fake.calls[0]).toMatchObject({ method: 'listFeedbackComments', params: { userId: 'u', range: RANGE, limit: 5 } });
    act(() => fake.calls[0]!.resolve({ rows: [{ id: 'f1' }] }));
    await waitFor(() => expect(result.current.rows).toEqual([{ id: 'f1' }]));
    expect(result.current.hasNextPage).toBe(false);
  });
});
