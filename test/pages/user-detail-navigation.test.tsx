import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DataProvider, ListUsersParams } from '../../src/core/contract';
import { findAdjacentUsers } from '../../src/hooks/use-adjacent-users';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { adjacentNavigation } from '../../src/pages/UserDetailPage/adjacent-navigation';
import { useAdjacentUsersInView } from '../../src/hooks/use-adjacent-users-in-view';
import { contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { renderPage, USER } from './user-detail-page-harness';

const list: Omit<ListUsersParams, 'signal' | 'pagination'> = { range: contractRanges.main, sorting: [{ id: 'traceCount', desc: true }] };

/** Every user id of the view, in order: the plain reference the hook must agree with. */
async function allIds(provider: DataProvider, params = list): Promise<string[]> {
  const page = await provider.listUsers({ ...params, pagination: { pageIndex: 0, pageSize: 1000 } });
  return page.rows.map((r) => r.user.id);
}

describe('findAdjacentUsers', () => {
  it('finds the neighbours in the view order for every user, with and without an index hint, in few calls', async () => {
    const provider = createTestProvider();
    const ids = await allIds(provider);
    expect(ids.length).toBeGreaterThan(3);
    const signal = new AbortController().signal;
    for (const [i, id] of ids.entries()) {
      const expected = { found: true, index: i, total: ids.length, previous: ids[i - 1] ?? null, next: ids[i + 1] ?? null };
      const spy = vi.spyOn(provider, 'listUsers');
      for (const params of [{ list, userId: id }, { list, userId: id, indexHint: i }, { list, userId: id, indexHint: i + 1 }]) {
        const got = await findAdjacentUsers(provider, params, signal);
        expect({ ...got, previous: got.previous?.user.id ?? null, next: got.next?.user.id ?? null }).toEqual(expected);
      }
      // Right hint: 3 one-row calls. Search from the top: 1 page (+ at most 2 edge rows). Wrong hint: 1 more.
      expect(spy.mock.calls.length).toBeLessThanOrEqual(3 + 3 + 4);
      spy.mockRestore();
    }
  });

  it('follows the filters: a user outside the view is not found, and maxRows bounds the search', async () => {
    const provider = createTestProvider();
    const signal = new AbortController().signal;
    const ids = await allIds(provider);
    const last = ids[ids.length - 1] as string;
    expect(await findAdjacentUsers(provider, { list: { ...list, search: 'no such user anywhere' }, userId: USER }, signal)).toEqual({
      found: false,
      index: null,
      total: null,
      previous: null,
      next: null,
    });
    expect((await findAdjacentUsers(provider, { list, userId: last, maxRows: ids.length - 1 }, signal)).found).toBe(false);
  });
});

describe('UserDetailPage navigation', () => {
  it('renders a back link, the position and previous / next links; plain clicks go to onNavigate', async () => {
    const onNext = vi.fn();
    const { user } = renderPage({
      navigation: {
        back: { href: '/users?sort=cost', label: 'Back to users' },
        previous: null,
        next: { href: '/users/u-2', label: 'Grace Hopper', onNavigate: onNext },
        position: { index: 0, total: 120 },
      },
    });
    const nav = screen.getByRole('navigation', { name: 'Users' });
    expect(nav).toHaveTextContent('←Back to users1 of 120‹PreviousNext›');
    expect(screen.getByRole('link', { name: 'Back to users' })).toHaveAttribute('href', '/users?sort=cost');
    const next = screen.getByRole('link', { name: 'Next user: Grace Hopper' });
    expect(next).toHaveAttribute('href', '/users/u-2');
    // The first user: "Previous" stays in place as a disabled link, with nowhere to go.
    const previous = screen.getByRole('link', { name: 'Previous' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(previous).not.toHaveAttribute('href');
    await user.click(next);
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('shows no bar without navigation, and disabled steps while pending', () => {
    const { unmount } = renderPage();
    expect(screen.queryByRole('navigation', { name: 'Users' })).toBeNull();
    unmount();
    renderPage({ navigation: { pending: true } });
    const nav = screen.getByRole('navigation', { name: 'Users' });
    expect([...nav.querySelectorAll('[aria-disabled="true"]')].map((e) => e.textContent)).toEqual(['‹Previous', 'Next›']);
  });

  it('useAdjacentUsersInView + adjacentNavigation give the links of the list view', async () => {
    const provider = createTestProvider();
    const view = { range: { preset: 'custom' as const, from: '2025-03-03', to: '2025-03-16' }, sorting: [{ id: 'traceCount', desc: true }] };
    const ids = await allIds(provider, { range: contractRanges.main, sorting: view.sorting });
    const i = ids.indexOf(USER);
    function Nav() {
      const adjacent = useAdjacentUsersInView({ view, userId: USER, now: Date.parse(contractRanges.main.to) });
      const n = adjacentNavigation(adjacent, (row) => ({ href: `/users/${row.user.id}` }));
      return <p data-testid="nav">{JSON.stringify(n)}</p>;
    }
    const queryClient = createUserscopeQueryClient();
    render(
      <UserscopeProvider provider={provider} queryClient={queryClient}>
        <Nav />
      </UserscopeProvider>,
    );
    expect(screen.getByTestId('nav')).toHaveTextContent('{"pending":true}');
    await waitFor(() => expect(screen.getByTestId('nav')).not.toHaveTextContent('pending'));
    const n = JSON.parse(screen.getByTestId('nav').textContent ?? '{}');
    expect(n.position).toEqual({ index: i, total: ids.length });
    expect(n.previous?.href ?? null).toBe(i > 0 ? `/users/${ids[i - 1]}` : null);
    expect(n.next?.href ?? null).toBe(i + 1 < ids.length ? `/users/${ids[i + 1]}` : null);
  });
});

describe('UserDetailPage metrics section', () => {
  it('asks the population with the metrics and places the user by cost among all users', async () => {
    const base = createTestProvider();
    const getUserMetrics = vi.fn(base.getUserMetrics);
    const getUsersDistribution = vi.fn(async () => ({
      metric: 'costUsd' as const,
      bins: [],
      userCount: 150,
      unknownCount: 0,
      position: { value: 3, aboveCount: 2 },
    }));
    renderPage({ sections: ['metrics'] }, { ...base, getUserMetrics, getUsersDistribution } satisfies DataProvider);
    expect(await screen.findByRole('list', { name: 'Position among all users' })).toHaveTextContent('Cost in the top 2% of users (rank 3 of 150)');
    expect(getUserMetrics).toHaveBeenLastCalledWith(expect.objectContaining({ compare: { population: true } }));
    expect(getUsersDistribution).toHaveBeenCalledWith(expect.objectContaining({ metric: 'costUsd', userId: USER, range: contractRanges.main }));
  });
});
