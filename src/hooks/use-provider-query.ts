import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DataProvider, ProviderCapabilities } from '../core/contract';
import type { Page } from '../core/results';
import { retryUnlessPermanent } from './query-client';
import { userscopeQueryKey, type ProviderMethod } from './query-key';
import {
  toQueryResult,
  type CursorQueryResult,
  type QueryHookOptions,
  type QueryResult,
} from './query-result';
import { useUserscope } from './userscope-provider';

/** How one data hook talks to the provider. */
export interface ProviderQuerySpec<T> {
  /** Contract method, used in the query key. */
  method: ProviderMethod;
  /** The hook's params (without `signal`); they form the query key. */
  params: object;
  /** Capability the method needs; the hook is held when the provider lacks it. */
  capability?: keyof ProviderCapabilities;
  /** The method is optional in the contract; the hook is held when the provider leaves it out. */
  optional?: boolean;
  /** Calls the provider, passing the query's abort signal. */
  fetch: (provider: DataProvider, signal: AbortSignal) => Promise<T>;
}

/** How one cursor-paged hook talks to the provider. */
export interface ProviderCursorSpec<T> extends Omit<ProviderQuerySpec<Page<T>>, 'fetch'> {
  /** Calls the provider for the page at `cursor` (`null` for the first page). */
  fetch: (provider: DataProvider, cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;
}

/** What identifies a hook's query and decides whether it may run. */
type QueryIdentity = Pick<ProviderQuerySpec<unknown>, 'method' | 'params' | 'capability' | 'optional'>;

/** Query options shared by the plain and the cursor hooks. */
function useSharedOptions(spec: QueryIdentity, options: QueryHookOptions) {
  const { provider, queryClient } = useUserscope();
  const capable =
    (spec.capability === undefined || provider.capabilities[spec.capability]) &&
    (!spec.optional || typeof provider[spec.method] === 'function');
  const enabled = options.enabled !== false && capable;
  return {
    provider,
    queryClient,
    enabled,
    queryOptions: {
      queryKey: userscopeQueryKey(provider, spec.method, spec.params),
      enabled,
      retry: retryUnlessPermanent(defaultRetry(queryClient)),
      placeholderData: options.keepPreviousData ? keepPreviousData : undefined,
    },
  };
}

/** The client's default `retry`, so a host client keeps its own policy for non-permanent errors. */
function defaultRetry(client: QueryClient) {
  return client.getDefaultOptions().queries?.retry;
}

/** Runs one provider method through TanStack Query and maps the result to a {@link QueryResult}. */
export function useProviderQuery<T>(spec: ProviderQuerySpec<T>, options: QueryHookOptions = {}): QueryResult<T> {
  const { provider, queryClient, enabled, queryOptions } = useSharedOptions(spec, options);
  const query = useQuery(
    { ...queryOptions, queryFn: ({ signal }) => spec.fetch(provider, signal) },
    queryClient,
  );
  const { refetch: tanstackRefetch } = query;
  const refetch = useCallback(() => void tanstackRefetch(), [tanstackRefetch]);
  return toQueryResult(query, {
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    isEnabled: enabled,
    refetch,
  });
}

/** Runs a cursor-paged provider method as an infinite query and maps it to a {@link CursorQueryResult}. */
export function useProviderCursorQuery<T>(
  spec: ProviderCursorSpec<T>,
  options: QueryHookOptions = {},
): CursorQueryResult<T> {
  const { provider, queryClient, enabled, queryOptions } = useSharedOptions(spec, options);
  const query = useInfiniteQuery(
    {
      ...queryOptions,
      queryFn: ({ pageParam, signal }) => spec.fetch(provider, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage: Page<T>) => lastPage.nextCursor,
    },
    queryClient,
  );
  const { refetch: tanstackRefetch, fetchNextPage: tanstackFetchNextPage, data, hasNextPage, isFetchingNextPage } =
    query;
  const refetch = useCallback(() => void tanstackRefetch(), [tanstackRefetch]);
  const fetchNextPage = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void tanstackFetchNextPage();
  }, [hasNextPage, isFetchingNextPage, tanstackFetchNextPage]);
  const rows = useMemo(() => (data ? data.pages.flatMap((page) => page.rows) : []), [data]);
  const result = toQueryResult(query, {
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    isEnabled: enabled,
    refetch,
  });
  return { ...result, rows, hasNextPage, fetchNextPage, isFetchingNextPage };
}
