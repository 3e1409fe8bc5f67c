/**
 * Shared setup of the UserDetailPage tests: the contract dataset's busiest user over its main two weeks, a query
 * client that does not retry, and helpers to find sections.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TimeRangeValue } from '../../src/core/time-range-value';
import type { DataProvider } from '../../src/core/contract';
import { ProviderError } from '../../src/core/errors';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UserDetailPage, type UserDetailPageProps } from '../../src/pages/UserDetailPage/UserDetailPage';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';

/** The contract dataset's user with a model switch: 40 traces in 10 conversations over the main range. */
export const USER = 'u-switch';
/** Its display name. */
export const USER_NAME = 'Model Switcher';
/** The contract's main range (2025-03-03 to 2025-03-16, UTC days). */
export const RANGE: TimeRangeValue = { preset: 'custom', from: '2025-03-03', to: '2025-03-16' };
/** "Now" of the page: the end of the main range. */
export const NOW = Date.parse(contractRanges.main.to);

/** The user's traces in the main range, optionally of one conversation. */
export function tracesInRange(userId: string, conversationId?: string) {
  const { from, to } = contractRanges.main;
  return contractDataset.traces.filter(
    (t) => t.userId === userId && t.startTime >= from && t.startTime < to && (conversationId === undefined || t.conversationId === conversationId),
  );
}

/** Renders the page for {@link USER} over {@link RANGE}; `props` override. */
export function renderPage(props: Partial<UserDetailPageProps> = {}, provider: DataProvider = createTestProvider()) {
  const queryClient = createUserscopeQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const user = userEvent.setup();
  const view = render(
    <UserscopeProvider provider={provider} queryClient={queryClient} locale="en-US">
      <UserDetailPage userId={USER} defaultRange={RANGE} now={NOW} {...props} />
    </UserscopeProvider>,
  );
  return { user, queryClient, ...view };
}

/** The section element with the default anchor of `id`. */
export function section(id: string): HTMLElement {
  const element = document.getElementById(`userscope-${id}`);
  if (!element) throw new Error(`no section #userscope-${id}`);
  return element;
}

/** Queries scoped to one section. */
export const inSection = (id: string) => within(section(id));

/** The trace ids shown in the trace table, in order. */
export function shownTraceIds(): string[] {
  return [...section('traces').querySelectorAll('[data-trace-id]')].map((row) => row.getAttribute('data-trace-id') ?? '');
}

/**
 * A provider whose `method` fails with a network `ProviderError` while `failing.on` is true; every other method is
 * the test provider's.
 */
export function failingProvider(method: keyof Omit<DataProvider, 'capabilities'>) {
  const base = createTestProvider();
  const failing = { on: true, calls: 0 };
  const provider: DataProvider = {
    ...base,
    [method]: (params: never) => {
      failing.calls += 1;
      return failing.on
        ? Promise.reject(new ProviderError('network', `${method}: the network is unreachable`))
        : (base[method] as (p: never) => Promise<unknown>)(params);
    },
  };
  return { provider, failing };
}

