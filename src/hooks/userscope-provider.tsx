import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { DataProvider, ProviderCapabilities } from '../core/contract';
import { useBrowserLocale } from './browser-locale';
import { createUserscopeQueryClient } from './query-client';

/** Visible-text overrides by label id. Components define their own English defaults; missing ids use those. */
export type UserscopeLabels = Partial<Record<string, string>>;

/** What `useUserscope()` returns. */
export interface UserscopeContextValue {
  /** The data source every hook reads from. */
  provider: DataProvider;
  /** BCP 47 locale for `Intl` number and date formatting. */
  locale: string;
  /** Host label overrides (possibly empty). */
  labels: UserscopeLabels;
  /** The QueryClient the hooks use: the host's when passed, otherwise the provider's own. */
  queryClient: QueryClient;
}

/** Props of {@link UserscopeProvider}. */
export interface UserscopeProviderProps {
  /** The data source: one of userscope's adapters or the host's own {@link DataProvider}. */
  provider: DataProvider;
  /**
   * The host's QueryClient. When set, userscope caches in it (with the host's defaults, except that permanent
   * provider errors are never retried). When absent, userscope creates its own client once per mount.
   * Either way no `QueryClientProvider` is rendered: the hooks pass the client explicitly, so a host's own
   * `QueryClientProvider` above or below is left untouched.
   */
  queryClient?: QueryClient;
  /** Locale for formatting. Default: the browser's `navigator.language` (`en-US` during SSR). */
  locale?: string;
  /** Visible-text overrides. */
  labels?: UserscopeLabels;
  /** The host's tree. */
  children?: ReactNode;
}

const UserscopeContext = createContext<UserscopeContextValue | null>(null);

const NO_LABELS: UserscopeLabels = Object.freeze({});

/** The host's client when given, otherwise one created on first render and kept for this mount. */
function useClientOrOwn(hostClient: QueryClient | undefined): QueryClient {
  const own = useRef<QueryClient | null>(null);
  if (hostClient) return hostClient;
  own.current ??= createUserscopeQueryClient();
  return own.current;
}

/**
 * Puts a DataProvider, a locale, labels and a QueryClient at the top of a userscope tree. Every userscope hook and
 * component must render inside it.
 * @example
 * ```tsx
 * <UserscopeProvider provider={createMemoryProvider(dataset)} locale="en-GB">
 *   <UsersPage />
 * </UserscopeProvider>
 * ```
 */
export function UserscopeProvider({ provider, queryClient, locale, labels, children }: UserscopeProviderProps) {
  const client = useClientOrOwn(queryClient);
  const browserLocale = useBrowserLocale();

  // Subscribes the client to online events while mounted (reference-counted by QueryClient, so a host client
  // already mounted by its own QueryClientProvider is unaffected).
  useEffect(() => {
    client.mount();
    return () => client.unmount();
  }, [client]);

  const value = useMemo<UserscopeContextValue>(
    () => ({ provider, queryClient: client, locale: locale ?? browserLocale, labels: labels ?? NO_LABELS }),
    [provider, client, locale, browserLocale, labels],
  );
  return <UserscopeContext.Provider value={value}>{children}</UserscopeContext.Provider>;
}

/**
 * The nearest {@link UserscopeProvider}'s provider, locale, labels and QueryClient.
 * @throws Error when called outside a `<UserscopeProvider>`.
 */
export function useUserscope(): UserscopeContextValue {
  const value = useContext(UserscopeContext);
  if (value === null) {
    throw new Error(
      'useUserscope: no <UserscopeProvider> found. Wrap the userscope hooks and components in ' +
        '<UserscopeProvider provider={yourDataProvider}>.',
    );
  }
  return value;
}

/** What the current provider can answer (`provider.capabilities`). */
export function useCapabilities(): ProviderCapabilities {
  return useUserscope().provider.capabilities;
}
