import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UsersTable, type UsersTableProps } from '../../src/components/UsersTable/UsersTable';
import { avatarColorIndex } from '../../src/components/primitives/Avatar';
import type { User } from '../../src/core/model';
import type { UserRow } from '../../src/core/results';

// Slow shared CI machines: give async assertions room.
configure({ asyncUtilTimeout: 5000 });

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

function row(id: string, overrides: Partial<Omit<UserRow, 'user'>> & { user?: Partial<User> } = {}): UserRow {
  const { user, ...rest } = overrides;
  return {
    user: { id, displayName: `Name ${id}`, email: `${id}@example.com`, metadata: { plan: 'pro', region: 'eu', tier: 1 }, ...user },
    traceCount: 10,
    conversationCount: 3,
    errorCount: 1,
    successRate: 0.9,
    latencyP50Ms: 800,
    latencyP95Ms: 2400,
    costUsd: 1.5,
    costPerTraceUsd: 0.15,
    inputTokens: 1000,
    outputTokens: 500,
    feedbackAvgScore: 0.75,
    firstSeen: '2026-03-03T12:00:00.000Z',
    lastSeen: '2026-03-10T09:00:00.000Z',
    sparkline: [
      { t: '2026-03-08T00:00:00.000Z', traceCount: 4, errorCount: 1 },
      { t: '2026-03-09T00:00:00.000Z', traceCount: 6, errorCount: 0 },
    ],
    attention: [],
    ...rest,
  };
}

const rows: UserRow[] = [
  row('u1'),
  row('u2', {
    errorCount: 8,
    successRate: 0.2,
    attention: [{ kind: 'errors', value: 0.8, baseline: 0.1, message: 'Error rate 80 % vs 10 % across all users (8 of 10 traces failed)' }],
  }),
  row('u3', { costUsd: null, costPerTraceUsd: null, latencyP95Ms: null, user: { displayName: undefined, email: undefined, metadata: {} } }),
];

function renderTable(props: Partial<UsersTableProps> = {}) {
  const user = userEvent.setup();
  const view = render(<UsersTable rows={rows} rowCount={3} now={NOW} {...props} />);
  return { user, ...view };
}

const grid = () => screen.getByRole('grid');
const header = (name: string) => within(grid()).getByRole('columnheader', { name });
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);

