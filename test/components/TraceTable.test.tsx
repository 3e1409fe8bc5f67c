import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TraceTable, type TraceTableProps } from '../../src/components/TraceTable/TraceTable';
import type { Trace } from '../../src/core/model';
import type { TraceRow } from '../../src/core/results';

function trace(id: string, overrides: Partial<Trace> = {}): Trace {
  return {
    id,
    userId: 'u1',
    conversationId: 'conv-1',
    name: `run ${id}`,
    startTime: '2026-03-10T09:15:00.000Z',
    latencyMs: 1840,
    status: 'ok',
    model: 'gpt-4o-2024-08-06',
    inputTokens: 1200,
    outputTokens: 300,
    costUsd: 0.0042,
    inputPreview: `What about ${id}?`,
    ...overrides,
  };
}

const rows: Trace[] = [
  trace('t1'),
  trace('t2', { status: 'error', errorType: 'RateLimitError', model: 'claude-3-5-sonnet', costUsd: undefined, inputTokens: undefined, outputTokens: undefined }),
  trace('t3', { conversationId: undefined, name: undefined, inputPreview: undefined, model: undefined }),
];

function renderTable(props: Partial<TraceTableProps> = {}) {
  const user = userEvent.setup();
  const view = render(<TraceTable rows={rows} rowCount={3} {...props} />);
  return { user, ...view };
}

/** Column headers when the rows carry no feedback score. */
const COLUMNS = ['Time', 'Name', 'Status', 'Latency', 'Model', 'Tokens', 'Cost', 'Conversation'];

const grid = () => screen.getByRole('grid');
const headerTexts = () => within(grid()).getAllByRole('columnheader').map((h) => h.textContent);
const header = (name: string) => within(grid()).getByRole('columnheader', { name });
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const row = (i: number) => within(bodyRows()[i] as HTMLElement);

