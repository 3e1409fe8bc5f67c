/**
 * `createRestProvider`: a DataProvider that calls a backend speaking userscope's REST contract
 * (`docs/rest-api.yaml`, routes in `REST_ROUTES`).
 * @module
 */
import type { DataProvider, ProviderCapabilities } from '../../core/contract';
import { validate } from '../../core/schema/validate';
import { checkTimeoutMs } from '../../core/timeout';
import { checkSubject } from './answer-subject';
import { errorFromAnswer } from './error-body';
import { getJson, type HttpOptions } from './http';
import { encodeRequest } from './query-codec';
import { routeOf, type RestMethodName } from './routes';

/** Options of {@link createRestProvider}. */
export interface RestProviderOptions extends HttpOptions {
  /** URL the routes hang under, e.g. `https://api.example.com/userscope` or `/api/userscope` in a browser. */
  baseUrl: string;
  /** What the backend answers. Default: everything on. */
  capabilities?: Partial<ProviderCapabilities>;
  /**
   * The backend serves the optional `GET /users-summary` route, so the provider has `getUsersSummary`. Default
   * false: the method is left out and a users page derives its totals from `GET /users`.
   */
  usersSummary?: boolean;
  /** The backend serves the optional `GET /users-distribution` route (`getUsersDistribution`). Default false. */
  usersDistribution?: boolean;
  /** The backend serves the optional `GET /users-segments` route (`getUsersSegments`). Default false. */
  usersSegments?: boolean;
}

type Method<M extends RestMethodName> = NonNullable<DataProvider[M]>;

/**
 * Creates a DataProvider over HTTP. Each method is one GET (see `REST_ROUTES`); every 2xx body is validated with
 * the result schemas before it is returned.
 *
 * Failures reject with `ProviderError`: `invalid-data` for a 400 whose body names the param (`field` kept) and for
 * a 2xx body that fails validation (`field` is the path, e.g. `rows[3].latencyMs`); `not-found` for a 404 on
 * `getUser` (or any 404 whose body says `not-found`); `http` with `status` for other statuses; `network` when the
 * server could not be reached, the answer broke off mid-read, or `timeoutMs` (default 30 s, retries included) ran
 * out; `aborted` as soon as the signal aborts. An answer about someone else (a `getUser` answer for another id, a
 * trace row of another user or conversation) is `invalid-data` naming it. 5xx answers and network failures are retried
 * (`retries`, default 2) with exponential backoff and jitter; 4xx answers never are. Credentials go in the `headers`
 * callback only, and no error message contains a header, a query string or the base URL.
 */
export function createRestProvider(options: RestProviderOptions): DataProvider {
  const base = options.baseUrl.replace(/\/+$/, '');
  if (options.timeoutMs !== undefined) checkTimeoutMs(options.timeoutMs);
  const capabilities: ProviderCapabilities = Object.freeze({
    feedback: true,
    cohorts: true,
    modelUsage: true,
    conversations: true,
    ...options.capabilities,
  });

  function method<M extends RestMethodName>(name: M): Method<M> {
    const route = routeOf(name);
    const label = `GET ${route.path.replace(':userId', '{userId}')}`;
    const call = async (params: { signal?: AbortSignal }): Promise<unknown> => {
      const answer = await getJson(base + encodeRequest(route, params), options, params.signal, label);
      if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(label, answer.status, answer.body, name === 'getUser');
      return checkSubject(name, params as { userId?: unknown; conversationId?: unknown }, validate(route.response, answer.body));
    };
    return call as unknown as Method<M>;
  }

  return {
    capabilities,
    listUsers: method('listUsers'),
    ...(options.usersSummary ? { getUsersSummary: method('getUsersSummary') } : {}),
    ...(options.usersDistribution ? { getUsersDistribution: method('getUsersDistribution') } : {}),
    ...(options.usersSegments ? { getUsersSegments: method('getUsersSegments') } : {}),
    getUser: method('getUser'),
    getUserMetrics: method('getUserMetrics'),
    getUserTrends: method('getUserTrends'),
    getModelUsage: method('getModelUsage'),
    getFeedback: method('getFeedback'),
    listFeedbackComments: method('listFeedbackComments'),
    listConversations: method('listConversations'),
    listTraces: method('listTraces'),
  };
}
