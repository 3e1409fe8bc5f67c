import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider, ListUsersParams } from '../../src/core/contract';
import { ProviderError } from '../../src/core/errors';
import type { Trace, User } from '../../src/core/model';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { csvField, csvLine } from '../../src/core/csv/csv';
import { exportUsersCsv } from '../../src/core/csv/export-users-csv';
import { usersCsvColumns } from '../../src/core/csv/users-csv-columns';
import { UsersPage, type UsersPageProps } from '../../src/pages/UsersPage/UsersPage';
import type { UsersCsvFile } from '../../src/hooks/use-csv-export';

// Slow shared CI machines: give async assertions room.
configure({ asyncUtilTimeout: 5000 });

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;

const users: User[] = [
  { id: 'u1', displayName: 'Ada Lovelace', email: 'ada@example.com', metadata: { plan: 'pro', region: 'eu' } },
  { id: 'u2', displayName: 'Bob Failing', email: 'bob@example.com', metadata: { plan: 'free', region: 'us' } },
  { id: 'u3', displayName: '=HYPERLINK("http://evil.example","click")', email: 'cy,"q"@example.com', metadata: { plan: 'free', region: 'eu' } },
  { id: 'u4', displayName: 'Dee Quiet', metadata: { plan: 'pro', region: 'us' } },
  { id: 'u5', displayName: 'Eve Earlier', email: 'eve@example.com', metadata: { plan: 'enterprise', region: 'eu' } },
];

function traces(): Trace[] {
  const out: Trace[] = [];
  const add = (userId: string, count: number, errors: number, hoursAgo: number) => {
    for (let i = 0; i < count; i++) {
      out.push({
        id: `${userId}-t${i}`,
        userId,
        startTime: new Date(NOW - (hoursAgo + i) * HOUR).toISOString(),
        latencyMs: 500 + i * 10,
        status: i < errors ? 'error' : 'ok',
        costUsd: 0.01,
      });
    }
  };
  add('u1', 10, 0, 2);
  add('u2', 10, 8, 5);
  add('u3', 6, 0, 30);
  add('u4', 5, 0, 60);
  add('u5', 3, 0, 20 * 24);
  return out;
}

function provider(overrides: Partial<DataProvider> = {}): DataProvider {
  return { ...createMemoryProvider({ users, traces: traces() }), ...overrides };
}

function renderPage(props: Partial<UsersPageProps> = {}, dataProvider: DataProvider = provider()) {
  const queryClient = createUserscopeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const user = userEvent.setup();
  const view = render(
    <UserscopeProvider provider={dataProvider} queryClient={queryClient} locale="en-US">
      <UsersPage now={NOW} searchDebounceMs={50} {...props} />
    </UserscopeProvider>,
  );
  return { user, queryClient, ...view };
}

const grid = () => screen.getByRole('grid');
const userNames = () =>
  within(grid())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.us-user-cell__name')?.textContent);
const waitForRows = (names: string[]) => waitFor(() => expect(userNames().sort()).toEqual([...names].sort()));
const listUsersCalls = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls.map(([params]) => params as ListUsersParams);

afterEach(() => vi.restoreAllMocks());

