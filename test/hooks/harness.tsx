import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { DataProvider, ProviderCapabilities } from '../../src/core/contract';
import type { User } from '../../src/core/model';
import { ProviderError } from '../../src/core/errors';
import type { ProviderMethod } from '../../src/hooks/query-key';
import { UserscopeProvider } from '../../src/hooks/userscope-provider';

/** One call a test answers by hand. */
export interface FakeCall {
  method: ProviderMethod;
  params: Record<string, unknown>;
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A DataProvider whose every call waits until the test resolves or rejects it; aborting rejects with `aborted`. */
export interface FakeProvider {
  provider: DataProvider;
  calls: FakeCall[];
  callsOf(method: ProviderMethod): FakeCall[];
}

const ALL_CAPABILITIES: ProviderCapabilities = { feedback: true, cohorts: true, modelUsage: true, conversations: true };

export function createFakeProvider(capabilities: Partial<ProviderCapabilities> = {}): FakeProvider {
  const calls: FakeCall[] = [];
  function call<T>(method: ProviderMethod, input: { signal?: AbortSignal }): Promise<T> {
    const { signal, ...params } = input;
    return new Promise<T>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new ProviderError('aborted', 'aborted')));
      calls.push({ method, params, signal, resolve: (value) => resolve(value as T), reject });
    });
  }
  const provider: DataProvider = {
    capabilities: { ...ALL_CAPABILITIES, ...capabilities },
    listUsers: (p) => call('listUsers', p),
    getUser: (p) => call('getUser', p),
    getUserMetrics: (p) => call('getUserMetrics', p),
    getUserTrends: (p) => call('getUserTrends', p),
    getModelUsage: (p) => call('getModelUsage', p),
    getFeedback: (p) => call('getFeedback', p),
    listFeedbackComments: (p) => call('listFeedbackComments', p),
    listConversations: (p) => call('listConversations', p),
    listTraces: (p) => call('listTraces', p),
  };
  return { provider, calls, callsOf: (method) => calls.filter((c) => c.method === method) };
}

/** A wrapper rendering `children` inside a `<UserscopeProvider>` for `renderHook`. */
export function wrapperFor(provider: DataProvider, queryClient?: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <UserscopeProvider provider={provider} queryClient={queryClient}>
        {children}
      </UserscopeProvider>
    );
  };
}

/** A host QueryClient with no retries and no retry delay. */
export function hostClient(retry: number = 0): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry, retryDelay: 0 } } });
}

/** A minimal user. */
export function user(id: string): User {
  return { id, metadata: {} };
}

/** A week in January 2024. */
export const RANGE = { from: '2024-01-01T00:00:00.000Z', to: '2024-01-08T00:00:00.000Z' };
