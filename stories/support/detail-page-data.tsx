/**
 * Story-only support of UserDetailPage: a harness (provider, a query client that does not retry, the demo's fixed
 * clock), provider wrappers (never answering, one method failing once, feedback switched off) and a wait for the
 * page to finish loading, for `play`.
 * @module
 */
import { useState } from 'react';
import { DEMO_DEFAULT_NOW } from '../../src/adapters/demo';
import type { DataProvider } from '../../src/core/contract';
import { ProviderError } from '../../src/core/errors';
import { createUserscopeQueryClient } from '../../src/hooks/query-client';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';
import { UserDetailPage, type UserDetailPageProps } from '../../src/pages/UserDetailPage/UserDetailPage';
import type { UserDetailTraceRef } from '../../src/pages/UserDetailPage/sections';

/** "Now" of every page story: the demo's fixed clock. */
export const PAGE_NOW = Date.parse(DEMO_DEFAULT_NOW);

/** Where the stories' trace links point: a fragment, so clicking stays in the story. */
export const pageTraceHref = (trace: UserDetailTraceRef): string => `#/traces/${encodeURIComponent(trace.id)}`;

/** A contract method's name. */
export type ProviderMethod = keyof Omit<DataProvider, 'capabilities'>;

/** Props of {@link PageHarness}. */
export type PageHarnessProps = UserDetailPageProps & {
  /** Where the data comes from. */
  provider: DataProvider;
};

/** The page inside a `<UserscopeProvider>` whose query client does not retry, so errors show at once. */
export function PageHarness({ provider, ...props }: PageHarnessProps) {
  const [queryClient] = useState(() => {
    const client = createUserscopeQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
    return client;
  });
  return (
    <UserscopeProvider provider={provider} queryClient={queryClient} locale="en-US">
      <UserDetailPage now={PAGE_NOW} getTraceHref={pageTraceHref} {...props} />
    </UserscopeProvider>
  );
}

/** `provider` with `method` failing with a network `ProviderError` on its first call, and answering after that. */
export function failingOnce(provider: DataProvider, method: ProviderMethod): DataProvider {
  let failed = false;
  const real = provider[method] as (params: never) => Promise<unknown>;
  return {
    ...provider,
    [method]: (params: never) => {
      if (failed) return real(params);
      failed = true;
      return Promise.reject(new ProviderError('network', `${method}: the network is unreachable (fetch failed)`));
    },
  };
}

const never = () => new Promise<never>(() => undefined);

/** A provider that never answers: every section stays in its loading state. */
export function pendingProvider(provider: DataProvider): DataProvider {
  return {
    capabilities: provider.capabilities,
    listUsers: never,
    getUser: never,
    getUserMetrics: never,
    getUserTrends: never,
    getModelUsage: never,
    getFeedback: never,
    listFeedbackComments: never,
    listConversations: never,
    listTraces: never,
  };
}

/** `provider` declaring no feedback: the page leaves the feedback section out. */
export function withoutFeedback(provider: DataProvider): DataProvider {
  return { ...provider, capabilities: { ...provider.capabilities, feedback: false } };
}

/** Resolves once no section of the page is loading and its charts have drawn (use in `play`). */
export async function waitForDetailPage(root: HTMLElement, timeoutMs = 14_000): Promise<void> {
  const started = Date.now();
  const ready = () => {
    const page = root.querySelector('[data-slot="user-detail-page"]');
    if (!page || page.querySelector('[data-state="loading"]')) return false;
    return [...page.querySelectorAll('[data-slot="trend-charts"][data-state="ready"]')].every((charts) => charts.querySelector('svg'));
  };
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error('the user detail page did not finish loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
