import type { DataProvider } from '../core/contract';

/** Name of a DataProvider method, as it appears in query keys. */
export type ProviderMethod = Exclude<keyof DataProvider, 'capabilities'>;

/** First element of every userscope query key: `invalidateQueries({ queryKey: ['userscope'] })` hits them all. */
export const USERSCOPE_KEY_ROOT = 'userscope';

const providerIds = new WeakMap<DataProvider, number>();
let lastProviderId = 0;

/**
 * A number identifying `provider` for the lifetime of the page, so two providers sharing one QueryClient never
 * share cache entries. The same provider object always gets the same number.
 */
export function providerKeyId(provider: DataProvider): number {
  let id = providerIds.get(provider);
  if (id === undefined) {
    lastProviderId += 1;
    id = lastProviderId;
    providerIds.set(provider, id);
  }
  return id;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies `value` with every `undefined` object property dropped, at any depth, so `{ search: undefined }` and `{}`
 * give the same key. Arrays keep their length; other values are returned as they are.
 */
export function normalizeKeyParams<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeKeyParams(item)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = normalizeKeyParams(item);
  }
  return out as T;
}

/**
 * The query key userscope hooks use: `['userscope', providerId, method, params]` with params normalised.
 * Use it to read, prefetch or invalidate one answer; `['userscope', providerId]` covers one provider.
 */
export function userscopeQueryKey(
  provider: DataProvider,
  method: ProviderMethod,
  params: object,
): readonly [typeof USERSCOPE_KEY_ROOT, number, ProviderMethod, object] {
  return [USERSCOPE_KEY_ROOT, providerKeyId(provider), method, normalizeKeyParams(params)];
}
