import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { User } from '../../src/core/model';
import { isProviderError, ProviderError } from '../../src/core/errors';
import {
  useFeedback,
  useModelUsage,
  useUser,
  useUserMetrics,
  useUsers,
  useUserTrends,
} from '../../src/hooks/query-hooks';
import { userscopeQueryKey } from '../../src/hooks/query-key';
import type { QueryResult } from '../../src/hooks/query-result';
import { createFakeProvider, hostClient, RANGE, user, wrapperFor } from './harness';

describe('useUser status union', () => {
  it('goes pending → success and narrows data on success', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useUser({ userId: 'u1' }), { wrapper: wrapperFor(fake.provider) });

    expect(result.current).toMatchObject({ status: 'pending', data: undefined, error: null, isFetching: true });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.params).toEqual({ userId: 'u1' });
    expect(fake.calls[0]!.signal).toBeInstanceOf(AbortSignal);

    act(() => fake.calls[0]!.resolve(user('u1')));
    await waitFor(() => expect(result.current.status).toBe('success'));
    const state = result.current;
    if (state.status !== 'success') throw new Error('expected success');
    expect(state.data.id).toBe('u1');
    expect(state).toMatchObject({ error: null, isFetching: false, isPlaceholderData: false, isEnabled: true });
  });

  it('types data as T only in the success branch', () => {
    expectTypeOf<Extract<QueryResult<User>, { status: 'success' }>['data']>().toEqualTypeOf<User>();
    expectTypeOf<Extract<QueryResult<User>, { status: 'pending' }>['data']>().toEqualTypeOf<undefined>();
    expectTypeOf<Extract<QueryResult<User>, { status: 'error' }>['error']>().toEqualTypeOf<ProviderError | Error>();
  });

  it('surfaces a ProviderError and never retries invalid-data (own client)', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useUser({ userId: 'u1' }), { wrapper: wrapperFor(fake.provider) });
    act(() => fake.calls[0]!.reject(new ProviderError('invalid-data', 'bad', { field: 'id' })));

    await waitFor(() => expect(result.current.status).toBe('error'));
    const { error } = result.current;
    expect(isProviderError(error) && error.code).toBe('invalid-data');
    expect(isProviderError(error) && error.field).toBe('id');
    expect(result.current.data).toBeUndefined();
    expect(fake.calls).toHaveLength(1);
  });

  it('retries other errors by the host client policy, but never not-found', async () => {
    const fake = createFakeProvider();
    const wrapper = wrapperFor(fake.provider, hostClient(2));
    const network = renderHook(() => useUser({ userId: 'a' }), { wrapper });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await waitFor(() => expect(fake.callsOf('getUser')).toHaveLength(attempt));
      act(() => fake.calls[attempt - 1]!.reject(new ProviderError('network', 'offline')));
    }
    await waitFor(() => expect(network.result.current.status).toBe('error'));
    expect(fake.calls).toHaveLength(3);

    const missing = renderHook(() => useUser({ userId: 'b' }), { wrapper });
    act(() => fake.calls[3]!.reject(new ProviderError('not-found', 'no such user')));
    await waitFor(() => expect(missing.result.current.status).toBe('error'));
    expect(fake.calls).toHaveLength(4);
  });
});

describe('params changes', () => {
  it('aborts the superseded request', async () => {
    const fake = createFakeProvider();
    const { result, rerender } = renderHook(({ userId }) => useUser({ userId }), {
      initialProps: { userId: 'a' },
      wrapper: wrapperFor(fake.provider),
    });
    const first = fake.calls[0]!;
    expect(first.signal?.aborted).toBe(false);

    rerender({ userId: 'b' });
    expect(first.signal?.aborted).toBe(true);
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]!.params).toEqual({ userId: 'b' });

    act(() => fake.calls[1]!.resolve(user('b')));
    await waitFor(() => expect(result.current.data?.id).toBe('b'));
  });

  it('never shows the previous params’ data', async () => {
    const fake = createFakeProvider();
    const { result, rerender } = renderHook(({ userId }) => useUser({ userId }), {
      initialProps: { userId: 'a' },
      wrapper: wrapperFor(fake.provider),
    });
    act(() => fake.calls[0]!.resolve(user('a')));
    await waitFor(() => expect(result.current.status).toBe('success'));

    rerender({ userId: 'b' });
    expect(result.current).toMatchObject({ status: 'pending', data: undefined, isFetching: true, isPlaceholderData: false });

    act(() => fake.calls[1]!.resolve(user('b')));
    await waitFor(() => expect(result.current.data?.id).toBe('b'));
  });

  it('keeps the previous data as a marked placeholder with keepPreviousData', async () => {
    const fake = createFakeProvider();
    const { result, rerender } = renderHook(({ userId }) => useUser({ userId }, { keepPreviousData: true }), {
      initialProps: { userId: 'a' },
      wrapper: wrapperFor(fake.provider),
    });
    act(() => fake.calls[0]!.resolve(user('a')));
    await waitFor(() => expect(result.current.status).toBe('success'));

    rerender({ userId: 'b' });
    expect(result.current.status).toBe('success');
    expect(result.current.data?.id).toBe('a');
    expect(result.current).toMatchObject({ isPlaceholderData: true, isFetching: true });

    act(() => fake.calls[1]!.resolve(user('b')));
    await waitFor(() => expect(result.current.data?.id).toBe('b'));
    expect(result.current).toMatchObject({ isPlaceholderData: false, isFetching: false });
  });

  it('answers params seen within the stale time from cache', async () => {
    const fake = createFakeProvider();
    const { result, rerender } = renderHook(({ userId }) => useUser({ userId }), {
      initialProps: { userId: 'a' },
      wrapper: wrapperFor(fake.provider),
    });
    act(() => fake.calls[0]!.resolve(user('a')));
    await waitFor(() => expect(result.current.status).toBe('success'));
    rerender({ userId: 'b' });
    act(() => fake.calls[1]!.resolve(user('b')));
    await waitFor(() => expect(result.current.data?.id).toBe('b'));

    rerender({ userId: 'a' });
    expect(result.current).toMatchObject({ status: 'success', isFetching: false });
    expect(result.current.data?.id).toBe('a');
    expect(fake.calls).toHaveLength(2);
  });
});

