import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../src/core/errors';
import { useConversations, useFeedbackComments } from '../../src/hooks/cursor-hooks';
import {
  createUserscopeQueryClient,
  retryUnlessPermanent,
  USERSCOPE_STALE_TIME_MS,
} from '../../src/hooks/query-client';
import { useFeedback, useModelUsage, useUser } from '../../src/hooks/query-hooks';
import { useCapabilities, UserscopeProvider, useUserscope } from '../../src/hooks/userscope-provider';
import { createFakeProvider, hostClient, RANGE, wrapperFor } from './harness';

describe('useUserscope', () => {
  it('throws a clear error outside <UserscopeProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useUserscope())).toThrow(/<UserscopeProvider provider=/);
    expect(() => renderHook(() => useUser({ userId: 'u' }))).toThrow(/no <UserscopeProvider> found/);
  });

  it('returns provider, locale from navigator, and empty labels by default', () => {
    const fake = createFakeProvider();
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const { result } = renderHook(() => useUserscope(), { wrapper: wrapperFor(fake.provider) });
    expect(result.current.provider).toBe(fake.provider);
    expect(result.current.locale).toBe('de-DE');
    expect(result.current.labels).toEqual({});
  });

  it('falls back to en-US when the browser reports no language', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('');
    const { result } = renderHook(() => useUserscope(), { wrapper: wrapperFor(createFakeProvider().provider) });
    expect(result.current.locale).toBe('en-US');
  });

  it('passes locale and labels props through', () => {
    const fake = createFakeProvider();
    const labels = { 'users.title': 'Kunden' };
    const { result } = renderHook(() => useUserscope(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <UserscopeProvider provider={fake.provider} locale="fr-FR" labels={labels}>
          {children}
        </UserscopeProvider>
      ),
    });
    expect(result.current.locale).toBe('fr-FR');
    expect(result.current.labels).toBe(labels);
  });
});

describe('QueryClient handling', () => {
  it('creates its own client once per mount', () => {
    const { result, rerender } = renderHook(() => useUserscope().queryClient, {
      wrapper: wrapperFor(createFakeProvider().provider),
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });

  it('uses the host client without replacing the host’s QueryClientProvider', () => {
    const host = hostClient();
    const fake = createFakeProvider();
    const { result } = renderHook(() => ({ ours: useUserscope().queryClient, context: useQueryClient() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={host}>
          <UserscopeProvider provider={fake.provider} queryClient={host}>
            {children}
          </UserscopeProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current.ours).toBe(host);
    expect(result.current.context).toBe(host);
  });

  it('keeps its own cache apart from an unrelated host QueryClientProvider', () => {
    const host = new QueryClient();
    const fake = createFakeProvider();
    const { result } = renderHook(() => ({ context: useQueryClient(), user: useUser({ userId: 'u' }) }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={host}>
          <UserscopeProvider provider={fake.provider}>{children}</UserscopeProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current.context).toBe(host);
    expect(host.getQueryCache().getAll()).toHaveLength(0);
    expect(fake.calls).toHaveLength(1);
  });

  it('aborts in-flight requests when the provider unmounts', () => {
    const fake = createFakeProvider();
    const { unmount } = renderHook(() => useUser({ userId: 'u' }), { wrapper: wrapperFor(fake.provider) });
    unmount();
    expect(fake.calls[0]!.signal?.aborted).toBe(true);
  });

  it('defaults its own client to one retry, 30 s stale time and no focus refetch', () => {
    const queries = createUserscopeQueryClient().getDefaultOptions().queries;
    expect(queries?.staleTime).toBe(USERSCOPE_STALE_TIME_MS);
    expect(queries?.refetchOnWindowFocus).toBe(false);
    const retry = queries?.retry;
    if (typeof retry !== 'function') throw new Error('expected a retry function');
    const network = new ProviderError('network', 'offline');
    expect([retry(0, network), retry(1, network)]).toEqual([true, false]);
    for (const code of ['invalid-data', 'not-found', 'aborted'] as const) {
      expect(retry(0, new ProviderError(code, code))).toBe(false);
    }
  });

  it('retryUnlessPermanent defers other errors to the base setting', () => {
    const error = new Error('boom');
    expect(retryUnlessPermanent(undefined)(2, error)).toBe(true);
    expect(retryUnlessPermanent(undefined)(3, error)).toBe(false);
    expect(retryUnlessPermanent(false)(0, error)).toBe(false);
    expect(retryUnlessPermanent(true)(99, error)).toBe(true);
    expect(retryUnlessPermanent((count) => count < 5)(4, error)).toBe(true);
    expect(retryUnlessPermanent(true)(0, new ProviderError('not-found', 'gone'))).toBe(false);
  });

  it('never retries HTTP client errors except request timeout and rate limiting', () => {
    const retry = retryUnlessPermanent(true);
    const http = (status: number) => new ProviderError('http', `HTTP ${status}`, { status });
    expect([400, 401, 403, 404, 422].map((status) => retry(0, http(status)))).toEqual([false, false, false, false, false]);
    expect([408, 429, 500, 503].map((status) => retry(0, http(status)))).toEqual([true, true, true, true]);
  });
});

describe('capabilities', () => {
  it('useCapabilities returns the provider’s capabilities', () => {
    const fake = createFakeProvider({ cohorts: false });
    const { result } = renderHook(() => useCapabilities(), { wrapper: wrapperFor(fake.provider) });
    expect(result.current).toEqual({ feedback: true, cohorts: false, modelUsage: true, conversations: true });
  });

  it('holds capability-gated hooks: pending, not fetching, isEnabled false, no provider call', () => {
    const fake = createFakeProvider({ feedback: false, modelUsage: false, conversations: false });
    const params = { userId: 'u', range: RANGE };
    const { result } = renderHook(
      () => [useFeedback(params), useFeedbackComments(params), useModelUsage(params), useConversations(params)],
      { wrapper: wrapperFor(fake.provider) },
    );
    for (const state of result.current) {
      expect(state).toMatchObject({ status: 'pending', data: undefined, isFetching: false, isEnabled: false });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('a capable provider still runs them', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useFeedback({ userId: 'u', range: RANGE }), {
      wrapper: wrapperFor(fake.provider, hostClient()),
    });
    expect(result.current.isEnabled).toBe(true);
    act(() => fake.calls[0]!.resolve({ answer: 'feedback' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
  });
});
