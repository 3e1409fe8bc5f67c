// Issue 18 D5: a section that crashed while rendering shows a plain message (not a raw TypeError), and its Retry
// resets that section's queries and calls the provider again instead of re-rendering the same cached data.
import { configure, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GetUserMetricsParams } from '../../src/core/contract';
import type { UserMetrics } from '../../src/core/results';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { inSection, renderPage, section } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

describe('D5: Retry on a crashed section', () => {
  it('hides the raw exception and refetches the section', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const base = createTestProvider();
    let broken = true;
    let calls = 0;
    const provider = createTestProvider({
      getUserMetrics: async (params: GetUserMetricsParams) => {
        calls += 1;
        const answer = await base.getUserMetrics(params);
        return broken ? ({ ...answer, current: undefined } as unknown as UserMetrics) : answer;
      },
    });
    const onSectionError = vi.fn();
    const { user } = renderPage({ sections: ['header', 'metrics'], onSectionError }, provider);
    const alert = await inSection('metrics').findByRole('alert');
    expect(alert).toHaveTextContent('This section could not be shown.');
    expect(alert.textContent).not.toMatch(/Cannot read properties|undefined/);
    expect(onSectionError).toHaveBeenCalledWith('metrics', expect.any(TypeError));
    const before = calls;
    broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(section('metrics').querySelector('[data-slot="metric-cards"][data-state="ready"]')).not.toBeNull());
    expect(calls).toBe(before + 1);
    expect(inSection('metrics').queryByRole('alert')).toBeNull();
  });
});