describe('UsersTable', () => {
  it('renders a captioned grid with one row per user and readable cells', () => {
    renderTable();
    expect(grid()).toHaveAccessibleName('Users in the selected time range, one row per user');
    expect(bodyRows()).toHaveLength(3);
    const first = within(bodyRows()[0] as HTMLElement);
    expect(first.getByText('Name u1')).toBeInTheDocument();
    expect(first.getByText('u1@example.com')).toBeInTheDocument();
    expect(first.getByText('90%')).toBeInTheDocument();
    expect(first.getByText('2.4 s')).toBeInTheDocument();
    expect(first.getByText('$1.50')).toBeInTheDocument();
    expect(first.getByRole('img', { name: /10 traces, 1 errors over 2 days/ })).toBeInTheDocument();
    expect(first.getByText('No attention needed')).toBeInTheDocument();
  });

  it('keeps the full text of names, emails and metadata the column cuts off in a title', () => {
    renderTable();
    const first = within(bodyRows()[0] as HTMLElement);
    expect(first.getByText('Name u1')).toHaveAttribute('title', 'Name u1');
    expect(first.getByText('u1@example.com')).toHaveAttribute('title', 'u1@example.com');
    expect(first.getByText('pro')).toHaveAttribute('title', 'pro');
  });

  it('draws the avatar as the user header does: same initials, same colour for the same user', () => {
    renderTable();
    const avatar = bodyRows()[0]?.querySelector('[data-slot="avatar"]');
    expect(avatar).toHaveTextContent('NU');
    expect(avatar).toHaveAttribute('data-size', 'sm');
    expect(avatar).toHaveAttribute('data-color', String(avatarColorIndex('u1')));
    expect(avatar).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows the mean feedback score as the trace table and FeedbackPanel do: 0..1 in a toned pill', () => {
    renderTable({
      rows: [row('u1'), row('u2', { feedbackAvgScore: 0.25 }), row('u3', { feedbackAvgScore: null })],
      defaultColumnVisibility: { feedbackAvgScore: true },
    });
    const feedbackCell = (i: number) => {
      const col = within(grid()).getAllByRole('columnheader').findIndex((h) => h.textContent?.startsWith('Feedback'));
      return within(bodyRows()[i] as HTMLElement).getAllByRole('gridcell')[col] as HTMLElement;
    };
    expect(within(feedbackCell(0)).getByText('0.75').closest('[data-slot="user-feedback"]')).toHaveAttribute('data-tone', 'positive');
    expect(feedbackCell(0)).toHaveTextContent('Feedback score 0.75 of 1');
    expect(within(feedbackCell(1)).getByText('0.25').closest('[data-slot="user-feedback"]')).toHaveAttribute('data-tone', 'negative');
    expect(feedbackCell(2)).toHaveTextContent('—No feedback score');
  });

  it('shows "—" for unknown values and falls back to the id without a display name', () => {
    renderTable();
    const third = within(bodyRows()[2] as HTMLElement);
    expect(third.getByText('u3')).toBeInTheDocument();
    expect(third.getAllByText('—').length).toBeGreaterThanOrEqual(3);
  });

  it('says each attention reason in the row, short and visible, with the full reason as text', () => {
    renderTable();
    const second = within(bodyRows()[1] as HTMLElement);
    expect(second.getByText('Errors 80% vs 10%', { selector: '[aria-hidden="true"]' })).toBeVisible();
    expect(second.getByText('Errors 80% vs 10%: Error rate 80 % vs 10 % across all users (8 of 10 traces failed).')).toBeInTheDocument();
    expect(bodyRows()[1]).toHaveAttribute('data-state', 'attention');
  });

  it('says latency and cost reasons with their units: p95 as a duration, cost per trace as money', () => {
    const slowAndCostly = row('s', {
      attention: [
        { kind: 'latency', value: 4_200, baseline: 1_100, message: 'p95 latency 4.2 s vs 1.1 s across all users' },
        { kind: 'cost', value: 0.12, baseline: 0.03, message: 'Cost per trace $0.12 vs $0.03 across all users' },
      ],
    });
    renderTable({ rows: [slowAndCostly], rowCount: 1 });
    const cell = within(bodyRows()[0] as HTMLElement);
    expect(cell.getByText('Slow 4.2 s vs 1.1 s', { selector: '[aria-hidden="true"]' })).toBeVisible();
    expect(cell.getByText('Cost $0.12 vs $0.030', { selector: '[aria-hidden="true"]' })).toBeVisible();
  });

  it('shows the tooltip with the exact reason on hover', async () => {
    const { user } = renderTable();
    const badge = within(bodyRows()[1] as HTMLElement).getByText('Errors 80% vs 10%', { selector: '[aria-hidden="true"]' });
    await user.hover(badge);
    expect(document.querySelector('.us-tooltip')).toHaveTextContent('Needs attention');
    expect(document.querySelector('.us-tooltip')).toHaveTextContent('8 of 10 traces failed');
  });

  it('renders user text as text, never as markup', () => {
    renderTable({ rows: [row('x', { user: { displayName: '<img src=x onerror="alert(1)">' } })], rowCount: 1 });
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(grid().querySelector('img')).toBeNull();
  });

  describe('sorting', () => {
    it('marks the sorted column with aria-sort and sorts on header click (uncontrolled)', async () => {
      const onSortingChange = vi.fn();
      const onPaginationChange = vi.fn();
      const { user } = renderTable({ onSortingChange, onPaginationChange, defaultPagination: { pageIndex: 2, pageSize: 50 } });
      expect(header('Last seen')).toHaveAttribute('aria-sort', 'descending');
      expect(header('Traces')).toHaveAttribute('aria-sort', 'none');
      await user.click(within(header('Traces')).getByRole('button'));
      expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'traceCount', desc: true }]);
      expect(onPaginationChange).toHaveBeenLastCalledWith({ pageIndex: 0, pageSize: 50 });
      expect(header('Traces')).toHaveAttribute('aria-sort', 'descending');
      expect(header('Last seen')).not.toHaveAttribute('aria-sort', 'descending');
      await user.click(within(header('Traces')).getByRole('button'));
      expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'traceCount', desc: false }]);
    });

    it('sorts text columns ascending first and adds a second key with Shift', async () => {
      const onSortingChange = vi.fn();
      const { user } = renderTable({ onSortingChange, sorting: [{ id: 'user', desc: false }] });
      await user.keyboard('{Shift>}');
      await user.click(within(header('Plan')).getByRole('button'));
      await user.keyboard('{/Shift}');
      expect(onSortingChange).toHaveBeenLastCalledWith([
        { id: 'user', desc: false },
        { id: 'metadata.plan', desc: false },
      ]);
    });

    it('keeps controlled sorting until the owner changes it', async () => {
      const onSortingChange = vi.fn();
      const { user } = renderTable({ sorting: [{ id: 'user', desc: false }], onSortingChange });
      await user.click(within(header('Errors')).getByRole('button'));
      expect(onSortingChange).toHaveBeenCalledWith([{ id: 'errorCount', desc: true }]);
      expect(header('User')).toHaveAttribute('aria-sort', 'ascending');
    });

    it('does not offer sorting on the sparkline column', () => {
      renderTable();
      expect(within(header('Traces / day')).queryByRole('button')).toBeNull();
    });

    it('sorts the attention column by severity, most severe first', async () => {
      const onSortingChange = vi.fn();
      const { user } = renderTable({ onSortingChange });
      expect(header('Attention')).toHaveAttribute('aria-sort', 'none');
      await user.click(within(header('Attention')).getByRole('button'));
      expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'attention', desc: true }]);
      expect(header('Attention')).toHaveAttribute('aria-sort', 'descending');
    });
  });

  describe('opening a user', () => {
    it('renders a real link from getUserHref and leaves modified clicks to the browser', async () => {
      const onUserOpen = vi.fn();
      const { user } = renderTable({ getUserHref: (u) => `/users/${u.id}`, onUserOpen });
      const link = within(bodyRows()[0] as HTMLElement).getByRole('link', { name: 'Name u1' });
      expect(link).toHaveAttribute('href', '/users/u1');
      await user.click(link);
      expect(onUserOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'u1' }));
      const ctrlClick = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true, button: 0 });
      act(() => {
        link.dispatchEvent(ctrlClick);
      });
      expect(ctrlClick.defaultPrevented).toBe(false);
      expect(onUserOpen).toHaveBeenCalledTimes(1);
    });

    it('never renders javascript: or data: links', () => {
      renderTable({ getUserHref: (u) => (u.id === 'u1' ? 'javascript:alert(1)' : u.id === 'u2' ? ' data:text/html,x' : 'java\tscript:alert(1)') });
      expect(within(grid()).queryAllByRole('link')).toHaveLength(0);
    });

    it('opens the user on a row click and with Enter on any cell', async () => {
      const onUserOpen = vi.fn();
      const { user } = renderTable({ onUserOpen });
      await user.click(within(bodyRows()[1] as HTMLElement).getByText('20%'));
      expect(onUserOpen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'u2' }));
      const cell = within(bodyRows()[2] as HTMLElement).getAllByRole('gridcell')[3] as HTMLElement;
      act(() => cell.focus());
      await user.keyboard('{Enter}');
      expect(onUserOpen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'u3' }));
    });

    it('follows the link with Enter when there is no callback', async () => {
      const clicked = vi.fn((event: MouseEvent) => event.preventDefault());
      const { user } = renderTable({ getUserHref: (u) => `/users/${u.id}` });
      const link = within(bodyRows()[0] as HTMLElement).getByRole('link');
      link.addEventListener('click', clicked);
      act(() => (within(bodyRows()[0] as HTMLElement).getAllByRole('gridcell')[2] as HTMLElement).focus());
      await user.keyboard('{Enter}');
      expect(clicked).toHaveBeenCalledTimes(1);
    });
  });

  describe('keyboard grid navigation', () => {
    it('has one tab stop and moves it with arrows, Home/End and Ctrl+Home/End', async () => {
      const { user } = renderTable();
      const tabbable = grid().querySelectorAll('[tabindex="0"]');
      expect(tabbable).toHaveLength(1);
      const start = within(bodyRows()[0] as HTMLElement).getAllByRole('gridcell')[0] as HTMLElement;
      expect(tabbable[0]).toBe(start);
      act(() => start.focus());
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement).toBe(within(bodyRows()[1] as HTMLElement).getAllByRole('gridcell')[0]);
      await user.keyboard('{ArrowRight}{ArrowRight}');
      expect(document.activeElement).toBe(within(bodyRows()[1] as HTMLElement).getAllByRole('gridcell')[2]);
      await user.keyboard('{End}');
      const cells = within(bodyRows()[1] as HTMLElement).getAllByRole('gridcell');
      expect(document.activeElement).toBe(cells[cells.length - 1]);
      await user.keyboard('{Control>}{End}{/Control}');
      const last = within(bodyRows()[2] as HTMLElement).getAllByRole('gridcell');
      expect(document.activeElement).toBe(last[last.length - 1]);
      await user.keyboard('{Control>}{Home}{/Control}');
      expect(document.activeElement).toBe(start);
      await user.keyboard('{ArrowUp}');
      expect(document.activeElement).toBe(header('User'));
      expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    });

    it('opens the attention tooltip while its cell has keyboard focus', async () => {
      renderTable();
      const cell = within(bodyRows()[1] as HTMLElement).getAllByRole('gridcell')[1] as HTMLElement;
      act(() => cell.focus());
      await waitFor(() => expect(document.querySelector('.us-tooltip')).toHaveTextContent('8 of 10 traces failed'));
      act(() => cell.blur());
      await waitFor(() => expect(document.querySelector('.us-tooltip')).toBeNull());
    });

    it('sorts from a focused header with Enter', async () => {
      const onSortingChange = vi.fn();
      const { user } = renderTable({ onSortingChange });
      act(() => header('Cost').focus());
      await user.keyboard('{Enter}');
      expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'costUsd', desc: true }]);
    });
  });

  describe('columns', () => {
    it('hides and shows columns from the picker', async () => {
      const onColumnVisibilityChange = vi.fn();
      const { user } = renderTable({ onColumnVisibilityChange });
      expect(within(grid()).queryByRole('columnheader', { name: /Tier/ })).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Columns' }));
      await user.click(screen.getByRole('checkbox', { name: 'Region' }));
      expect(within(grid()).queryByRole('columnheader', { name: /Region/ })).toBeNull();
      expect(onColumnVisibilityChange).toHaveBeenLastCalledWith(expect.objectContaining({ 'metadata.region': false }));
      await user.click(screen.getByRole('checkbox', { name: 'Tier' }));
      expect(header('Tier')).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'User' })).toBeDisabled();
    });

    it('reorders columns with the move buttons and closes with Escape', async () => {
      const onColumnOrderChange = vi.fn();
      const { user } = renderTable({ onColumnOrderChange });
      await user.click(screen.getByRole('button', { name: 'Columns' }));
      await user.click(screen.getByRole('button', { name: 'Move Plan up' }));
      const order = onColumnOrderChange.mock.lastCall?.[0] as string[];
      expect(order.slice(0, 6)).toEqual(['user', 'metadata.plan', 'attention', 'metadata.tier', 'metadata.region', 'traceCount']);
      const names = within(grid()).getAllByRole('columnheader').map((h) => h.textContent);
      expect(names.slice(0, 3)).toEqual(['User', 'Plan', 'Attention']);
      expect(screen.getByRole('button', { name: 'Move Plan up' })).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(screen.getByRole('button', { name: 'Move Plan down' })).toHaveFocus();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('checkbox', { name: 'Plan' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Columns' })).toHaveFocus();
    });

    it('takes controlled visibility and order', () => {
      renderTable({ columnVisibility: { attention: false }, columnOrder: ['traceCount', 'user'] });
      const names = within(grid()).getAllByRole('columnheader').map((h) => h.textContent);
      expect(names.slice(0, 3)).toEqual(['Traces', 'User', 'Plan']);
      expect(names).not.toContain('Attention');
    });
  });

  describe('paging', () => {
    it('shows the range and moves between pages', async () => {
      const onPaginationChange = vi.fn();
      const { user } = renderTable({ rowCount: 120, onPaginationChange });
      expect(screen.getByText('1–3 of 120 users')).toBeInTheDocument();
      expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
      await user.click(screen.getByRole('button', { name: 'Next page' }));
      expect(onPaginationChange).toHaveBeenLastCalledWith({ pageIndex: 1, pageSize: 50 });
      await user.click(screen.getByRole('button', { name: 'Last page' }));
      expect(onPaginationChange).toHaveBeenLastCalledWith({ pageIndex: 2, pageSize: 50 });
      expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
      await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '25');
      expect(onPaginationChange).toHaveBeenLastCalledWith({ pageIndex: 0, pageSize: 25 });
    });
  });

  describe('states', () => {
    it('shows skeleton rows while loading and marks the grid busy', () => {
      renderTable({ rows: [], status: 'pending' });
      expect(screen.getByRole('status')).toHaveTextContent('Loading users…');
      expect(grid()).toHaveAttribute('aria-busy', 'true');
      expect(grid().querySelectorAll('.us-skeleton').length).toBeGreaterThan(0);
    });

    it('marks the grid busy while newer rows load over the old ones', () => {
      renderTable({ isFetching: true });
      expect(grid()).toHaveAttribute('aria-busy', 'true');
      expect(screen.getByText('Updating…')).toBeInTheDocument();
      expect(bodyRows()).toHaveLength(3);
    });

    it('says when nobody is in the range', () => {
      renderTable({ rows: [], rowCount: 0 });
      expect(screen.getByText('No users have traces in this time range.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    });

    it('offers to clear filters when they match nobody', async () => {
      const onClearFilters = vi.fn();
      const { user } = renderTable({ rows: [], rowCount: 0, emptyReason: 'filters', onClearFilters });
      expect(screen.getByText('No users match the search and filters.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Clear filters' }));
      expect(onClearFilters).toHaveBeenCalledTimes(1);
    });

    it('shows the error with a retry', async () => {
      const onRetry = vi.fn();
      const { user } = renderTable({ rows: [], status: 'error', error: new Error('boom 503'), onRetry });
      expect(screen.getByRole('alert')).toHaveTextContent('Could not load users.');
      expect(screen.getByRole('alert')).toHaveTextContent('boom 503');
      await user.click(screen.getByRole('button', { name: 'Retry' }));
      expect(onRetry).toHaveBeenCalledTimes(1);
    });

    it('uses label overrides', () => {
      renderTable({ labels: { columnUser: 'Customer', resultRange: '{from}-{to} / {total}' } });
      expect(header('Customer')).toBeInTheDocument();
      expect(screen.getByText('1-3 / 3')).toBeInTheDocument();
    });
  });

  it('virtualises large pages: few rows in the DOM, the full count announced', () => {
    const many = Array.from({ length: 5000 }, (_, i) => row(`v${i}`));
    renderTable({ rows: many, rowCount: 5000, defaultPagination: { pageIndex: 0, pageSize: 5000 } });
    expect(grid()).toHaveAttribute('aria-rowcount', '5001');
    expect(bodyRows().length).toBeLessThan(100);
  });
});
