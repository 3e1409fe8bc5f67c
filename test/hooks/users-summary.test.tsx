import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataProvider, GetUsersSummaryParams } from '../../src/core/contract';
import type { UsersSummary } from '../../src/core/results';
import { useUsersSummary } from '../../src/hooks/query-hooks';
import { createFakeProvider, RANGE, wrapperFor } from './harness';

const SUMMARY: UsersSummary = { userCount: 9, activeUserCount: 4, attentionUserCount: 1, traceCount: 20, errorRate: 0.1, costUsd: null, newUserCount: 2, unattributedTraceCount: 5 };

/** The fake provider plus a `getUsersSummary` answered by hand. */
function withSummary() {
  const fake = createFakeProvider();
  const calls: { params: GetUsersSummaryParams; resolve: (s: UsersSummary) => void }[] = [];
  const provider: DataProvider = {
    ...fake.provider,
    getUsersSummary: (params) => new Promise((resolve) => calls.push({ params, resolve })),
  };
  return { provider, calls };
}

describe('useUsersSummary', () => {
  it('asks getUsersSummary for the range, with a signal, and returns its totals', async () => {
    const { provider, calls } = withSummary();
    const { result } = renderHook(() => useUsersSummary({ range: RANGE }), { wrapper: wrapperFor(provider) });
    expect(result.current).toMatchObject({ status: 'pending', isEnabled: true, isFetching: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params.range).toEqual(RANGE);
    expect(calls[0]!.params.signal).toBeInstanceOf(AbortSignal);
    act(() => calls[0]!.resolve(SUMMARY));
    await waitFor(() => expect(result.current.data).toEqual(SUMMARY));
  });

  it('stays idle, without a request, when the provider leaves the method out or enabled is false', () => {
    const fake = createFakeProvider();
    const absent = renderHook(() => useUsersSummary({ range: RANGE }), { wrapper: wrapperFor(fake.provider) });
    expect(absent.result.current).toMatchObject({ status: 'pending', isEnabled: false, isFetching: false });
    expect(fake.calls).toHaveLength(0);
    const { provider, calls } = withSummary();
    const held = renderHook(() => useUsersSummary({ range: RANGE }, { enabled: false }), { wrapper: wrapperFor(provider) });
    expect(held.result.current).toMatchObject({ status: 'pending', isEnabled: false });
    expect(calls).toHaveLength(0);
  });
});
