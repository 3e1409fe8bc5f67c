import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DataProvider } from '../../src/core/contract';
import type { UserDetailSectionId } from '../../src/pages/UserDetailPage/sections';
import { failingProvider, inSection, renderPage, section, USER_NAME } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

const SECTIONS: UserDetailSectionId[] = ['header', 'metrics', 'trends', 'feedback', 'conversations', 'traces'];

/** What a loaded section shows, to tell it rendered its data. */
const loaded: Record<UserDetailSectionId, () => Promise<unknown>> = {
  header: () => inSection('header').findByRole('heading', { name: USER_NAME }),
  metrics: () => waitFor(() => expect(section('metrics').querySelector('[data-slot="metric-cards"][data-state="ready"]')).not.toBeNull()),
  trends: () => waitFor(() => expect(section('trends').querySelector('[data-slot="trend-charts"][data-state="ready"]')).not.toBeNull()),
  feedback: () => waitFor(() => expect(section('feedback').querySelector('[data-slot="feedback-panel"][data-state="ready"]')).not.toBeNull()),
  conversations: () => waitFor(() => expect(section('conversations').querySelectorAll('[role="option"]').length).toBeGreaterThan(0)),
  traces: () => waitFor(() => expect(section('traces').querySelectorAll('[data-trace-id]').length).toBeGreaterThan(0)),
};

const cases: [keyof Omit<DataProvider, 'capabilities'>, UserDetailSectionId][] = [
  ['getUser', 'header'],
  ['getUserMetrics', 'metrics'],
  ['getFeedback', 'feedback'],
  ['listConversations', 'conversations'],
  ['listTraces', 'traces'],
];

describe('UserDetailPage section isolation', () => {
  it.each(cases)('%s failing: only the %s section shows an error, and its Retry recovers it alone', async (method, failed) => {
    const { provider, failing } = failingProvider(method);
    const { user } = renderPage({}, provider);
    const alert = await inSection(failed).findByRole('alert');
    expect(alert).toHaveTextContent(`${method}: the network is unreachable`);
    for (const other of SECTIONS.filter((id) => id !== failed)) {
      await loaded[other]();
      expect(inSection(other).queryByRole('alert')).toBeNull();
    }
    const callsBefore = failing.calls;
    failing.on = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await loaded[failed]();
    expect(inSection(failed).queryByRole('alert')).toBeNull();
    expect(failing.calls).toBe(callsBefore + 1);
  });

  it('getModelUsage failing: the model usage part of the trends section shows the error; the trend charts still draw', async () => {
    const { provider } = failingProvider('getModelUsage');
    renderPage({ sections: ['trends', 'traces'] }, provider);
    await loaded.trends();
    const alert = await within(section('trends').querySelector('[data-slot="model-usage"]') as HTMLElement).findByRole('alert');
    expect(alert).toHaveTextContent('getModelUsage');
    await loaded.traces();
    expect(inSection('traces').queryByRole('alert')).toBeNull();
  });

  it("a section whose rendering throws shows its own error with Retry; the others render, and the host is told", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onSectionError = vi.fn();
    let broken = true;
    const Fragile = () => {
      if (broken) throw new Error('chart exploded');
      return <p>Recovered</p>;
    };
    const { user } = renderPage({
      sections: ['header', { id: 'metrics', render: () => <Fragile /> }, 'traces'],
      onSectionError,
    });
    const alert = await inSection('metrics').findByRole('alert');
    expect(alert).toHaveTextContent('This section could not be shown.');
    // The raw exception goes to onSectionError only (issue 18 D5), never on screen.
    expect(alert).not.toHaveTextContent('chart exploded');
    expect(onSectionError).toHaveBeenCalledWith('metrics', expect.objectContaining({ message: 'chart exploded' }));
    await loaded.header();
    await loaded.traces();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(inSection('metrics').getByText('Recovered')).toBeInTheDocument();
  });

  it('a render function that throws by itself is caught by its section too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderPage({
      sections: [
        {
          id: 'broken',
          title: 'Broken',
          render: () => {
            throw new Error('render function failed');
          },
        },
        'header',
      ],
    });
    expect(await inSection('broken').findByRole('alert')).toHaveTextContent('This section could not be shown.');
    await loaded.header();
  });
});
