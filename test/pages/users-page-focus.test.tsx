import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { Trace, User } from '../../src/core/model';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UsersPage, type UsersPageProps } from '../../src/pages/UsersPage/UsersPage';

// Slow shared CI machines: give async assertions room.
configure({ asyncUtilTimeout: 5000 });

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

const users: User[] = [
  { id: 'u1', displayName: 'Ada Lovelace', metadata: { plan: 'pro' } },
  { id: 'u2', displayName: 'Bob Failing', metadata: { plan: 'free' } },
];

const traces: Trace[] = users.map((u, i) => ({
  id: `${u.id}-t`,
  userId: u.id,
  startTime: new Date(NOW - (i + 1) * 3_600_000).toISOString(),
  latencyMs: 500,
  status: 'ok',
  costUsd: 0.01,
}));

function renderPage(props: Partial<UsersPageProps> = {}) {
  const queryClient = createUserscopeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const user = userEvent.setup();
  render(
    <UserscopeProvider provider={createMemoryProvider({ users, traces })} queryClient={queryClient} locale="en-US">
      <UsersPage now={NOW} searchDebounceMs={50} {...props} />
    </UserscopeProvider>,
  );
  return { user };
}

const toolbar = () => screen.getByRole('group', { name: 'Filters' });

describe('UsersPage "Clear filters" focus', () => {
  it('moves focus to the search box when the toolbar button is clicked', async () => {
    const { user } = renderPage({ defaultView: { attentionOnly: true } });
    const clear = await within(toolbar()).findByRole('button', { name: 'Clear filters' });
    await user.click(clear);
    await waitFor(() => expect(within(toolbar()).queryByRole('button', { name: 'Clear filters' })).toBeNull());
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('moves focus to the search box when the toolbar button is pressed with the keyboard', async () => {
    const { user } = renderPage({ defaultView: { attentionOnly: true } });
    const clear = await within(toolbar()).findByRole('button', { name: 'Clear filters' });
    clear.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(toolbar()).queryByRole('button', { name: 'Clear filters' })).toBeNull());
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('moves focus to the search box from the table\'s "no match" state', async () => {
    const { user } = renderPage({ defaultView: { search: 'nobody-here' } });
    expect(await screen.findByText('No users match the search and filters.')).toBeInTheDocument();
    const clear = within(screen.getByRole('grid')).getByRole('button', { name: 'Clear filters' });
    clear.focus();
    await user.keyboard(' ');
    await screen.findByText('Ada Lovelace');
    expect(screen.queryByText('No users match the search and filters.')).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });
});
