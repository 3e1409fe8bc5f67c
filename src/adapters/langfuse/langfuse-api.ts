/**
 * Paged reads from the Langfuse public API (`{ data, meta: { page, totalPages } }`), every page validated.
 * @module
 */
import type { z } from 'zod';
import { ProviderError } from '../../core/errors';
import { validate } from '../../core/schema/validate';
import { errorFromAnswer } from '../rest/error-body';
import { getJson, type HttpOptions } from '../rest/http';
import { langfusePageSchema } from './schemas';

/** Pages fetched at the same time after the first. */
const CONCURRENCY = 4;

/** Reads whole lists from one Langfuse instance. */
export interface LangfuseApi {
  /**
   * Every item of list endpoint `path` (e.g. `/api/public/traces`) for `query`, page by page.
   * @throws ProviderError `http` (status kept) for error answers, `invalid-data` naming e.g. `data[3].latency` for
   * an item that fails `item`, or naming `range` when more than `maxItems` match.
   */
  list<T>(path: string, query: Record<string, string | undefined>, item: z.ZodType<T>, maxItems?: number): Promise<T[]>;
}

/** A {@link LangfuseApi} over `baseUrl` (e.g. `https://cloud.langfuse.com`), `pageSize` items per page. */
export function createLangfuseApi(baseUrl: string, pageSize: number, http: HttpOptions): LangfuseApi {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async list<T>(path: string, query: Record<string, string | undefined>, item: z.ZodType<T>, maxItems?: number): Promise<T[]> {
      const schema = langfusePageSchema(item);
      const label = `GET ${path}`;
      const page = async (n: number) => {
        const search = new URLSearchParams({ page: String(n), limit: String(pageSize) });
        for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, v);
        const answer = await getJson(`${base}${path}?${search}`, http, undefined, label);
        if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(label, answer.status, answer.body, false);
        return validate(schema, answer.body);
      };
      const first = await page(1);
      if (maxItems !== undefined && first.meta.totalItems > maxItems) {
        throw new ProviderError('invalid-data', `range: ${first.meta.totalItems} items match ${label}, more than the ${maxItems} this provider loads at once; narrow the range`, { field: 'range' });
      }
      const rest: number[] = [];
      for (let n = 2; n <= first.meta.totalPages; n++) rest.push(n);
      const pages = [first];
      for (let i = 0; i < rest.length; i += CONCURRENCY) pages.push(...(await Promise.all(rest.slice(i, i + CONCURRENCY).map(page))));
      return pages.flatMap((p) => p.data as T[]);
    },
  };
}
