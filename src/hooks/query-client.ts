import { QueryClient } from '@tanstack/react-query';
import { isProviderError, type ProviderErrorCode } from '../core/errors';

/** A TanStack Query retry setting: a fixed answer, a maximum number of retries, or a decision function. */
export type RetrySetting = boolean | number | ((failureCount: number, error: Error) => boolean);

/** Provider error codes that retrying cannot fix: the answer would be the same. */
const PERMANENT_CODES: ReadonlySet<ProviderErrorCode> = new Set(['invalid-data', 'not-found', 'aborted']);

/** TanStack Query's own default when a client sets no `retry`. */
const TANSTACK_DEFAULT_RETRIES = 3;

/** How long a userscope answer counts as fresh in the client userscope creates. */
export const USERSCOPE_STALE_TIME_MS = 30_000;

/** Client-error statuses that can succeed later: request timeout and rate limiting. */
const RETRYABLE_CLIENT_STATUSES: ReadonlySet<number> = new Set([408, 429]);

/**
 * True when `error` is a {@link ProviderError} whose code makes a retry pointless
 * (`invalid-data`, `not-found`, `aborted`), or an `http` error with a 4xx status other than 408 and 429
 * (the same request would get the same answer).
 */
function isPermanentProviderError(error: unknown): boolean {
  if (!isProviderError(error)) return false;
  if (PERMANENT_CODES.has(error.code)) return true;
  const status = error.status;
  return error.code === 'http' && status !== undefined && status >= 400 && status < 500 && !RETRYABLE_CLIENT_STATUSES.has(status);
}

/**
 * Wraps a retry setting so permanent provider errors are never retried; every other error follows `base`
 * (default: TanStack Query's 3 retries).
 */
export function retryUnlessPermanent(base: RetrySetting | undefined): (failureCount: number, error: Error) => boolean {
  return (failureCount, error) => {
    if (isPermanentProviderError(error)) return false;
    if (typeof base === 'function') return base(failureCount, error);
    if (typeof base === 'boolean') return base;
    return failureCount < (base ?? TANSTACK_DEFAULT_RETRIES);
  };
}

/**
 * Creates the QueryClient `<UserscopeProvider>` uses when the host passes none: one retry (never for
 * `invalid-data`, `not-found` or `aborted`), answers fresh for 30 s, no refetch on window focus.
 * Hosts may also create theirs with it and pass it as `queryClient`.
 */
export function createUserscopeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retryUnlessPermanent(1),
        staleTime: USERSCOPE_STALE_TIME_MS,
        refetchOnWindowFocus: false,
      },
    },
  });
}
