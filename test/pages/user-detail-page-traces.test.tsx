import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ListTracesParams } from '../../src/core/contract';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { inSection, renderPage, section, shownTraceIds, tracesInRange, USER } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

/** A user whose traces carry input previews (conversation titles): 21 traces, 6 conversations in range. */
const SELECTING = 'u10';
const ALL = tracesInRange(SELECTING);
/** The conversation with the most traces in range. */
const CONVERSATION = (() => {
  const counts = new Map<string, number>();
  for (const t of ALL) if (t.conversationId) counts.set(t.conversationId, (counts.get(t.conversationId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
})();
const STEPS = tracesInRange(SELECTING, CONVERSATION)
  .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id))
  .map((t) => t.id);

const listbox = () => inSection('conversations').getByRole('listbox');
const conversationOption = async () => {
  await waitFor(() => expect(section('conversations').querySelector(`[data-conversation-id="${CONVERSATION}"]`)).not.toBeNull());
  return section('conversations').querySelector(`[data-conversation-id="${CONVERSATION}"]`) as HTMLElement;
};
const waitForTraces = (ids: string[]) => waitFor(() => expect(shownTraceIds()).toEqual(ids));
const waitForTraceCount = (n: number) => waitFor(() => expect(shownTraceIds()).toHaveLength(n));

describe('UserDetailPage conversations and traces', () => {
  it('selecting a conversation narrows the traces to it, in step order, with a chip naming it', async () => {
    const onSelectedConversationChange = vi.fn();
    const { user } = renderPage({ userId: SELECTING, sections: ['conversations', 'traces'], onSelectedConversationChange });
    await waitForTraceCount(ALL.length);
    await user.click(await conversationOption());
    expect(onSelectedConversationChange).toHaveBeenCalledWith(CONVERSATION, expect.objectContaining({ id: CONVERSATION }));
    await waitForTraces(STEPS);
    const title = onSelectedConversationChange.mock.calls[0]![1].title as string;
    expect(title).toEqual(expect.any(String));
    expect(inSection('traces').getByText(/Filtered by conversation/)).toHaveTextContent(title);
  });

  it("the chip's Clear, or selecting the conversation again, shows every trace again", async () => {
    const onSelectedConversationChange = vi.fn();
    const { user } = renderPage({ userId: SELECTING, sections: ['conversations', 'traces'], onSelectedConversationChange });
    await user.click(await conversationOption());
    await waitForTraces(STEPS);
    await user.click(inSection('traces').getByRole('button', { name: 'Clear the conversation filter and show all traces' }));
    expect(onSelectedConversationChange).toHaveBeenLastCalledWith(null, null);
    await waitForTraceCount(ALL.length);
    expect(within(listbox()).queryAllByRole('option', { selected: true })).toHaveLength(0);

    await user.click(await conversationOption());
    await waitForTraces(STEPS);
    await user.click(await conversationOption());
    await waitForTraceCount(ALL.length);
  });

  it('a controlled selection (e.g. from the URL) filters the traces and titles the chip with the first step', async () => {
    const first = tracesInRange(SELECTING, CONVERSATION).sort((a, b) => a.startTime.localeCompare(b.startTime))[0]!;
    renderPage({ userId: SELECTING, sections: ['traces'], selectedConversationId: CONVERSATION });
    await waitForTraces(STEPS);
    expect(inSection('traces').getByText(/Filtered by conversation/)).toHaveTextContent(first.inputPreview as string);
  });

  it('a sort chosen for all traces is dropped when a conversation is selected, so its steps come in order', async () => {
    const { user } = renderPage({ userId: SELECTING, sections: ['conversations', 'traces'] });
    await waitForTraceCount(ALL.length);
    await user.click(within(inSection('traces').getByRole('columnheader', { name: /Latency/ })).getByRole('button'));
    await waitFor(() => expect(inSection('traces').getByRole('columnheader', { name: /Latency/ })).toHaveAttribute('aria-sort'));
    await user.click(await conversationOption());
    await waitForTraces(STEPS);
  });

  it('pages through the traces with the cursor', async () => {
    const base = createTestProvider();
    const listTraces = vi.fn(base.listTraces);
    const all = tracesInRange(USER);
    const { user } = renderPage({ sections: ['traces'], pageSize: 15 }, { ...base, listTraces });
    await waitForTraceCount(15);
    expect(inSection('traces').getByText(`15 of ${all.length} traces`)).toBeInTheDocument();
    await user.click(inSection('traces').getByRole('button', { name: 'Load more traces' }));
    await waitForTraceCount(30);
    await user.click(inSection('traces').getByRole('button', { name: 'Load more traces' }));
    await waitForTraceCount(all.length);
    const calls = listTraces.mock.calls.map(([params]) => params as ListTracesParams);
    expect(calls.map((p) => p.limit)).toEqual([15, 15, 15]);
    expect(calls[0]).not.toHaveProperty('cursor');
    expect(calls[1]!.cursor).toEqual(expect.any(String));
    expect(inSection('traces').queryByRole('button', { name: 'Load more traces' })).toBeNull();
  });

  it('a conversation cell in the trace table selects that conversation', async () => {
    const { user } = renderPage({ userId: SELECTING, sections: ['conversations', 'traces'] });
    await waitForTraceCount(ALL.length);
    const row = section('traces').querySelector(`[data-trace-id="${STEPS[0]}"]`) as HTMLElement;
    await user.click(within(row).getByRole('button', { name: new RegExp(CONVERSATION) }));
    await waitForTraces(STEPS);
    expect(await conversationOption()).toHaveAttribute('aria-selected', 'true');
  });
});
