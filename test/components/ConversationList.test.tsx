import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/ConversationList';
import { stepSegments } from '../../src/components/ConversationList/StepStrip';
import type { ConversationSummary } from '../../src/core/results';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

function conversation(id: string, overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    traceCount: 5,
    firstTime: '2026-03-10T08:00:00.000Z',
    lastTime: '2026-03-10T09:00:00.000Z',
    durationMs: 150_000,
    errorCount: 1,
    costUsd: 0.12,
    title: `Question ${id}`,
    models: ['gpt-4o-2024-08-06', 'gpt-4o-mini'],
    steps: ['ok', 'ok', 'error', 'ok', 'ok'],
    ...overrides,
  };
}

const rows: ConversationSummary[] = [
  conversation('c1'),
  conversation('c2', { traceCount: 1, errorCount: 0, steps: ['ok'], costUsd: null, models: ['claude-3-5-sonnet'], title: 'Line one\nline two' }),
  conversation('(none)', { traceCount: 3, errorCount: 0, steps: ['ok', 'ok', 'ok'], title: 'ignored', models: [] }),
  conversation('c3', { title: null }),
];

function renderList(props: Partial<ConversationListProps> = {}) {
  const user = userEvent.setup();
  const view = render(<ConversationList rows={rows} rowCount={4} now={NOW} {...props} />);
  return { user, ...view };
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const options = () => within(listbox()).getAllByRole('option');
/** Tabs past the sort select and the direction button into the list. */
async function tabToList(user: ReturnType<typeof userEvent.setup>) {
  await user.tab();
  expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveFocus();
  await user.tab();
  await user.tab();
}
const option = (name: RegExp) => within(listbox()).getByRole('option', { name });

describe('ConversationList', () => {
  it('shows each conversation with title, step strip, duration, cost, models and last activity', () => {
    renderList();
    expect(options()).toHaveLength(4);
    const first = within(options()[0] as HTMLElement);
    expect(first.getByText('Question c1')).toBeInTheDocument();
    expect(first.getByRole('img', { name: '5 steps, 1 failed' })).toBeInTheDocument();
    expect(first.getByText('2.5 min')).toBeInTheDocument();
    expect(first.getByText('$0.12')).toBeInTheDocument();
    expect(first.getByText('gpt-4o-2024-08-06')).toBeInTheDocument();
    expect(first.getByText('+1')).toBeInTheDocument();
    expect(first.getByText('3 hours ago')).toHaveAttribute('datetime', '2026-03-10T09:00:00.000Z');
    expect(options()[0]).toHaveAccessibleName(
      'Question c1, Last activity 3 hours ago, 5 steps, 1 failed, Duration 2.5 min, Cost $0.12, Models gpt-4o-2024-08-06, gpt-4o-mini',
    );
  });

  it('uses singular step text, one-line titles, "—" for unknown cost and a fallback title', () => {
    renderList();
    const second = within(options()[1] as HTMLElement);
    expect(second.getByRole('img', { name: '1 step, 0 failed' })).toBeInTheDocument();
    expect(second.getByText('Line one line two')).toBeInTheDocument();
    expect(second.getByText('—')).toBeInTheDocument();
    expect(within(options()[3] as HTMLElement).getByText('Untitled conversation')).toBeInTheDocument();
  });

  it('labels traces without a conversation "No conversation", counts traces and leaves out the duration', () => {
    renderList();
    const none = options()[2] as HTMLElement;
    expect(within(none).getByText('No conversation')).toBeInTheDocument();
    expect(within(none).queryByText('ignored')).not.toBeInTheDocument();
    expect(within(none).getByRole('img', { name: '3 traces, 0 failed' })).toBeInTheDocument();
    expect(none).not.toHaveTextContent('min');
    expect(none).toHaveAccessibleName('No conversation, Last activity 3 hours ago, 3 traces, 0 failed, Cost $0.12');
  });

  it('selects on click, reports the id and summary, and clears on a second click (uncontrolled)', async () => {
    const onSelectedConversationChange = vi.fn();
    const { user } = renderList({ onSelectedConversationChange });
    expect(options().every((o) => o.getAttribute('aria-selected') === 'false')).toBe(true);
    await user.click(option(/Question c1/));
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith('c1', rows[0]);
    expect(option(/Question c1/)).toHaveAttribute('aria-selected', 'true');
    await user.click(option(/No conversation/));
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith('(none)', rows[2]);
    expect(option(/Question c1/)).toHaveAttribute('aria-selected', 'false');
    expect(option(/No conversation/)).toHaveAttribute('aria-selected', 'true');
    await user.click(option(/No conversation/));
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith(null, null);
    expect(option(/No conversation/)).toHaveAttribute('aria-selected', 'false');
  });

  it('is operable from the keyboard: Tab to the list, arrows move, Enter and Space select', async () => {
    const onSelectedConversationChange = vi.fn();
    const { user } = renderList({ onSelectedConversationChange });
    await tabToList(user);
    expect(listbox()).toHaveFocus();
    expect(listbox()).toHaveAttribute('aria-activedescendant', options()[0]?.id);
    await user.keyboard('{ArrowDown}');
    expect(listbox()).toHaveAttribute('aria-activedescendant', options()[1]?.id);
    await user.keyboard('{Enter}');
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith('c2', rows[1]);
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(listbox()).toHaveAttribute('aria-activedescendant', options()[3]?.id);
    await user.keyboard(' ');
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith('c3', rows[3]);
    await user.keyboard(' ');
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith(null, null);
    await user.keyboard('{Home}{ArrowUp}');
    expect(listbox()).toHaveAttribute('aria-activedescendant', options()[0]?.id);
  });

  it('starts keyboard focus on the selected conversation', async () => {
    const { user } = renderList({ defaultSelectedConversationId: 'c3' });
    await tabToList(user);
    expect(listbox()).toHaveAttribute('aria-activedescendant', options()[3]?.id);
    expect(options()[3]).toHaveAttribute('aria-selected', 'true');
  });

  it('follows a controlled selection and only reports clicks', async () => {
    const onSelectedConversationChange = vi.fn();
    const { user, rerender } = renderList({ selectedConversationId: 'c2', onSelectedConversationChange });
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    await user.click(options()[0] as HTMLElement);
    expect(onSelectedConversationChange).toHaveBeenCalledWith('c1', rows[0]);
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    rerender(<ConversationList rows={rows} now={NOW} selectedConversationId={null} />);
    expect(options().some((o) => o.getAttribute('aria-selected') === 'true')).toBe(false);
  });

  it('sorts by errors, cost, steps or duration and flips direction, in the TanStack shape', async () => {
    const onSortingChange = vi.fn();
    const { user } = renderList({ onSortingChange });
    const select = screen.getByRole('combobox', { name: 'Sort by' });
    expect(select).toHaveValue('lastTime');
    await user.selectOptions(select, 'Errors');
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'errorCount', desc: true }]);
    expect(select).toHaveValue('errorCount');
    await user.click(screen.getByRole('button', { name: 'Descending; switch to ascending' }));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'errorCount', desc: false }]);
    expect(screen.getByRole('button', { name: 'Ascending; switch to descending' })).toBeInTheDocument();
    await user.selectOptions(select, 'Cost');
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'costUsd', desc: true }]);
  });

  it('shows a controlled sorting, including an id it does not offer', () => {
    renderList({ sorting: [{ id: 'firstTime', desc: false }] });
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('firstTime');
  });

  it('loads more with the button and shows progress while the next page loads', async () => {
    const onLoadMore = vi.fn();
    const { user, rerender } = renderList({ hasNextPage: true, onLoadMore, rowCount: 120 });
    expect(screen.getByText('4 of 120 conversations')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more conversations' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<ConversationList rows={rows} now={NOW} hasNextPage isFetchingNextPage onLoadMore={onLoadMore} />);
    expect(screen.getByText('Loading more conversations…')).toBeInTheDocument();
    // Still focusable while the page loads (a disabled button would drop focus), but it does not load twice.
    const button = screen.getByRole('button', { name: 'Load more conversations' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<ConversationList rows={rows} now={NOW} hasNextPage={false} onLoadMore={onLoadMore} />);
    expect(screen.queryByRole('button', { name: 'Load more conversations' })).not.toBeInTheDocument();
  });

  it('after Load more, focuses the list with the first new conversation active', async () => {
    const onLoadMore = vi.fn();
    const more = [...rows, conversation('c4'), conversation('c5')];
    const { user, rerender } = renderList({ hasNextPage: true, onLoadMore, rowCount: 6 });
    screen.getByRole('button', { name: 'Load more conversations' }).focus();
    await user.keyboard('{Enter}');
    rerender(<ConversationList rows={rows} rowCount={6} now={NOW} hasNextPage isFetchingNextPage onLoadMore={onLoadMore} />);
    expect(screen.getByRole('button', { name: 'Load more conversations' })).toHaveFocus();
    rerender(<ConversationList rows={more} rowCount={6} now={NOW} onLoadMore={onLoadMore} />);
    expect(listbox()).toHaveFocus();
    const active = document.getElementById(listbox().getAttribute('aria-activedescendant') ?? '');
    expect(active).toBe(options()[4]);
    expect(active).toHaveTextContent('Question c4');
  });

  it('loads the next page when the end of the list scrolls into view', () => {
    const observers: { callback: IntersectionObserverCallback; disconnect: () => void }[] = [];
    class FakeObserver {
      callback: IntersectionObserverCallback;
      constructor(callback: IntersectionObserverCallback) {
        this.callback = callback;
        observers.push(this);
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      const onLoadMore = vi.fn();
      render(<ConversationList rows={rows} now={NOW} hasNextPage onLoadMore={onLoadMore} />);
      const last = observers[observers.length - 1];
      expect(last).toBeDefined();
      act(() => last?.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
      expect(onLoadMore).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows loading, empty and error states, with Retry', async () => {
    const onRetry = vi.fn();
    const { user, rerender } = renderList({ status: 'pending', rows: [] });
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Loading conversations…');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    rerender(<ConversationList rows={[]} now={NOW} />);
    expect(screen.getByText('No conversations in this time range.')).toBeInTheDocument();
    rerender(<ConversationList rows={[]} now={NOW} status="error" error={new Error('503 from backend')} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load conversations.');
    expect(alert).toHaveTextContent('503 from backend');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('keeps loaded rows when the next page fails and retries that page', async () => {
    const onLoadMore = vi.fn();
    const { user } = renderList({ status: 'error', error: new Error('timeout'), hasNextPage: true, onLoadMore });
    expect(options()).toHaveLength(4);
    expect(screen.getByText('Could not load more conversations.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('lets a page wire the selection into its own state', async () => {
    function Page() {
      const [selected, setSelected] = useState<string | null>(null);
      return (
        <>
          <ConversationList rows={rows} now={NOW} selectedConversationId={selected} onSelectedConversationChange={(id) => setSelected(id)} />
          <output>{selected ?? 'all'}</output>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Page />);
    await user.click(option(/Question c3|Untitled/));
    expect(screen.getByText('c3')).toBeInTheDocument();
    expect(option(/Untitled/)).toHaveAttribute('aria-selected', 'true');
  });
});

describe('stepSegments', () => {
  it('keeps short conversations as they are', () => {
    expect(stepSegments(['ok', 'error'], 24)).toEqual(['ok', 'error']);
  });

  it('compresses long conversations without losing a failure', () => {
    const steps = Array.from({ length: 100 }, (_, i) => (i === 57 ? 'error' : 'ok') as 'ok' | 'error');
    const segments = stepSegments(steps, 10);
    expect(segments).toHaveLength(10);
    expect(segments.filter((s) => s === 'error')).toHaveLength(1);
    expect(segments[5]).toBe('error');
  });
});
