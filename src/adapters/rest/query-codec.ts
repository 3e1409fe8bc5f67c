/**
 * Turning a DataProvider call into a REST request (client side) and a REST request back into the call's params
 * (server side), both driven by the route table.
 * @module
 */
import { ProviderError } from '../../core/errors';
import { validate } from '../../core/schema/validate';
import { REST_ROUTES, type RestQueryParam, type RestRoute } from './routes';

const USER_ID = ':userId';

type Params = Record<string, unknown>;

function readPath(params: Params, target: readonly string[]): unknown {
  let value: unknown = params;
  for (const key of target) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Params)[key];
  }
  return value;
}

function writePath(params: Params, target: readonly string[], value: unknown): void {
  let node = params;
  target.slice(0, -1).forEach((key) => {
    node = (node[key] ??= {}) as Params;
  });
  node[target[target.length - 1] as string] = value;
}

/**
 * The path and query string (without the base URL) of a call to `route` with `params`. Absent and `null` params
 * are left out; values are written as they are, so the server validates them (a bad value comes back as a 400
 * naming the param).
 */
export function encodeRequest(route: RestRoute, params: object): string {
  const source = params as Params;
  const path = route.path.replace(USER_ID, () => encodeURIComponent(String(source.userId ?? '')));
  const query = new URLSearchParams();
  for (const param of route.query) {
    const value = readPath(source, param.target);
    if (value === undefined || value === null) continue;
    query.set(param.name, param.encoding === 'json' ? JSON.stringify(value) : String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** A request path matched to a route, with its decoded `userId` when the route has one. */
export interface MatchedRoute {
  /** The route. */
  route: RestRoute;
  /** The `:userId` segment, URL-decoded. */
  userId?: string;
}

/** The route whose template matches `path` (relative to the base path), or `null`. */
export function matchRoute(path: string): MatchedRoute | null {
  const segments = path.split('/');
  for (const route of REST_ROUTES) {
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    let userId: string | null | undefined;
    const matches = template.every((part, i) => {
      const segment = segments[i] as string;
      if (part !== USER_ID) return part === segment;
      userId = safeDecode(segment);
      return userId !== null;
    });
    if (matches) return typeof userId === 'string' ? { route, userId } : { route };
  }
  return null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function invalid(field: string, message: string): ProviderError {
  return new ProviderError('invalid-data', `${field}: ${message}`, { field });
}

function decodeValue(param: RestQueryParam, text: string, field: string): unknown {
  if (param.encoding === 'integer') return /^-?\d+$/.test(text) ? Number(text) : text;
  if (param.encoding === 'text') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(field, 'expected JSON');
  }
}

/**
 * The DataProvider params of a request to `match` with query `search`. Validates every query parameter with its
 * schema, fills documented defaults and checks that `from` is before `to`.
 * @throws ProviderError `invalid-data` whose `field` is the params path (`range.from`, `sorting[0].desc`, `limit`, …).
 */
export function decodeRequest(match: MatchedRoute, search: URLSearchParams): Params {
  const params: Params = match.userId === undefined ? {} : { userId: match.userId };
  for (const param of match.route.query) {
    const field = param.target.join('.');
    const text = search.get(param.name);
    if (text === null) {
      if (param.required) throw invalid(field, `the query parameter "${param.name}" is required`);
      if (param.default !== undefined) writePath(params, param.target, param.default);
      continue;
    }
    writePath(params, param.target, validate(param.schema, decodeValue(param, text, field), field));
  }
  const range = params.range as { from?: string; to?: string } | undefined;
  if (range?.from !== undefined && range.to !== undefined && !(Date.parse(range.from) < Date.parse(range.to))) {
    throw invalid('range', `expected from < to, got ${range.from} → ${range.to}`);
  }
  return params;
}
