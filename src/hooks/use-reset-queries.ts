import { useCallback } from 'react';
import { providerKeyId, USERSCOPE_KEY_ROOT, type ProviderMethod } from './query-key';
import { useUserscope } from './userscope-provider';

/**
 * A function that resets (drops the cached answers of) this provider's queries of `methods` whose params have
 * `userId`, so the next render fetches them again. Active queries refetch at once. Used by the detail page's Retry
 * after a section crashed while rendering: re-rendering the same cached data would crash again.
 */
export function useResetUserQueries(): (userId: string, methods: readonly ProviderMethod[]) => Promise<void> {
  const { provider, queryClient } = useUserscope();
  return useCallback(
    (userId, methods) =>
      queryClient.resetQueries({
        queryKey: [USERSCOPE_KEY_ROOT, providerKeyId(provider)],
        predicate: (query) => {
          const [, , method, params] = query.queryKey as readonly [string, number, ProviderMethod, { userId?: unknown } | undefined];
          return methods.includes(method) && params?.userId === userId;
        },
      }),
    [provider, queryClient],
  );
}
