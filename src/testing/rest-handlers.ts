/**
 * `createRestHandlers`: msw request handlers that serve userscope's REST contract from a DataProvider (usually a
 * memory provider), so pages using `createRestProvider` can be tested, or shown in Storybook, without a server.
 * @module
 */
import { http, type HttpHandler } from 'msw';
import type { DataProvider } from '../core/contract';
import { createRestRequestHandler } from '../adapters/rest/request-handler';
import { REST_ROUTES } from '../adapters/rest/routes';

/** Options of {@link createRestHandlers}. */
export interface RestHandlersOptions {
  /** The same `baseUrl` the REST provider is given, absolute (`http://api.test/userscope`) or relative (`/api`). */
  baseUrl: string;
}

/**
 * One msw `http.get` handler per route of `REST_ROUTES` under `baseUrl`, answering from `provider` exactly as
 * `createRestRequestHandler` does (validation, error bodies, abort). Use with `setupServer` (`msw/node`) in tests
 * or `setupWorker` (`msw/browser`) in Storybook:
 *
 * ```ts
 * const server = setupServer(...createRestHandlers(createTestProvider(), { baseUrl: 'http://api.test' }));
 * const provider = createRestProvider({ baseUrl: 'http://api.test' });
 * ```
 */
export function createRestHandlers(provider: DataProvider, options: RestHandlersOptions): HttpHandler[] {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const handle = createRestRequestHandler(provider, { basePath: new URL(baseUrl, 'http://localhost').pathname });
  return REST_ROUTES.map((route) => http.get(`${baseUrl}${route.path}`, ({ request }) => handle(request)));
}
