/**
 * A host's own layouts built from the page controllers (`userscope/hooks`) and the public components: the users list
 * as a search box, a count and a table, and the user detail as the header, conversations and traces side by side.
 */
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConversationList, TraceTable, UserHeader, UsersTable, type UsersView } from '../../src';
import {
  UserscopeProvider,
  createUserscopeQueryClient,
  useConversations,
  useTraces,
  useUserDetailPageController,
  useUsersPageController,
  type UsersCsvFile,
} from '../../src/hooks';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { NOW, RANGE, tracesInRange } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

const VIEW: Partial<UsersView> = { range: RANGE };
/** A user with 6 conversations in range, and the one with the most traces. */
const SELECTING = 'u10';
const ALL = tracesInRange(SELECTING);
const CONVERSATION = (() => {
  const counts = new Map<string, number>();
  for (const t of ALL) if (t.conversationId) counts.set(t.conversationId, (counts.get(t.conversationId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
})();

/** A compact users list: no population, no totals strip; a search box, the total, an export button and the table. */
function CompactUsers({ onExport }: { onExport: (file: UsersCsvFile) => void }) {
  const c = useUsersPageController({ defaultView: VIEW, now: NOW, searchDebounceMs: 0, onExport });
  return (
    <main>
      <input aria-label="Find a user" value={c.searchInput} onChange={(event) => c.setSearchInput(event.target.value)} />
      <p data-testid="active-users">{c.overview.totals.activeUserCount ?? '…'}</p>
      <button type="button" disabled={c.csvExport.disabled} onClick={() => c.csvExport.start(['user', 'traceCount'])}>
        CSV
      </button>
      <UsersTable
        rows={c.rows}
        rowCount={c.users.data?.total}
        status={c.users.status}
        emptyReason={c.emptyReason}
        onClearFilters={c.clearFilters}
        sorting={c.view.sorting}
        onSortingChange={(sorting) => c.updateView({ sorting })}
        pagination={c.view.pagination}
        onPaginationChange={(pagination) => c.updateView({ pagination })}
        now={c.now}
      />
    </main>
  );
}

/** A two-column user page: the header and conversations on the left, the selected conversation's traces on the right. */
function SideBySideUser({ userId }: { userId: string }) {
  const c = useUserDetailPageController({ userId, defaultRange: RANGE, now: NOW });
  const conversations = useConversations({ userId, range: c.range, limit: 50 });
  const traces = useTraces({ userId, range: c.range, conversationId: c.selectedConversationId ?? undefined, limit: 100 });
  if (c.notFound) return <p role="alert">No user {userId}</p>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr' }}>
      <aside>
        <UserHeader user={c.user.data} status={c.user.status} cohort={c.cohort} onCohortChange={c.setCohort} now={c.now} />
        <ConversationList
          rows={conversations.rows}
          status={conversations.status}
          selectedConversationId={c.selectedConversationId}
          onSelectedConversationChange={c.selectConversation}
          now={c.now}
          aria-label="Journeys"
        />
      </aside>
      <TraceTable
        rows={traces.rows}
        status={traces.status}
        conversationId={c.selectedConversationId}
        conversationTitle={c.selectedConversationTitle}
        onClearConversation={() => c.selectConversation(null, null)}
        data-testid="traces"
      />
    </div>
  );
}

function renderWithProvider(element: React.ReactElement) {
  const queryClient = createUserscopeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <UserscopeProvider provider={createTestProvider()} queryClient={queryClient} locale="en-US">
      {element}
    </UserscopeProvider>,
  );
}

describe('a host layout built on useUsersPageController', () => {
  it('searches, totals and exports the view as the users page does, in the host own markup', async () => {
    const user = userEvent.setup();
    const onExport = vi.fn<(file: UsersCsvFile) => void>();
    renderWithProvider(<CompactUsers onExport={onExport} />);
    const table = await screen.findByRole('grid');
    await waitFor(() => expect(within(table).getByText('Ada Lovelace')).toBeTruthy());
    // The overview's totals come with the controller (here from the provider's getUsersSummary).
    await waitFor(() => expect(screen.getByTestId('active-users').textContent).toMatch(/^\d+$/));

    await user.type(screen.getByRole('textbox', { name: 'Find a user' }), 'Grace');
    await waitFor(() => expect(within(table).queryByText('Ada Lovelace')).toBeNull());
    expect(within(table).getByText('Grace Hopper')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledTimes(1));
    const file = onExport.mock.calls[0][0];
    // Every user of the view (the search), the columns asked for, and a file name from the range.
    expect(file.csv.split('\r\n')[0]).toBe('userId,displayName,email,traceCount');
    expect(file.rowCount).toBe(1);
    expect(file.csv).toContain('u03,Grace Hopper');
    expect(file.filename).toBe(`users-2025-03-03-2025-03-16.csv`);
  });
});

describe('a host layout built on useUserDetailPageController', () => {
  it('shares one range and one conversation selection between the host placed header, conversations and traces', async () => {
    const user = userEvent.setup();
    renderWithProvider(<SideBySideUser userId={SELECTING} />);
    expect(await screen.findByRole('heading', { name: 'Ken Thompson' })).toBeTruthy();
    const traces = screen.getByTestId('traces');
    const shownIds = () => [...traces.querySelectorAll('[data-trace-id]')].map((row) => row.getAttribute('data-trace-id'));
    await waitFor(() => expect(shownIds()).toHaveLength(ALL.length));

    const option = await waitFor(() => {
      const found = document.querySelector(`[data-conversation-id="${CONVERSATION}"]`);
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    await user.click(option);
    // The traces narrow to the selected conversation, and the chip names it, as on the built-in page.
    await waitFor(() => expect(new Set(shownIds())).toEqual(new Set(tracesInRange(SELECTING, CONVERSATION).map((t) => t.id))));
    expect(within(traces).getByText(/Filtered by conversation/)).toBeTruthy();
  });

  it('tells the host an unknown user is not found', async () => {
    renderWithProvider(<SideBySideUser userId="nobody" />);
    expect((await screen.findByRole('alert')).textContent).toBe('No user nobody');
  });
});
