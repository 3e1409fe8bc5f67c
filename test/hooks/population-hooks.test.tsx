import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../../src/core/contract';
import { MAX_PAGE_SIZE } from '../../src/core/limits';
import type { DistributionMetric, UsersDistribution, UsersSegments } from '../../src/core/results';
import { useUsersDistribution, useUsersSegments } from '../../src/hooks/population-hooks';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { hostClient, wrapperFor } from './harness';

const range = contractRanges.main;
const METRICS: DistributionMetric[] = ['costUsd', 'traceCount', 'errorRate', 'latencyP95Ms'];

function memory(): DataProvider {
  return createMemoryProvider({ ...contractDataset, validate: false });
}

/** The memory provider without the two optional population methods, its listUsers spied on. */
function withoutPopulationMethods() {
  const { getUsersDistribution: _d, getUsersSegments: _s, ...rest } = memory();
  const listUsers = vi.fn(rest.listUsers);
  return { provider: { ...rest, listUsers } as DataProvider, listUsers };
}

describe('useUsersDistribution', () => {
  it('asks getUsersDistribution with the params and a signal when the provider has it, and never scans', async () => {
    const base = memory();
    const getUsersDistribution = vi.fn(base.getUsersDistribution!);
    const listUsers = vi.fn(base.listUsers);
    const provider = { ...base, listUsers, getUsersDistribution };
    const { result } = renderHook(() => useUsersDistribution({ range, metric: 'costUsd', binCount: 8 }), { wrapper: wrapperFor(provider, hostClient()) });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual(await base.getUsersDistribution!({ range, metric: 'costUsd', binCount: 8 }));
    expect(getUsersDistribution.mock.calls[0]![0]).toMatchObject({ range, metric: 'costUsd', binCount: 8 });
    expect(getUsersDistribution.mock.calls[0]![0].signal).toBeInstanceOf(AbortSignal);
    expect(listUsers).not.toHaveBeenCalled();
  });

  it.each(METRICS)('bins listUsers rows without the method exactly as the provider does (%s, with a position)', async (metric) => {
    const want: UsersDistribution = await memory().getUsersDistribution!({ range, metric, userId: 'u-errors' });
    const { provider } = withoutPopulationMethods();
    const { result } = renderHook(() => useUsersDistribution({ range, metric, userId: 'u-errors' }), { wrapper: wrapperFor(provider, hostClient()) });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const got = result.current.data!;
    expect(got.bins.map((b) => b.userCount)).toEqual(want.bins.map((b) => b.userCount));
    got.bins.forEach((bin, i) => {
      expect(bin.from).toBeCloseTo(want.bins[i]!.from, 9);
      expect(bin.to).toBeCloseTo(want.bins[i]!.to, 9);
    });
    expect({ userCount: got.userCount, unknownCount: got.unknownCount, above: got.position?.aboveCount }).toEqual({
      userCount: want.userCount,
      unknownCount: want.unknownCount,
      above: want.position?.aboveCount,
    });
  });

  it('answers null past the fallback scan limit, after a bounded scan', async () => {
    const { provider, listUsers } = withoutPopulationMethods();
    const { result } = renderHook(() => useUsersDistribution({ range, metric: 'traceCount' }, { fallbackScanLimit: 3 }), {
      wrapper: wrapperFor(provider, hostClient()),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toBeNull();
    expect(listUsers).toHaveBeenCalledTimes(1);
    expect(listUsers.mock.calls[0]![0].pagination).toEqual({ pageIndex: 0, pageSize: MAX_PAGE_SIZE });
  });
});

describe('useUsersSegments', () => {
  it('asks getUsersSegments when the provider has it', async () => {
    const base = memory();
    const getUsersSegments = vi.fn(base.getUsersSegments!);
    const { result } = renderHook(() => useUsersSegments({ range, key: 'plan' }), { wrapper: wrapperFor({ ...base, getUsersSegments }, hostClient()) });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual(await base.getUsersSegments!({ range, key: 'plan' }));
    expect(getUsersSegments.mock.calls[0]![0].signal).toBeInstanceOf(AbortSignal);
  });

  it.each(['plan', 'region', 'no-such-key'])(
    'groups listUsers rows without the method as the provider does, p50 / p95 unknown (%s)',
    async (key) => {
      const want: UsersSegments = await memory().getUsersSegments!({ range, key, limit: 2 });
      const { provider } = withoutPopulationMethods();
      const { result } = renderHook(() => useUsersSegments({ range, key, limit: 2 }), { wrapper: wrapperFor(provider, hostClient()) });
      await waitFor(() => expect(result.current.status).toBe('success'));
      const got = result.current.data!;
      expect(got.omittedCount).toBe(want.omittedCount);
      expect(got.segments.map((s) => s.value)).toEqual(want.segments.map((s) => s.value));
      got.segments.forEach((segment, i) => {
        const w = want.segments[i]!;
        expect({ ...segment, costUsd: null, costPerTraceUsd: null, errorRate: null }).toEqual({
          ...w,
          latencyP50Ms: null,
          latencyP95Ms: null,
          costUsd: null,
          costPerTraceUsd: null,
          errorRate: null,
        });
        for (const field of ['costUsd', 'costPerTraceUsd', 'errorRate'] as const) {
          if (w[field] === null) expect(segment[field]).toBeNull();
          else expect(segment[field]).toBeCloseTo(w[field]!, 9);
        }
      });
    },
  );

  it('is held without a request while there is no key to break down by', () => {
    const { provider, listUsers } = withoutPopulationMethods();
    const { result } = renderHook(() => useUsersSegments({ range, key: '' }, { enabled: false }), { wrapper: wrapperFor(provider, hostClient()) });
    expect(result.current).toMatchObject({ status: 'pending', isEnabled: false, isFetching: false });
    expect(listUsers).not.toHaveBeenCalled();
  });
});