describe('keys and cache', () => {
  it('drops undefined params from the key, so equivalent params share one request', () => {
    const fake = createFakeProvider();
    renderHook(() => [useUsers({ range: RANGE, search: undefined }), useUsers({ range: RANGE })], {
      wrapper: wrapperFor(fake.provider),
    });
    expect(fake.calls).toHaveLength(1);
    expect(
      userscopeQueryKey(fake.provider, 'listUsers', {
        range: RANGE,
        search: undefined,
        filters: [{ id: 'status', value: undefined }],
      }),
    ).toEqual(['userscope', expect.any(Number), 'listUsers', { range: RANGE, filters: [{ id: 'status' }] }]);
  });

  it('gives two providers in one client separate cache entries', async () => {
    const client = hostClient();
    const one = createFakeProvider();
    const two = createFakeProvider();
    const a = renderHook(() => useUser({ userId: 'u' }), { wrapper: wrapperFor(one.provider, client) });
    const b = renderHook(() => useUser({ userId: 'u' }), { wrapper: wrapperFor(two.provider, client) });
    renderHook(() => useUser({ userId: 'u' }), { wrapper: wrapperFor(one.provider, client) });

    expect(one.calls).toHaveLength(1);
    expect(two.calls).toHaveLength(1);
    act(() => one.calls[0]!.resolve({ ...user('u'), displayName: 'One' }));
    act(() => two.calls[0]!.resolve({ ...user('u'), displayName: 'Two' }));
    await waitFor(() => expect(a.result.current.data?.displayName).toBe('One'));
    await waitFor(() => expect(b.result.current.data?.displayName).toBe('Two'));
    expect(client.getQueryCache().findAll({ queryKey: ['userscope'] })).toHaveLength(2);
  });

  it('refetch asks the provider again and keeps the current data meanwhile', async () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useUser({ userId: 'a' }), { wrapper: wrapperFor(fake.provider) });
    act(() => fake.calls[0]!.resolve(user('a')));
    await waitFor(() => expect(result.current.status).toBe('success'));

    act(() => result.current.refetch());
    expect(fake.calls).toHaveLength(2);
    await waitFor(() => expect(result.current.isFetching).toBe(true));
    expect(result.current.status).toBe('success');
    act(() => fake.calls[1]!.resolve({ ...user('a'), displayName: 'Again' }));
    await waitFor(() => expect(result.current.data?.displayName).toBe('Again'));
  });

  it('holds the request with enabled: false', () => {
    const fake = createFakeProvider();
    const { result } = renderHook(() => useUser({ userId: 'a' }, { enabled: false }), {
      wrapper: wrapperFor(fake.provider),
    });
    expect(fake.calls).toHaveLength(0);
    expect(result.current).toMatchObject({ status: 'pending', isFetching: false, isEnabled: false });
  });
});

describe('one hook per method', () => {
  it.each<readonly [string, () => QueryResult<unknown>]>([
    ['listUsers', () => useUsers({ range: RANGE, pagination: { pageIndex: 1, pageSize: 10 } })],
    ['getUserMetrics', () => useUserMetrics({ userId: 'u', range: RANGE, compare: { cohort: { key: 'plan', value: 1 } } })],
    ['getUserTrends', () => useUserTrends({ userId: 'u', range: RANGE, granularity: 'day' })],
    ['getModelUsage', () => useModelUsage({ userId: 'u', range: RANGE })],
    ['getFeedback', () => useFeedback({ userId: 'u', range: RANGE, granularity: 'week' })],
  ])('calls %s with the params and a signal', async (method, useHook) => {
    const fake = createFakeProvider();
    const { result } = renderHook(useHook, { wrapper: wrapperFor(fake.provider) });
    expect(fake.calls.map((c) => c.method)).toEqual([method]);
    expect(fake.calls[0]!.signal).toBeInstanceOf(AbortSignal);
    act(() => fake.calls[0]!.resolve({ answer: method }));
    await waitFor(() => expect(result.current.data).toEqual({ answer: method }));
  });

  it('passes the params through unchanged', () => {
    const fake = createFakeProvider();
    const params = { userId: 'u', range: RANGE, compare: { cohort: { key: 'plan', value: 'pro' } } };
    renderHook(() => useUserMetrics(params), { wrapper: wrapperFor(fake.provider) });
    expect(fake.calls[0]!.params).toEqual(params);
  });

  it('passes a trends cohort through, and keys the trends on it', () => {
    const fake = createFakeProvider();
    const pro = { userId: 'u', range: RANGE, granularity: 'day' as const, compare: { cohort: { key: 'plan', value: 'pro' } } };
    const plain = { userId: 'u', range: RANGE, granularity: 'day' as const };
    renderHook(() => [useUserTrends(pro), useUserTrends(plain), useUserTrends({ ...plain, compare: undefined })], {
      wrapper: wrapperFor(fake.provider),
    });
    expect(fake.calls.map((c) => c.params)).toEqual([pro, plain]);
    expect(userscopeQueryKey(fake.provider, 'getUserTrends', pro)).not.toEqual(userscopeQueryKey(fake.provider, 'getUserTrends', plain));
  });
});
