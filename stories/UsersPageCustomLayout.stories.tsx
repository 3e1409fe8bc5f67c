import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../src/core/contract';
import { formatCount, formatUsd } from '../src/components/primitives/format';
import { UsersTable } from '../src/components/UsersTable/UsersTable';
import { createUserscopeQueryClient } from '../src/hooks/query-client';
import { useUsersPageController } from '../src/hooks/users-page-controller';
import { UserscopeProvider } from '../src/hooks/userscope-provider';

const NOW = Date.parse(DEMO_DEFAULT_NOW);

let demo: DataProvider | undefined;
function demoProvider(): DataProvider {
  demo ??= createMemoryProvider({ ...createDemoDataset({ days: 30 }), validate: false, latencyMs: 80 });
  return demo;
}

/**
 * A host's own users screen from `useUsersPageController` (userscope/hooks): a sidebar with search, the attention
 * filter, the range's totals and a CSV button, beside the `UsersTable`. The page's state, data and export come from
 * the controller; only the layout is the host's.
 */
function SidebarUsers() {
  const c = useUsersPageController({ now: NOW });
  const { totals } = c.overview;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '16rem 1fr', gap: '1rem', alignItems: 'start' }}>
      <aside aria-label="Users filters" style={{ display: 'grid', gap: '0.75rem' }}>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          Search
          <input className="us-input" type="search" value={c.searchInput} onChange={(event) => c.setSearchInput(event.target.value)} />
        </label>
        <button type="button" className="us-button" aria-pressed={c.view.attentionOnly} onClick={() => c.setAttentionOnly(!c.view.attentionOnly)}>
          Needs attention
        </button>
        <dl data-testid="sidebar-totals" style={{ margin: 0 }}>
          <dt>Active users</dt>
          <dd>{formatCount(totals.activeUserCount, 'en-US')}</dd>
          <dt>Cost</dt>
          <dd>{formatUsd(totals.costUsd, 'en-US', true)}</dd>
        </dl>
        <button
          type="button"
          className="us-button"
          disabled={c.csvExport.disabled || c.csvExport.state.status === 'running'}
          onClick={() => c.csvExport.start(['user', 'traceCount', 'costUsd'])}
        >
          Export CSV
        </button>
      </aside>
      <UsersTable
        rows={c.rows}
        rowCount={c.users.data?.total}
        status={c.users.status}
        isFetching={c.users.isFetching}
        error={c.users.error}
        onRetry={c.users.refetch}
        emptyReason={c.emptyReason}
        onClearFilters={c.clearFilters}
        sorting={c.view.sorting}
        onSortingChange={(sorting) => c.updateView({ sorting })}
        pagination={c.view.pagination}
        onPaginationChange={(pagination) => c.updateView({ pagination })}
        columnVisibility={c.view.columnVisibility}
        onColumnVisibilityChange={(columnVisibility) => c.updateView({ columnVisibility })}
        now={c.now}
        maxHeight={520}
      />
    </div>
  );
}

function Harness() {
  const [queryClient] = useState(() => createUserscopeQueryClient());
  return (
    <UserscopeProvider provider={demoProvider()} queryClient={queryClient} locale="en-US">
      <SidebarUsers />
    </UserscopeProvider>
  );
}

const meta = {
  title: 'Users/UsersPage custom layout',
  component: SidebarUsers,
  parameters: { docs: { description: { component: 'A host layout over `useUsersPageController` and `UsersTable`.' } } },
} satisfies Meta<typeof SidebarUsers>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo world's last 7 days in a sidebar layout; the attention toggle narrows the table as on the page. */
export const SidebarLayout: Story = {
  render: () => (
    <div style={{ maxWidth: '80rem' }}>
      <Harness />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', {}, { timeout: 15_000 });
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(2), { timeout: 15_000 });
    await waitFor(() => expect(canvas.getByTestId('sidebar-totals').textContent).not.toContain('—'), { timeout: 15_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Needs attention' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Needs attention' })).toHaveAttribute('aria-pressed', 'true'));
  },
};
