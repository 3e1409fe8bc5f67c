import { act, configure, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../../src/core/contract';
import { createProgressHub, type ProgressHub, type ProgressSource } from '../../src/core/progress';
import { useLoadProgress } from '../../src/hooks/load-progress';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UsersPage } from '../../src/pages/UsersPage/UsersPage';
import { contractDataset } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { RANGE, renderPage as renderDetailPage, USER, USER_NAME } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

/** A provider over the contract dataset that reports progress through `hub` and answers only once `release` runs. */
function gatedProvider(): { provider: DataProvider & ProgressSource; hub: ProgressHub; release: () => void } {
  const base = createTestProvider();
  const hub = createProgressHub();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const gated = Object.fromEntries(
    Object.entries(base).map(([name, method]) => [
      name,
      typeof method === 'function' ? async (params: object) => (await gate, (method as (p: object) => Promise<unknown>)(params)) : method,
    ]),
  ) as unknown as DataProvider;
  return { provider: { ...gated, subscribeProgress: hub.subscribeProgress }, hub, release: open };
}

const note = () => document.querySelector('[data-slot="load-progress"]') as HTMLElement;

describe('load progress on the pages', () => {
  it('UsersPage says "Loaded 3,200 of ~10,000 traces" while the list loads, then shows the users', async () => {
    const { provider, hub, release } = gatedProvider();
    const queryClient = createUserscopeQueryClient();
    render(
      <UserscopeProvider provider={provider} queryClient={queryClient} locale="en-US">
        <UsersPage now={Date.parse('2025-03-16T00:00:00Z')} defaultView={{ range: RANGE }} />
      </UserscopeProvider>,
    );
    expect(note()).toHaveAttribute('role', 'status');
    expect(note()).toHaveTextContent('');
    act(() => hub.emit({ id: 'range:a', loaded: 0, expected: 10_000, done: false }));
    expect(await screen.findByText('Loaded 0 of ~10,000 traces')).toBeVisible();
    act(() => hub.emit({ id: 'range:a', loaded: 3_200, expected: 10_000, done: false }));
    expect(screen.getByText('Loaded 3,200 of ~10,000 traces')).toBeInTheDocument();
    expect(note().querySelector('progress')).toHaveAttribute('max', '10000');
    expect(note().querySelector('progress')).toHaveAttribute('value', '3200');
    // A second load without an estimate: the counts add up and the total becomes unknown.
    act(() => hub.emit({ id: 'range:b', loaded: 150, expected: null, done: false }));
    expect(screen.getByText('Loaded 3,350 traces')).toBeInTheDocument();
    act(() => hub.emit({ id: 'range:b', loaded: 0, expected: null, done: true }));
    expect(screen.getByText('Loaded 3,200 of ~10,000 traces')).toBeInTheDocument();

    act(() => hub.emit({ id: 'range:a', loaded: 0, expected: null, done: true }));
    release();
    expect(await screen.findByText(USER_NAME)).toBeInTheDocument();
    expect(note()).toHaveTextContent('');
    expect(note()).toHaveAttribute('data-active', 'false');
  });

  it('UsersPage shows nothing once its list has loaded, even when another view keeps loading', async () => {
    const { provider, hub, release } = gatedProvider();
    release();
    render(
      <UserscopeProvider provider={provider} queryClient={createUserscopeQueryClient()} locale="en-US">
        <UsersPage now={Date.parse('2025-03-16T00:00:00Z')} defaultView={{ range: RANGE }} />
      </UserscopeProvider>,
    );
    expect(await screen.findByText(USER_NAME)).toBeInTheDocument();
    act(() => hub.emit({ id: 'user:x', loaded: 40, expected: 120, done: false }));
    expect(note()).toHaveTextContent('');
  });

  it('UserDetailPage shows the progress of its user load through the page labels', async () => {
    const { provider, hub, release } = gatedProvider();
    renderDetailPage({ labels: { loadProgress: '{loaded} / ~{expected} Traces geladen' } }, provider);
    await waitFor(() => expect(note()).toBeInTheDocument());
    act(() => hub.emit({ id: `user:${USER}`, loaded: 1_234, expected: 5_678, done: false }));
    expect(await screen.findByText('1,234 / ~5,678 Traces geladen')).toBeInTheDocument();
    act(() => hub.emit({ id: `user:${USER}`, loaded: 0, expected: null, done: true }));
    release();
    expect(await screen.findAllByText(USER_NAME)).not.toHaveLength(0);
    expect(note()).toHaveTextContent('');
  });

  it('useLoadProgress is null for providers without progress, and on the server', () => {
    let seen: unknown = 'unset';
    function Probe() {
      seen = useLoadProgress();
      return null;
    }
    const memory = createMemoryProvider(contractDataset);
    render(
      <UserscopeProvider provider={memory} locale="en-US">
        <Probe />
      </UserscopeProvider>,
    );
    expect(seen).toBeNull();
    const { provider } = gatedProvider();
    renderToString(
      <UserscopeProvider provider={provider} locale="en-US">
        <Probe />
      </UserscopeProvider>,
    );
    expect(seen).toBeNull();
  });
});