describe('UsersPage', () => {
  it('lists the users of the range and totals the population', async () => {
    renderPage();
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    const strip = screen.getByRole('region', { name: 'Totals for the selected range' });
    await waitFor(() => expect(within(strip).getByText('Traces').nextElementSibling).toHaveTextContent('31'));
    const value = (label: string) => within(strip).getByText(label).nextElementSibling?.textContent;
    expect(value('Users')).toBe('5');
    expect(value('Active users')).toBe('4');
    expect(value('Need attention')).toBe('1');
    expect(value('Error rate')).toBe('25.8%');
    expect(value('Cost')).toBe('$0.31');
  });

  it('searches after the debounce, with one request for the whole word', async () => {
    const base = provider();
    const listUsers = vi.fn(base.listUsers);
    // A long debounce, so a slow machine cannot fire it between two keystrokes.
    const { user } = renderPage({ searchDebounceMs: 800 }, { ...base, listUsers });
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'ada');
    expect(userNames()).toHaveLength(4);
    await waitFor(() => expect(userNames()).toEqual(['Ada Lovelace']), { timeout: 5000 });
    const searches = listUsersCalls(listUsers).map((p) => p.search).filter(Boolean);
    expect(searches).toEqual(['ada']);
  });

  it('filters by discovered metadata and by attention, and clears filters', async () => {
    const onViewChange = vi.fn();
    const { user } = renderPage({ onViewChange });
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    const plan = await screen.findByRole('combobox', { name: 'Plan' });
    expect(within(plan).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'free', 'pro']);
    await user.selectOptions(plan, 'string:pro');
    await waitForRows(['Ada Lovelace', 'Dee Quiet']);
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { plan: ['pro'] } }));
    await user.selectOptions(plan, '');
    await user.click(screen.getByRole('button', { name: 'Needs attention' }));
    expect(screen.getByRole('button', { name: 'Needs attention' })).toHaveAttribute('aria-pressed', 'true');
    await waitForRows(['Bob Failing']);
    // The attention filter also sorts by severity, shown on the attention column.
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ attentionOnly: true, sorting: [{ id: 'attention', desc: true }] }));
    expect(within(grid()).getByRole('columnheader', { name: 'Attention' })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ attentionOnly: false, sorting: [{ id: 'lastSeen', desc: true }] }));
  });

  it('keeps a sort picked after the attention filter went on', async () => {
    const onViewChange = vi.fn();
    const { user } = renderPage({ onViewChange });
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    await user.click(screen.getByRole('button', { name: 'Needs attention' }));
    await waitForRows(['Bob Failing']);
    await user.click(within(within(grid()).getByRole('columnheader', { name: 'Traces' })).getByRole('button'));
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ sorting: [{ id: 'traceCount', desc: true }] }));
    await user.click(screen.getByRole('button', { name: 'Needs attention' }));
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ attentionOnly: false, sorting: [{ id: 'traceCount', desc: true }] }));
  });

  it('offers "clear filters" when nothing matches', async () => {
    const { user } = renderPage({ defaultView: { search: 'nobody-here' } });
    expect(await screen.findByText('No users match the search and filters.')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('nobody-here');
    const clear = within(grid()).getByRole('button', { name: 'Clear filters' });
    await user.click(clear);
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('sorts through the provider', async () => {
    const base = provider();
    const listUsers = vi.fn(base.listUsers);
    const { user } = renderPage({}, { ...base, listUsers });
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    await user.click(within(screen.getByRole('columnheader', { name: 'User' })).getByRole('button'));
    await waitFor(() => expect(userNames()).toEqual(['=HYPERLINK("http://evil.example","click")', 'Ada Lovelace', 'Bob Failing', 'Dee Quiet']));
    expect(listUsersCalls(listUsers).some((p) => p.sorting?.[0]?.id === 'user' && p.sorting[0].desc === false)).toBe(true);
  });

  it('pages through the provider and keeps the old page on screen while the next loads', async () => {
    const base = provider();
    let release: (() => void) | undefined;
    const listUsers = vi.fn(async (params: ListUsersParams) => {
      if (params.pagination?.pageIndex === 1) await new Promise<void>((resolve) => (release = resolve));
      return base.listUsers(params);
    });
    const onViewChange = vi.fn();
    const { user } = renderPage(
      { onViewChange, defaultView: { pagination: { pageIndex: 0, pageSize: 2 }, sorting: [{ id: 'user', desc: false }] } },
      { ...base, listUsers },
    );
    await waitFor(() => expect(userNames()).toEqual(['=HYPERLINK("http://evil.example","click")', 'Ada Lovelace']));
    expect(screen.getByText('1–2 of 4 users')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ pagination: { pageIndex: 1, pageSize: 2 } }));
    expect(userNames()).toEqual(['=HYPERLINK("http://evil.example","click")', 'Ada Lovelace']);
    expect(grid()).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(release).toBeDefined());
    act(() => release?.());
    await waitFor(() => expect(userNames()).toEqual(['Bob Failing', 'Dee Quiet']));
    expect(screen.getByText('3–4 of 4 users')).toBeInTheDocument();
  });

  it('changes the time range with the presets and custom days', async () => {
    const { user } = renderPage();
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    await user.click(screen.getByRole('radio', { name: 'Last 30 days' }));
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet', 'Eve Earlier']);
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const from = screen.getByLabelText('From (UTC)');
    const to = screen.getByLabelText('To (UTC)');
    await user.clear(from);
    await user.type(from, '2026-02-15');
    await user.clear(to);
    await user.type(to, '2026-02-25');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitForRows(['Eve Earlier']);
    expect(screen.getByText('Feb 15, 2026 – Feb 25, 2026')).toBeInTheDocument();
  });

  it('opens users by link and by callback', async () => {
    const onUserOpen = vi.fn();
    const { user } = renderPage({ getUserHref: (u) => `/users/${u.id}`, onUserOpen });
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/users/u1');
    const bob = screen.getByText('Bob Failing').closest('tr') as HTMLElement;
    act(() => (within(bob).getAllByRole('gridcell')[4] as HTMLElement).focus());
    await user.keyboard('{Enter}');
    expect(onUserOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'u2' }));
  });

  it('exports every page of the current view as safe CSV, with the visible columns', async () => {
    const files: UsersCsvFile[] = [];
    const base = provider();
    const listUsers = vi.fn(base.listUsers);
    const { user } = renderPage(
      { onExport: (file) => files.push(file), defaultView: { pagination: { pageIndex: 0, pageSize: 2 } } },
      { ...base, listUsers },
    );
    await waitFor(() => expect(userNames()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Region' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(await screen.findByText('Exported 4 users.')).toBeInTheDocument();
    const file = files[0] as UsersCsvFile;
    expect(file.filename).toBe('users-2026-03-03-2026-03-10.csv');
    expect(file.rowCount).toBe(4);
    const lines = file.csv.split('\r\n');
    expect(lines[0]).toBe(
      'userId,displayName,email,attention,attentionReasons,plan,traceCount,successRate,errorCount,latencyP95Ms,costUsd,lastSeen',
    );
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('');
    expect(file.csv).toContain(`u3,"'=HYPERLINK(""http://evil.example"",""click"")","cy,""q""@example.com",,,free,6,1,0,`);
    expect(file.csv).toMatch(/\r\nu2,Bob Failing,bob@example\.com,errors,Error rate 80 % vs [^\r\n]*,free,10,0\.2,8,/);
    expect(file.csv).not.toContain(',us,');
  });

  it('downloads the CSV through an object URL when no onExport is given', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:users';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderPage();
    await waitFor(() => expect(userNames()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(click).toHaveBeenCalled();
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await (blobs[0] as Blob).text();
    expect(text.startsWith('userId,displayName,email')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(6);
  });

  it('shows export progress and cancels the export', async () => {
    const base = provider();
    const isExport = (params: ListUsersParams) => params.pagination?.pageSize === 1000 && params.sorting !== undefined;
    const listUsers = vi.fn(async (params: ListUsersParams) => {
      if (isExport(params)) {
        await new Promise<void>((resolve, reject) => {
          params.signal?.addEventListener('abort', () => reject(new ProviderError('aborted', 'aborted')));
          setTimeout(resolve, 10_000);
        });
      }
      return base.listUsers(params);
    });
    const onExport = vi.fn();
    const { user } = renderPage({ onExport }, { ...base, listUsers });
    await waitFor(() => expect(userNames()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exporting 0 of … users…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(await screen.findByText('Export cancelled.')).toBeInTheDocument();
    expect(onExport).not.toHaveBeenCalled();
    const exportCall = listUsersCalls(listUsers).find(isExport);
    expect(exportCall?.signal?.aborted).toBe(true);
  });

  it('shows errors with a retry that asks the provider again', async () => {
    const base = provider();
    let fail = true;
    const listUsers = vi.fn((params: ListUsersParams) =>
      fail ? Promise.reject(new ProviderError('network', 'the network is unreachable')) : base.listUsers(params),
    );
    const { user } = renderPage({}, { ...base, listUsers });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load users.');
    expect(alert).toHaveTextContent('the network is unreachable');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForRows(['Ada Lovelace', 'Bob Failing', '=HYPERLINK("http://evil.example","click")', 'Dee Quiet']);
  });

  it('says when the range has nobody, and shows skeletons while loading', async () => {
    renderPage({ defaultView: { range: { preset: 'custom', from: '2020-01-01', to: '2020-01-07' } } });
    expect(screen.getByText('Loading users…')).toBeInTheDocument();
    expect(await screen.findByText('No users have traces in this time range.')).toBeInTheDocument();
  });

  it('takes labels from the UserscopeProvider and from props', async () => {
    const queryClient = createUserscopeQueryClient();
    render(
      <UserscopeProvider provider={provider()} queryClient={queryClient} labels={{ 'users.title': 'Customers', 'usersTable.columnUser': 'Customer' }}>
        <UsersPage now={NOW} labels={{ exportCsv: 'Download' }} />
      </UserscopeProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Customers' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(await screen.findByRole('columnheader', { name: 'Customer' })).toBeInTheDocument();
  });
});

describe('UsersPage on the server', () => {
  it('renders to a string with skeletons and no data', () => {
    const html = renderToString(
      <UserscopeProvider provider={provider()} locale="en-US">
        <UsersPage now={NOW} />
      </UserscopeProvider>,
    );
    expect(html).toContain('Loading users…');
    expect(html).toContain('role="grid"');
  });
});

describe('users CSV', () => {
  it('escapes per RFC 4180 and guards formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('=cmd,"x"')).toBe(`"'=cmd,""x"""`);
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('pages through the provider with progress until the total is reached', async () => {
    const base = provider();
    const listUsers = vi.fn(base.listUsers);
    const progress: [number, number | undefined][] = [];
    const result = await exportUsersCsv({
      provider: { ...base, listUsers },
      params: { range: { from: new Date(NOW - 7 * 24 * HOUR).toISOString(), to: new Date(NOW).toISOString() }, sorting: [{ id: 'user', desc: false }] },
      columns: usersCsvColumns(['user', 'traceCount']),
      pageSize: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [3, 4],
      [4, 4],
    ]);
    expect(listUsers.mock.calls.map(([p]) => p.pagination)).toEqual([
      { pageIndex: 0, pageSize: 3 },
      { pageIndex: 1, pageSize: 3 },
    ]);
    expect(result.rowCount).toBe(4);
    expect(result.csv.split('\r\n')[1]).toBe(`u3,"'=HYPERLINK(""http://evil.example"",""click"")","cy,""q""@example.com",6`);
  });

  it('rejects with aborted when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      exportUsersCsv({
        provider: provider(),
        params: { range: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z' } },
        columns: usersCsvColumns(['user']),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
  });
});
