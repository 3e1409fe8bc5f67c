import { configure, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DataProvider } from '../../src/core/contract';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { renderPage, section } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

const PRO = { key: 'plan', value: 'pro' };

/** The trends section once its charts show data (the previous period's line is drawn). */
async function readyTrends(): Promise<HTMLElement> {
  const trends = section('trends');
  await waitFor(() => expect(trends.querySelector('[data-slot="trend-charts"][data-state="ready"] [data-variant="previous"]')).not.toBeNull());
  return trends;
}

const cohortLines = (element: HTMLElement) => element.querySelectorAll('[data-variant="cohort"]');

/** A test provider whose `getUserTrends` is spied on. */
function spiedProvider(capabilities: Partial<DataProvider['capabilities']> = {}) {
  const base = createTestProvider({ capabilities });
  const getUserTrends = vi.fn(base.getUserTrends);
  return { provider: { ...base, getUserTrends } satisfies DataProvider, getUserTrends };
}

describe('UserDetailPage trends: the cohort line', () => {
  it('draws no cohort line and asks for no cohort without a cohort', async () => {
    const { provider, getUserTrends } = spiedProvider();
    renderPage({ sections: ['header', 'trends'] }, provider);
    const trends = await readyTrends();
    expect(cohortLines(trends)).toHaveLength(0);
    expect(getUserTrends.mock.calls.every(([params]) => params.compare === undefined)).toBe(true);
  });

  it('draws the cohort chosen with a metadata chip as a dotted line named like the metric cards', async () => {
    const { provider, getUserTrends } = spiedProvider();
    const { user } = renderPage({ sections: ['header', 'trends'] }, provider);
    await readyTrends();
    await user.click(await within(section('header')).findByRole('button', { name: /^plan: pro/ }));
    await waitFor(() => expect(getUserTrends).toHaveBeenCalledWith(expect.objectContaining({ compare: { cohort: PRO } })));
    await waitFor(() => expect(cohortLines(section('trends'))).not.toHaveLength(0));
    // Traces are a total: the cohort line is its average per user.
    expect(within(section('trends')).getAllByText('pro users, average per user')).not.toHaveLength(0);
  });

  it('asks for no cohort and draws none when the provider does not support cohorts', async () => {
    const { provider, getUserTrends } = spiedProvider({ cohorts: false });
    renderPage({ sections: ['trends'], cohort: PRO }, provider);
    const trends = await readyTrends();
    expect(cohortLines(trends)).toHaveLength(0);
    expect(getUserTrends.mock.calls.every(([params]) => params.compare === undefined)).toBe(true);
  });

  it('asks for the current range once when the feedback overlay and the trends share a cohort', async () => {
    const { provider, getUserTrends } = spiedProvider();
    renderPage({ sections: ['trends', 'feedback'], cohort: PRO }, provider);
    await readyTrends();
    await waitFor(() => expect(section('feedback').querySelector('[data-slot="feedback-panel"]')).not.toBeNull());
    const current = getUserTrends.mock.calls.filter(([params]) => params.compare !== undefined);
    expect(current).toHaveLength(1);
    expect(getUserTrends.mock.calls.filter(([params]) => params.compare === undefined && params.range.to === current[0][0].range.to)).toHaveLength(0);
  });
});
