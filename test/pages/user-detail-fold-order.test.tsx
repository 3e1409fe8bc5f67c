/**
 * The detail page draws the sections above the fold first: the sections after the trend charts mount (and ask the
 * provider) only once the page's trends answer has settled, so on a provider that answers in order (the worker) the
 * lists below the fold never draw before the charts above them.
 */
import { act, configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataProvider } from '../../src/core/contract';
import { ProviderError } from '../../src/core/errors';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { inSection, renderPage, section } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

const LAZY_SECTIONS = [
  () => import('../../src/pages/UserDetailPage/FeedbackSection'),
  () => import('../../src/pages/UserDetailPage/ConversationsSection'),
  () => import('../../src/pages/UserDetailPage/TracesSection'),
];

/** The test provider with `getUserTrends` held until `release` is called, and its list calls counted. */
function heldTrendsProvider() {
  const base = createTestProvider();
  const held: Array<() => void> = [];
  const calls = { listConversations: 0, listTraces: 0 };
  const provider: DataProvider = {
    ...base,
    getUserTrends: (params) => new Promise((resolve) => held.push(() => resolve(base.getUserTrends(params)))),
    listConversations: (params) => {
      calls.listConversations += 1;
      return base.listConversations(params);
    },
    listTraces: (params) => {
      calls.listTraces += 1;
      return base.listTraces(params);
    },
  };
  return { provider, calls, release: () => held.splice(0).forEach((resolve) => resolve()) };
}

describe('UserDetailPage fold order', () => {
  it('mounts the lists below the trend charts only after the trends answer, then shows them', async () => {
    // The lazy sections' code is loaded first, so only the page's own order can hold them back.
    await Promise.all(LAZY_SECTIONS.map((load) => load()));
    const { provider, calls, release } = heldTrendsProvider();
    renderPage({}, provider);
    await screen.findByRole('heading', { name: 'Model Switcher' });
    await waitFor(() => expect(section('metrics').querySelector('[data-slot="metric-cards"][data-state="loading"]')).toBeNull());
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(calls).toEqual({ listConversations: 0, listTraces: 0 });
    expect(inSection('traces').getByRole('status')).toHaveTextContent('Loading…');
    await act(async () => release());
    await waitFor(() => expect(section('traces').querySelector('[data-slot="trace-table"]')).not.toBeNull());
    expect(section('trends').querySelector('[data-slot="trend-charts"]')?.getAttribute('data-state')).not.toBe('loading');
    expect(calls.listConversations).toBeGreaterThan(0);
    expect(calls.listTraces).toBeGreaterThan(0);
  });

  it('shows the lists when the trends fail, and at once on a page without trend charts', async () => {
    const base = createTestProvider();
    const failing: DataProvider = { ...base, getUserTrends: () => Promise.reject(new ProviderError('network', 'getUserTrends: the network is unreachable')) };
    const first = renderPage({}, failing);
    await waitFor(() => expect(section('traces').querySelector('[data-slot="trace-table"]')).not.toBeNull());
    first.unmount();
    const { provider, calls } = heldTrendsProvider();
    renderPage({ sections: ['header', 'conversations', 'traces'] }, provider);
    await waitFor(() => expect(section('traces').querySelector('[data-slot="trace-table"]')).not.toBeNull());
    expect(calls.listTraces).toBeGreaterThan(0);
  });
});
