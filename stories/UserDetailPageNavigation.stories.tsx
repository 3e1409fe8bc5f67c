import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { DataProvider } from '../src/core/contract';
import { createUserscopeQueryClient } from '../src/hooks/query-client';
import { UserscopeProvider } from '../src/hooks/userscope-provider';
import { UserDetailPage } from '../src/pages/UserDetailPage/UserDetailPage';
import { adjacentNavigation } from '../src/pages/UserDetailPage/adjacent-navigation';
import { useAdjacentUsersInView } from '../src/hooks/use-adjacent-users-in-view';
import { UsersPage } from '../src/pages/UsersPage/UsersPage';
import { DEFAULT_USERS_VIEW, type UsersView } from '../src/hooks/users-view';
import { demoProvider } from './support/demo-provider';
import { PAGE_NOW, pageTraceHref } from './support/detail-page-data';

/** The list's view the story starts with: the last 7 days, most expensive users first. */
const START_VIEW: UsersView = { ...DEFAULT_USERS_VIEW, sorting: [{ id: 'costUsd', desc: true }] };

/** The top of the page is enough to see who is shown; the other sections would only slow the journey down. */
const SECTIONS = ['header', 'metrics'] as const;

const userHref = (userId: string) => `#/users/${encodeURIComponent(userId)}`;

/** The detail page of `userId`, with back / previous / next from the list's view. */
function DetailWithNavigation({ userId, view, onOpen, onBack }: { userId: string; view: UsersView; onOpen: (id: string) => void; onBack: () => void }) {
  const adjacent = useAdjacentUsersInView({ view, userId, now: PAGE_NOW });
  const steps = adjacentNavigation(adjacent, (row) => ({ href: userHref(row.user.id), onNavigate: () => onOpen(row.user.id) }));
  return (
    <UserDetailPage
      key={userId}
      userId={userId}
      range={view.range}
      now={PAGE_NOW}
      getTraceHref={pageTraceHref}
      sections={SECTIONS}
      navigation={{ back: { href: '#/users', label: 'All users', onNavigate: onBack }, ...steps }}
    />
  );
}

/**
 * A host app in miniature: the users list and a user's page, one state (`view`, `userId`) as a router would keep it
 * in the URL. Previous / next on the user's page follow the list's sort and filters.
 */
function ListAndDetail({ provider }: { provider: DataProvider }) {
  const [queryClient] = useState(() => {
    const client = createUserscopeQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
    return client;
  });
  const [view, setView] = useState<UsersView>(START_VIEW);
  const [userId, setUserId] = useState<string | null>(null);
  return (
    <UserscopeProvider provider={provider} queryClient={queryClient} locale="en-US">
      {userId === null ? (
        <UsersPage
          now={PAGE_NOW}
          view={view}
          onViewChange={setView}
          getUserHref={(user) => userHref(user.id)}
          onUserOpen={(user) => setUserId(user.id)}
        />
      ) : (
        <DetailWithNavigation userId={userId} view={view} onOpen={setUserId} onBack={() => setUserId(null)} />
      )}
    </UserscopeProvider>
  );
}

const meta = {
  title: 'User detail/Navigation',
  loaders: [async () => ({ provider: demoProvider() })],
  render: (_args, { loaded }) => <ListAndDetail provider={loaded.provider as DataProvider} />,
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The names of the list's first rows, in order. */
async function listedNames(root: HTMLElement): Promise<string[]> {
  let names: string[] = [];
  await waitFor(
    () => {
      names = [...root.querySelectorAll('[data-slot="user-link"]')].map((a) => a.textContent ?? '');
      expect(names.length).toBeGreaterThan(2);
    },
    { timeout: 12_000 },
  );
  return names;
}

/**
 * List → user → next user → back: the list sorted by cost; the first user's page says "1 of 300" with Previous
 * disabled; Next opens the list's second user; "All users" returns to the list, its sort kept.
 */
export const ListToNextUser: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first, second] = await listedNames(canvasElement);
    await userEvent.click(canvasElement.querySelector('[data-slot="user-link"]') as HTMLElement);
    const pager = await canvas.findByRole('navigation', { name: 'Users' }, { timeout: 12_000 });
    await waitFor(() => expect(pager.querySelector('[data-slot="user-position"]')).toHaveTextContent(/^1 of \d+/), { timeout: 12_000 });
    await expect(canvas.getByRole('heading', { level: 2, name: first })).toBeVisible();
    await expect(pager.querySelector('[data-slot="previous-user"]')).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('link', { name: `Next user: ${second}` }));
    await waitFor(() => expect(canvas.getByRole('heading', { level: 2, name: second })).toBeVisible(), { timeout: 12_000 });
    await waitFor(() => expect(canvas.getByRole('navigation', { name: 'Users' }).querySelector('[data-slot="user-position"]')).toHaveTextContent(/^2 of /), {
      timeout: 12_000,
    });
    await expect(canvas.getByRole('link', { name: `Previous user: ${first}` })).toBeVisible();
  },
};

/** List → user → "All users": the list comes back with its sort (most expensive first) kept. */
export const BackToList: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await listedNames(canvasElement);
    await userEvent.click(canvasElement.querySelector('[data-slot="user-link"]') as HTMLElement);
    await userEvent.click(await canvas.findByRole('link', { name: 'All users' }, { timeout: 12_000 }));
    const names = await listedNames(canvasElement);
    await expect(names.length).toBeGreaterThan(2);
    const sorted = canvas.getAllByRole('columnheader').filter((h) => h.getAttribute('aria-sort') === 'descending');
    await expect(sorted.map((h) => h.textContent)).toEqual([expect.stringMatching(/^Cost/)]);
  },
};
