/**
 * `createRestRequestHandler`: the server side of the REST contract over any DataProvider, as a Fetch-API handler
 * (`Request` in, `Response` out) for Next.js route handlers, Hono, Bun, Deno, Cloudflare Workers or msw.
 * @module
 */
import type { DataProvider } from '../../core/contract';
import { ProviderError } from '../../core/errors';
import { validateParams } from '../../core/params-filters';
import { errorAnswer } from './error-body';
import { decodeRequest, matchRoute } from './query-codec';

/** Options of {@link createRestRequestHandler}. */
export interface RestRequestHandlerOptions {
  /** Path prefix the routes hang under, e.g. `/api/userscope`. Default: none. */
  basePath?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/**
 * A handler answering the REST contract from `provider`: it matches the route, decodes and validates the query
 * (400 `invalid-data` naming the param), checks every param against the bounds of core's `limits.ts` with
 * `validateParams` before the provider does any work (range length, buckets, page size, filter values), calls the provider with the request's signal and answers 200 with the
 * result. Provider errors become `{ "error": { code, message, field? } }` with 400 (`invalid-data`), 404
 * (`not-found`) or 502; any other exception a 500 that reveals nothing. Unknown paths, and the route of an optional
 * method the provider lacks (`getUsersSummary`), get 404; non-GET methods 405.
 * Authentication is the host's job: check the request before calling the handler.
 */
export function createRestRequestHandler(provider: DataProvider, options: RestRequestHandlerOptions = {}): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : null;
    const match = path === null ? null : matchRoute(path);
    const call = match === null ? undefined : (provider[match.route.method] as ((p: object) => Promise<unknown>) | undefined);
    if (match === null || call === undefined) return json(404, errorAnswer(new ProviderError('not-found', 'No such route')).body);
    if (request.method !== 'GET') return json(405, { error: { code: 'http', message: 'Only GET is supported' } });
    try {
      const params = decodeRequest(match, url.searchParams);
      validateParams(match.route.method, params);
      return json(200, await call.call(provider, { ...params, signal: request.signal }));
    } catch (error) {
      const { status, body } = errorAnswer(error);
      return json(status, body);
    }
  };
}
