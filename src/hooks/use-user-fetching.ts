import { useIsFetching } from '@tanstack/react-query';
import { providerKeyId, USERSCOPE_KEY_ROOT } from './query-key';
import { useUserscope } from './userscope-provider';

/**
 * True while any userscope query of the current provider about `userId` (metrics, trends, models, feedback,
 * conversations, traces, the user itself) is fetching: what a user's page waits for. Pairs with
 * `useLoadProgress({ active })`.
 */
export function useUserFetching(userId: string): boolean {
  const { provider, queryClient } = useUserscope();
  const id = providerKeyId(provider);
  const count = useIsFetching(
    {
      queryKey: [USERSCOPE_KEY_ROOT, id],
      predicate: (query) => (query.queryKey[3] as { userId?: unknown } | undefined)?.userId === userId,
    },
    queryClient,
  );
  return count > 0;
}
