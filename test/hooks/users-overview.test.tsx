import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../../src/core/contract';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { useUsersOverview } from '../../src/hooks/users-overview';

const range = contractRanges.main;

function render(provider: DataProvider, scanLimit?: number) {
  const queryClient = createUserscopeQueryClient();
  return renderHook(() => useUsersOverview(range, { scanLimit }), {
    wrapper: ({ children }) => (
      <UserscopeProvider provider={provider} queryClient={queryClient}>
        {children}
      </UserscopeProvider>
    ),
  });
}

describe('useUsersOverview (UsersPage totals)', () => {
  it('takes every total from getUsersSummary when the provider has it, even past the scan limit', async () => {
    const base = createMemoryProvider({ ...contractDataset, validate: false });
    const listUsers = vi.fn(base.listUsers);
    const getUsersSummary = vi.fn(base.getUsersSummary!);
    const { result } = render({ ...base, listUsers, getUsersSummary }, 1);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.totals).toEqual(await base.getUsersSummary!({ range }));
    expect(result.current.tooLarge).toBe(false);
    expect(getUsersSummary.mock.calls.map(([p]) => p.range)).toEqual([range]);
    await waitFor(() => expect(result.current.facets.length).toBeGreaterThan(0));
    expect(listUsers).toHaveBeenCalledTimes(1);
    expect(listUsers.mock.calls[0]![0].pagination).toEqual({ pageIndex: 0, pageSize: 1000 });
  });

  it('falls back on listUsers without it, with the same totals (new users from the all-time list; unattributed traces unknown), and gives up past the scan limit', async () => {
    const { getUsersSummary, ...base } = createMemoryProvider({ ...contractDataset, validate: false });
    const want = await getUsersSummary!({ range });
    const fallback = render(base);
    await waitFor(() => expect(fallback.result.current.totals.userCount).not.toBeNull());
    await waitFor(() => expect(fallback.result.current.totals.attentionUserCount).not.toBeNull());
    await waitFor(() => expect(fallback.result.current.totals.newUserCount).not.toBeNull());
    const { costUsd, ...exact } = fallback.result.current.totals;
    const { costUsd: wantCost, ...wantExact } = want;
    // listUsers rows never count unattributed traces: the fallback says "unknown", never 0.
    expect(exact).toEqual({ ...wantExact, unattributedTraceCount: null });
    expect(costUsd).toBeCloseTo(wantCost!, 9);
    const limited = render(base, 1);
    await waitFor(() => expect(limited.result.current.tooLarge).toBe(true));
    expect(limited.result.current.totals).toMatchObject({ activeUserCount: want.activeUserCount, traceCount: null, errorRate: null, costUsd: null });
  });
});
