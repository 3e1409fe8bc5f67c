import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider, ListUsersParams } from '../../src/core/contract';
import type { Trace, User } from '../../src/core/model';
import type { UsersSummary } from '../../src/core/results';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UsersPage, type UsersPageProps } from '../../src/pages/UsersPage/UsersPage';

configure({ asyncUtilTimeout: 5000 });

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;

/** Six users: costs 0.01 × traces, so cost and traces rank alike; u6 is the most expensive by far. */
const users: User[] = [
  { id: 'u1', displayName: 'Ada', metadata: { plan: 'pro', region: 'eu' } },
  { id: 'u2', displayName: 'Bob', metadata: { plan: 'free', region: 'us' } },
  { id: 'u3', displayName: 'Cy', metadata: { plan: 'free', region: 'eu' } },
  { id: 'u4', displayName: 'Dee', metadata: { plan: 'pro', region: 'us' } },
  { id: 'u5', displayName: 'Eve', metadata: { plan: 'enterprise', region: 'eu' } },
  { id: 'u6', displayName: 'Fay', metadata: { plan: 'enterprise', region: 'us' } },
];
const TRACES_PER_USER: Record<string, [count: number, errors: number]> = { u1: [2, 0], u2: [3, 2], u3: [4, 0], u4: [5, 0], u5: [6, 1], u6: [40, 0] };

function traces(): Trace[] {
  return Object.entries(TRACES_PER_USER).flatMap(([userId, [count, errors]]) =>
    Array.from({ length: count }, (_, i): Trace => ({
      id: `${userId}-t${i}`,
      userId,
      startTime: new Date(NOW - (2 + i) * HOUR).toISOString(),
      latencyMs: 400 + i * 10,
      status: i < errors ? 'error' : 'ok',
      costUsd: 0.01,
    })),
  );
}

function provider(overrides: Partial<DataProvider> = {}): DataProvider {
  return { ...createMemoryProvider({ users, traces: traces() }), ...overrides };
}

function renderPage(props: Partial<UsersPageProps> = {}, dataProvider: DataProvider = provider()) {
  const queryClient = createUserscopeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const user = userEvent.setup();
  render(
    <UserscopeProvider provider={dataProvider} queryClient={queryClient} locale="en-US">
      <UsersPage now={NOW} searchDebounceMs={0} {...props} />
    </UserscopeProvider>,
  );
  return { user };
}

