/**
 * Paged reads from the Langfuse public API, every page validated and every loop bounded: cursor pages (`meta.cursor`,
 * v2 observations and v3 scores) and legacy offset pages (`meta.page`/`totalPages`). Paging stops on an empty page,
 * on the last page, at the load's request budget (rejecting with `invalid-data` naming `range`), and the moment the
 * signal aborts.
 * @module
 */
import type * as z from 'zod/mini';
import { ProviderError, throwIfAborted } from '../../core/errors';
import { validate } from '../../core/schema/validate';
import { errorFromAnswer } from '../rest/error-body';
import type { LangfuseHttp } from './langfuse-http';
import { langfuseCursorPageSchema, langfusePageSchema } from './schemas';

/** Query parameters; `undefined` values are left out, arrays repeat the key. */
export type LangfuseQuery = Record<string, string | readonly string[] | undefined>;

/** The request budget of one load, shared by its lists. */
export interface RequestBudget {
  /** Requests this load may still send. */
  remaining: number;
  /** The most the load may send, for messages. */
  readonly max: number;
  /** What the load is for, e.g. `the users list of 2025-06-01 – 2025-07-01`, for messages. */
  readonly what: string;
}

/** One list read. */
export interface ListRequest<T> {
  /** Endpoint path, e.g. `/api/public/v2/observations`. */
  path: string;
  /** Filters and field groups. */
  query: LangfuseQuery;
  /** Schema of one item. */
  item: z.ZodMiniType<T>;
  /** Items per page. */
  limit: number;
  /** Called with each page's items. */
  onPage?: (items: readonly T[]) => void;
}

/** Thrown when a load would need more requests than its budget; points to the scalable path. */
export function overBudget(budget: RequestBudget, needed?: number): ProviderError {
  const need = needed === undefined ? `more than ${budget.max}` : `about ${needed}`;
  return new ProviderError(
    'invalid-data',
    `range: ${budget.what} needs ${need} Langfuse API requests, over this view's budget of ${budget.max} (maxRequestsPerLoad). ` +
      'Narrow the range, or ingest the traces into @userscope/server (Langfuse export or OTLP) and serve the REST contract from it.',
    { field: 'range' },
  );
}

/** Reads whole lists from one Langfuse instance. */
export interface LangfuseApi {
  /**
   * Every item of a cursor-paged list.
   * @throws ProviderError as described in the module; `not-found` (status 404) when the instance lacks the endpoint.
   */
  cursorList<T>(request: ListRequest<T>, budget: RequestBudget, signal: AbortSignal | undefined): Promise<T[]>;
  /** Every item of a legacy offset-paged list (`page`, `meta.totalPages`). */
  offsetList<T>(request: ListRequest<T>, budget: RequestBudget, signal: AbortSignal | undefined): Promise<T[]>;
  /** One GET answering JSON; `null` for a 404 (an endpoint this instance does not have). */
  getOptional(path: string, query: LangfuseQuery, budget: RequestBudget, signal: AbortSignal | undefined): Promise<unknown>;
}

function search(query: LangfuseQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string') params.append(k, v);
    else if (v !== undefined) for (const item of v) params.append(k, item);
  }
  return params;
}

/** A {@link LangfuseApi} over `baseUrl` (e.g. `https://cloud.langfuse.com`). */
export function createLangfuseApi(baseUrl: string, http: LangfuseHttp): LangfuseApi {
  const base = baseUrl.replace(/\/+$/, '');

  async function get(path: string, query: LangfuseQuery, budget: RequestBudget, signal: AbortSignal | undefined, on404: 'null' | 'not-found' | 'http'): Promise<unknown> {
    throwIfAborted(signal);
    if (budget.remaining <= 0) throw overBudget(budget);
    budget.remaining--;
    const label = `GET ${path}`;
    const answer = await http.get(`${base}${path}?${search(query)}`, label, signal);
    if (answer.status === 404 && on404 === 'null') return null;
    if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(label, answer.status, answer.body, on404 === 'not-found');
    return answer.body;
  }

  return {
    async cursorList<T>(r: ListRequest<T>, budget: RequestBudget, signal: AbortSignal | undefined): Promise<T[]> {
      const schema = langfuseCursorPageSchema(r.item);
      const items: T[] = [];
      let cursor: string | undefined;
      const seen = new Set<string>();
      // Bounded by the budget: every turn spends one request or stops.
      for (let turn = 0; turn <= budget.max; turn++) {
        const page = validate(schema, await get(r.path, { ...r.query, limit: String(r.limit), cursor }, budget, signal, turn === 0 ? 'not-found' : 'http'));
        items.push(...(page.data as T[]));
        r.onPage?.(page.data as T[]);
        const next = page.meta.cursor ?? undefined;
        if (page.data.length === 0 || next === undefined || next === '' || seen.has(next)) return items;
        seen.add(next);
        cursor = next;
      }
      throw overBudget(budget);
    },

    async offsetList<T>(r: ListRequest<T>, budget: RequestBudget, signal: AbortSignal | undefined): Promise<T[]> {
      const schema = langfusePageSchema(r.item);
      const items: T[] = [];
      for (let n = 1; n <= budget.max + 1; n++) {
        const page = validate(schema, await get(r.path, { ...r.query, page: String(n), limit: String(r.limit) }, budget, signal, 'http'));
        if (n === 1 && page.meta.totalPages - 1 > budget.remaining) throw overBudget(budget, budget.max - budget.remaining + page.meta.totalPages - 1);
        items.push(...(page.data as T[]));
        r.onPage?.(page.data as T[]);
        if (page.data.length === 0 || n >= page.meta.totalPages) return items;
      }
      throw overBudget(budget);
    },

    getOptional: (path, query, budget, signal) => get(path, query, budget, signal, 'null'),
  };
}