describe('TraceTable', () => {
  it('renders a captioned grid with time, name, status, latency, model, tokens, cost and conversation', () => {
    renderTable();
    expect(grid()).toHaveAccessibleName('Traces of this user, one row per run');
    expect(headerTexts()).toEqual(COLUMNS);
    expect(bodyRows()).toHaveLength(3);
    expect(row(0).getByText('Mar 10, 2026, 09:15 UTC')).toHaveAttribute('datetime', '2026-03-10T09:15:00.000Z');
    expect(row(0).getByText('run t1')).toBeInTheDocument();
    expect(row(0).getByText('What about t1?')).toBeInTheDocument();
    expect(row(0).getByText('OK')).toBeInTheDocument();
    expect(row(0).getByText('1.8 s')).toBeInTheDocument();
    expect(row(0).getByText('1,500')).toHaveAttribute('title', '1,200 in · 300 out');
    expect(row(0).getByText('$0.0042')).toBeInTheDocument();
    expect(row(0).getByText('conv-1')).toBeInTheDocument();
    expect(screen.getByText('3 of 3 traces')).toBeInTheDocument();
  });

  it('shows the error type of failed runs and "—" for unknown values', () => {
    renderTable();
    expect(row(1).getByText('Error')).toBeInTheDocument();
    expect(row(1).getByText('RateLimitError')).toBeInTheDocument();
    expect(row(1).getAllByText('—')).toHaveLength(2);
    expect(row(2).getByText('t3')).toBeInTheDocument();
    expect(row(2).getByText('No conversation')).toBeInTheDocument();
  });

  it('links names with getTraceHref and drops unsafe URLs', () => {
    renderTable({ getTraceHref: (t) => (t.id === 't2' ? 'javascript:alert(1)' : `/traces/${t.id}`) });
    expect(row(0).getByRole('link', { name: 'run t1' })).toHaveAttribute('href', '/traces/t1');
    expect(row(1).queryByRole('link')).not.toBeInTheDocument();
    expect(row(1).getByText('run t2')).toBeInTheDocument();
  });

  it('opens a trace with onTraceOpen on a plain link click, a row click or Enter', async () => {
    const onTraceOpen = vi.fn();
    const { user } = renderTable({ getTraceHref: (t) => `/traces/${t.id}`, onTraceOpen });
    await user.click(row(0).getByRole('link', { name: 'run t1' }));
    expect(onTraceOpen).toHaveBeenLastCalledWith(rows[0]);
    await user.click(row(1).getByText('1.8 s'));
    expect(onTraceOpen).toHaveBeenLastCalledWith(rows[1]);
    await user.click(row(2).getByText('No conversation'));
    await user.keyboard('{Enter}');
    expect(onTraceOpen).toHaveBeenLastCalledWith(rows[2]);
  });

  it('follows the link from a row click or Enter when there is no onTraceOpen, never twice', async () => {
    const { user } = renderTable({ getTraceHref: (t) => `/traces/${t.id}` });
    const link = row(0).getByRole('link', { name: 'run t1' });
    const clicks = vi.fn((event: Event) => event.preventDefault());
    link.addEventListener('click', clicks);
    await user.click(row(0).getByText('1.8 s'));
    expect(clicks).toHaveBeenCalledTimes(1);
    await user.click(link);
    expect(clicks).toHaveBeenCalledTimes(2);
    await user.keyboard('{Enter}');
    expect(clicks).toHaveBeenCalledTimes(3);
  });

  it('moves between cells with the arrow keys and sorts from a header with Enter', async () => {
    const onSortingChange = vi.fn();
    const { user } = renderTable({ onSortingChange });
    const first = row(0).getByText('Mar 10, 2026, 09:15 UTC').closest('td') as HTMLElement;
    await user.tab();
    await user.tab();
    await user.tab();
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(row(0).getByText('1.8 s').closest('td')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(header('Latency')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'latencyMs', desc: true }]);
  });

  it('shows the provider default order on Time and emits TanStack sorting when a header is clicked', async () => {
    const onSortingChange = vi.fn();
    const { user } = renderTable({ onSortingChange });
    expect(header('Time')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Latency')).toHaveAttribute('aria-sort', 'none');
    expect(header('Tokens')).not.toHaveAttribute('aria-sort');
    await user.click(within(header('Time')).getByRole('button'));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'startTime', desc: false }]);
    expect(header('Time')).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header('Cost')).getByRole('button'));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'costUsd', desc: true }]);
    expect(header('Cost')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Time')).toHaveAttribute('aria-sort', 'none');
  });

  it('follows a controlled sorting', () => {
    renderTable({ sorting: [{ id: 'model', desc: false }] });
    expect(header('Model')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Time')).toHaveAttribute('aria-sort', 'none');
  });

  it('filters by status and model in the TanStack shape', async () => {
    const onFiltersChange = vi.fn();
    const { user } = renderTable({ onFiltersChange });
    const status = screen.getByRole('combobox', { name: 'Status' });
    const model = screen.getByRole('combobox', { name: 'Model' });
    expect(within(model).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'claude-3-5-sonnet', 'gpt-4o-2024-08-06']);
    await user.selectOptions(status, 'Error');
    expect(onFiltersChange).toHaveBeenLastCalledWith([{ id: 'status', value: 'error' }]);
    await user.selectOptions(model, 'gpt-4o-2024-08-06');
    expect(onFiltersChange).toHaveBeenLastCalledWith([
      { id: 'status', value: 'error' },
      { id: 'model', value: 'gpt-4o-2024-08-06' },
    ]);
    await user.selectOptions(status, 'All');
    expect(onFiltersChange).toHaveBeenLastCalledWith([{ id: 'model', value: 'gpt-4o-2024-08-06' }]);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith([]);
    expect(model).toHaveValue('');
  });

  it('shows controlled filters, offers the given models, and turns other filter ids into removable chips', async () => {
    const onFiltersChange = vi.fn();
    const filters = [
      { id: 'model', value: ['a', 'b'] },
      { id: 'errorType', value: 'RateLimitError' },
    ];
    const { user } = renderTable({ filters, onFiltersChange, modelOptions: ['a', 'b', 'c'] });
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveDisplayValue('2 selected');
    await user.click(screen.getByRole('button', { name: 'Remove filter errorType: RateLimitError' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith([{ id: 'model', value: ['a', 'b'] }]);
  });

  it('says when no trace matches the filters and clears them', async () => {
    const onFiltersChange = vi.fn();
    const { user } = renderTable({ rows: [], rowCount: 0, defaultFilters: [{ id: 'status', value: 'error' }], onFiltersChange });
    expect(screen.getByText('No traces match the filters.')).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clear[clear.length - 1] as HTMLElement);
    expect(onFiltersChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByText('No traces in this time range.')).toBeInTheDocument();
    // Both Clear filters buttons are gone: focus went to the status filter, not to <body>.
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveFocus();
  });

  it('moves focus to the status filter when a removed filter chip takes its button away', async () => {
    const { user } = renderTable({ defaultFilters: [{ id: 'errorType', value: 'RateLimitError' }] });
    await user.click(screen.getByRole('button', { name: 'Remove filter errorType: RateLimitError' }));
    expect(screen.queryByRole('button', { name: /Remove filter/ })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveFocus();
  });

  it('moves focus from the chip\'s Clear to the status filter, so it is not lost when the chip goes', async () => {
    function Narrowed() {
      const [conversationId, setConversationId] = useState<string | null>('conv-1');
      return <TraceTable rows={rows} conversationId={conversationId} onClearConversation={() => setConversationId(null)} />;
    }
    const user = userEvent.setup();
    render(<Narrowed />);
    const clear = screen.getByRole('button', { name: /Clear the conversation filter/ });
    clear.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByText(/Filtered by conversation/)).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveFocus();
  });

  it('shows "Filtered by conversation <title> — Clear" for a selected conversation, in step order', async () => {
    const onClearConversation = vi.fn();
    const { user } = renderTable({ conversationId: 'conv-1', conversationTitle: 'Refund for order 1234', onClearConversation });
    const chip = screen.getByText(/Filtered by conversation/).closest('[data-slot="conversation-filter"]') as HTMLElement;
    expect(chip).toHaveTextContent('Filtered by conversation Refund for order 1234—Clear');
    expect(header('Time')).toHaveAttribute('aria-sort', 'ascending');
    expect(within(grid()).queryByRole('columnheader', { name: 'Conversation' })).not.toBeInTheDocument();
    await user.click(within(chip).getByRole('button', { name: /Clear/ }));
    expect(onClearConversation).toHaveBeenCalledTimes(1);
  });

  it('names the no-conversation group in the chip and says when the conversation has no traces', () => {
    renderTable({ rows: [], conversationId: '(none)', conversationTitle: 'Summarize the release notes' });
    expect(screen.getByText('No conversation')).toBeInTheDocument();
    expect(screen.queryByText('Summarize the release notes')).not.toBeInTheDocument();
    expect(screen.getByText('This conversation has no traces in this time range.')).toBeInTheDocument();
  });

  it('selects a conversation from its cell', async () => {
    const onConversationSelect = vi.fn();
    const onTraceOpen = vi.fn();
    const { user } = renderTable({ onConversationSelect, onTraceOpen });
    await user.click(row(0).getByRole('button', { name: 'Show conversation conv-1' }));
    expect(onConversationSelect).toHaveBeenCalledWith('conv-1');
    expect(onTraceOpen).not.toHaveBeenCalled();
  });

  it('loads more pages with the button and shows progress', async () => {
    const onLoadMore = vi.fn();
    const { user, rerender } = renderTable({ hasNextPage: true, onLoadMore, rowCount: 500 });
    expect(screen.getByText('3 of 500 traces')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more traces' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<TraceTable rows={rows} hasNextPage isFetchingNextPage onLoadMore={onLoadMore} />);
    expect(screen.getByText('Loading more traces…')).toBeInTheDocument();
    expect(screen.getByText('3 traces')).toBeInTheDocument();
    // It stays focusable while the page loads (disabling it would drop focus) and ignores presses meanwhile.
    const button = screen.getByRole('button', { name: 'Load more traces' });
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('moves focus to the first new row when the page asked for with the button arrives', async () => {
    const onLoadMore = vi.fn();
    const { user, rerender } = renderTable({ rows: rows.slice(0, 2), hasNextPage: true, onLoadMore });
    const button = screen.getByRole('button', { name: 'Load more traces' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<TraceTable rows={rows.slice(0, 2)} hasNextPage isFetchingNextPage onLoadMore={onLoadMore} />);
    // The last page: the footer goes, and focus goes to the first row it brought.
    rerender(<TraceTable rows={rows} onLoadMore={onLoadMore} />);
    expect(screen.queryByRole('button', { name: 'Load more traces' })).not.toBeInTheDocument();
    const focused = document.activeElement as HTMLElement;
    expect(focused.closest('tr')).toBe(bodyRows()[2]);
    expect(focused).toHaveAttribute('tabindex', '0');
  });

  it('loads page after page by infinite scroll, observing anew when rows arrive', () => {
    const observers: { callback: IntersectionObserverCallback; root: Element | null }[] = [];
    class FakeObserver {
      constructor(
        readonly callback: IntersectionObserverCallback,
        options: IntersectionObserverInit,
      ) {
        observers.push({ callback, root: (options.root as Element | null) ?? null });
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      const onLoadMore = vi.fn();
      const intersect = () =>
        act(() => observers[observers.length - 1]?.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
      const { rerender } = render(<TraceTable rows={rows.slice(0, 2)} hasNextPage onLoadMore={onLoadMore} />);
      expect(observers[observers.length - 1]?.root).toHaveAttribute('data-slot', 'trace-table-scroll');
      intersect();
      expect(onLoadMore).toHaveBeenCalledTimes(1);
      // The page arrived without a render that showed it loading: the new row count still restarts observing.
      rerender(<TraceTable rows={rows} hasNextPage onLoadMore={onLoadMore} />);
      intersect();
      expect(onLoadMore).toHaveBeenCalledTimes(2);
      const before = observers.length;
      rerender(<TraceTable rows={rows} hasNextPage isFetchingNextPage onLoadMore={onLoadMore} />);
      expect(observers).toHaveLength(before);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does not load by scrolling while the Load more button has focus, so Tab can pass it', () => {
    const observers: { callback: IntersectionObserverCallback; disconnected: boolean }[] = [];
    class FakeObserver {
      entry: { callback: IntersectionObserverCallback; disconnected: boolean };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, disconnected: false };
        observers.push(this.entry);
      }
      observe() {}
      disconnect() {
        this.entry.disconnected = true;
      }
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      const onLoadMore = vi.fn();
      render(<TraceTable rows={rows} hasNextPage onLoadMore={onLoadMore} />);
      const button = screen.getByRole('button', { name: 'Load more traces' });
      act(() => button.focus());
      expect(observers.every((o) => o.disconnected)).toBe(true);
      act(() => button.blur());
      const live = observers.filter((o) => !o.disconnected);
      expect(live).toHaveLength(1);
      act(() => live[0]?.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
      expect(onLoadMore).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows loading, error with Retry, and a failed next page with its own retry', async () => {
    const onRetry = vi.fn();
    const onLoadMore = vi.fn();
    const { user, rerender } = renderTable({ status: 'pending', rows: [] });
    expect(screen.getByText('Loading traces…')).toBeInTheDocument();
    expect(grid()).toHaveAttribute('aria-busy', 'true');
    rerender(<TraceTable rows={[]} status="error" error={new Error('listTraces: 503')} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load traces.');
    expect(alert).toHaveTextContent('listTraces: 503');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<TraceTable rows={rows} status="error" error={new Error('x')} hasNextPage onLoadMore={onLoadMore} onRetry={onRetry} />);
    expect(bodyRows()).toHaveLength(3);
    expect(screen.getByText('Could not load more traces.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  describe('feedback score', () => {
    const scored: TraceRow[] = [
      { ...trace('t1'), feedbackScore: 0.8 },
      { ...trace('t2'), feedbackScore: 0.25 },
      { ...trace('t3'), feedbackScore: null },
      trace('t4'),
    ];
    const feedbackCell = (i: number) => bodyRows()[i]?.querySelector('[data-column="feedbackScore"]') as HTMLElement;

    it('shows the mean score as FeedbackPanel does, "—" without one, and says it to screen readers', () => {
      renderTable({ rows: scored, rowCount: 4 });
      expect(headerTexts()).toEqual([...COLUMNS, 'Feedback']);
      expect(feedbackCell(0)).toHaveTextContent('0.80');
      expect(within(feedbackCell(0)).getByText('0.80').closest('[data-slot="trace-feedback"]')).toHaveAttribute('data-tone', 'positive');
      expect(within(feedbackCell(0)).getByText('Feedback score 0.80 of 1')).toHaveClass('us-visually-hidden');
      expect(within(feedbackCell(1)).getByText('0.25').closest('[data-slot="trace-feedback"]')).toHaveAttribute('data-tone', 'negative');
      for (const i of [2, 3]) {
        expect(within(feedbackCell(i)).getByText('—')).toHaveAttribute('aria-hidden', 'true');
        expect(within(feedbackCell(i)).getByText('No feedback score')).toBeInTheDocument();
        expect(feedbackCell(i).querySelector('[data-slot="trace-feedback"]')).toBeNull();
      }
    });

    it('is not sortable: listTraces has no feedback sort id', async () => {
      const onSortingChange = vi.fn();
      const { user } = renderTable({ rows: scored, onSortingChange });
      const feedback = header('Feedback');
      expect(feedback).not.toHaveAttribute('aria-sort');
      expect(within(feedback).queryByRole('button')).not.toBeInTheDocument();
      await user.click(feedback);
      act(() => feedback.focus());
      await user.keyboard('{Enter}');
      expect(onSortingChange).not.toHaveBeenCalled();
    });

    it('is left out when the provider does not compute scores', () => {
      renderTable();
      expect(within(grid()).queryByRole('columnheader', { name: 'Feedback' })).not.toBeInTheDocument();
    });
  });
});