const userNames = () =>
  within(screen.getByRole('grid'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.us-user-cell__name')?.textContent);

/** A summary provider answering `summary` over the memory provider's own. */
function withSummary(patch: Partial<UsersSummary>): DataProvider {
  const base = provider();
  return { ...base, getUsersSummary: async (params) => ({ ...(await base.getUsersSummary!(params)), ...patch }) };
}

describe('UsersPage: new users and traces with a user id', () => {
  it('shows new users and the share of traces with a user id in the totals', async () => {
    renderPage({}, withSummary({ unattributedTraceCount: 13 }));
    const strip = screen.getByRole('region', { name: 'Totals for the selected range' });
    const value = (label: string) => within(strip).getByText(label).nextElementSibling?.textContent;
    await waitFor(() => expect(value('Traces')).toBe('60'));
    expect(value('New users')).toBe('6');
    // 60 of 73 traces carry a user id.
    expect(value('Traces with a user id')).toBe('82.2%');
    expect(screen.queryByRole('region', { name: /Why are users missing/ })).toBeNull();
  });

  it('shows "—" for the share when the provider cannot count unattributed traces', async () => {
    const { getUsersSummary: _omit, ...withoutSummary } = provider();
    renderPage({}, withoutSummary);
    const strip = screen.getByRole('region', { name: 'Totals for the selected range' });
    const value = (label: string) => within(strip).getByText(label).nextElementSibling?.textContent;
    await waitFor(() => expect(value('Traces')).toBe('60'));
    await waitFor(() => expect(value('New users')).toBe('6'));
    expect(value('Traces with a user id')).toBe('—');
  });

  it('explains a low share of user ids, with the keys of each instrumentation and the docs link', async () => {
    renderPage({ userIdDocsHref: 'https://example.com/docs/adapters#user-ids' }, withSummary({ unattributedTraceCount: 140 }));
    const notice = await screen.findByRole('region', { name: 'Why are users missing?' });
    expect(notice).toHaveTextContent('Only 30% of the traces in this range carry a user id (60 of 200).');
    for (const key of ['user.id', 'userId', 'traceloop.association.properties.user_id', 'experimental_telemetry.metadata.userId']) {
      expect(within(notice).getByText(key, { selector: 'code' })).toBeInTheDocument();
    }
    expect(within(notice).getByRole('link', { name: 'How userscope reads user ids' })).toHaveAttribute('href', 'https://example.com/docs/adapters#user-ids');
  });

  it('says why the list is empty when the range has traces but none carries a user id', async () => {
    const empty = createMemoryProvider({ users: [], traces: [] });
    const summary: UsersSummary = { userCount: 0, activeUserCount: 0, attentionUserCount: 0, traceCount: 0, errorRate: null, costUsd: null, newUserCount: 0, unattributedTraceCount: 1234 };
    renderPage({}, { ...empty, getUsersSummary: async () => summary });
    const notice = await screen.findByRole('region', { name: 'Why is this list empty?' });
    expect(notice).toHaveTextContent('This range has 1,234 traces, but none carries a user id, so no user can be listed.');
    expect(notice).toHaveTextContent('docs/adapters.md');
    expect(await within(screen.getByRole('grid')).findByText('This range has traces, but none carries a user id.')).toBeInTheDocument();
  });
});

describe('UsersPage: population', () => {
  it('filters the list to the picked bar’s users, shown as a removable chip', async () => {
    const base = provider();
    const listUsers = vi.fn(base.listUsers);
    const onViewChange = vi.fn();
    const { user } = renderPage({ onViewChange }, { ...base, listUsers });
    const distribution = await screen.findByRole('region', { name: 'Users by cost' });
    await user.click(within(distribution).getByRole('button', { name: 'Traces' }));
    const region = await screen.findByRole('region', { name: 'Users by traces' });
    const bars = await within(region).findAllByRole('button', { name: / users?$/ });
    const lowest = bars[0] as HTMLElement;
    const inBin = Number(/: (\d+) users?$/.exec(lowest.getAttribute('aria-label') ?? '')?.[1]);
    await user.click(lowest);
    const [, to] = /^2 to (\d+)/.exec(lowest.getAttribute('aria-label') ?? '') ?? [];
    expect(onViewChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ measure: { metric: 'traceCount', range: { to: Number(to) }, bin: { from: 2, to: Number(to) } }, pagination: expect.objectContaining({ pageIndex: 0 }) }),
    );
    // The list holds exactly the bar's users: Ada (2 traces) first among them.
    await waitFor(() => expect(userNames()).toHaveLength(inBin));
    expect(userNames()).toContain('Ada');
    expect(userNames()).not.toContain('Fay');
    expect(lowest).toHaveAttribute('aria-pressed', 'true');
    const filters = listUsers.mock.calls.map(([p]) => (p as ListUsersParams).filters ?? []);
    expect(filters).toContainEqual([{ id: 'traceCount', value: { to: Number(to) } }]);
    const toolbar = screen.getByRole('group', { name: 'Filters' });
    expect(within(toolbar).getByText(`Traces: 2 to ${to}`)).toBeInTheDocument();
    expect(screen.getByText(`The list shows the users with traces from 2 to ${to}.`)).toBeInTheDocument();

    await user.click(within(toolbar).getByRole('button', { name: `Remove the filter traces from 2 to ${to}` }));
    await waitFor(() => expect(userNames()).toHaveLength(6));
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ measure: null }));
    expect(lowest).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('searchbox', { name: 'Search users' })).toHaveFocus();
  });

  it('lists as many users as each bar counts, and a second click on a bar removes its filter', async () => {
    const { user } = renderPage();
    const region = await screen.findByRole('region', { name: 'Users by cost' });
    const bars = (await within(region).findAllByRole('button', { name: / users?$/ })).filter((b) => !(b as HTMLButtonElement).disabled);
    for (const bar of bars) {
      const count = Number(/: (\d+) users?$/.exec(bar.getAttribute('aria-label') ?? '')?.[1]);
      await user.click(bar);
      await waitFor(() => expect(userNames()).toHaveLength(count));
    }
    const last = bars[bars.length - 1] as HTMLElement;
    await user.click(last);
    await waitFor(() => expect(userNames()).toHaveLength(6));
    expect(last).toHaveAttribute('aria-pressed', 'false');
  });

  it('filters the list to a segment picked in the breakdown', async () => {
    const onViewChange = vi.fn();
    const { user } = renderPage({ onViewChange });
    const segments = await screen.findByRole('region', { name: 'Segments' });
    await user.click(await within(segments).findByRole('button', { name: 'Show only users with Plan enterprise' }));
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { plan: ['enterprise'] } }));
    await waitFor(() => expect(userNames().sort()).toEqual(['Eve', 'Fay']));
    expect(within(segments).getByRole('button', { name: 'Show only users with Plan enterprise' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('string:enterprise');
  });

  it('shows the segments loading, not "no metadata key", while the keys are still being found', async () => {
    const held = provider();
    const summaryOf = held.getUsersSummary;
    if (!summaryOf) throw new Error('the memory provider answers getUsersSummary');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let summaryAnswered = false;
    renderPage({}, {
      ...held,
      listUsers: async (params: ListUsersParams) => (await gate, held.listUsers(params)),
      getUsersSummary: async (params) => {
        const summary = await summaryOf(params);
        summaryAnswered = true;
        return summary;
      },
    });
    const segments = await screen.findByRole('region', { name: 'Segments' });
    // The totals have answered; the users the keys come from have not.
    await waitFor(() => expect(summaryAnswered).toBe(true));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(within(segments).getByRole('status')).toHaveTextContent('Loading segments…');
    release();
    await waitFor(() => expect(within(segments).getByRole('combobox')).toBeTruthy());
    expect(within(segments).queryByText(/No metadata key/)).toBeNull();
  });

  it('leaves the population out with population={false}', async () => {
    renderPage({ population: false });
    await waitFor(() => expect(userNames()).toHaveLength(6));
    expect(screen.queryByRole('region', { name: /Users by/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Segments' })).toBeNull();
  });
});
