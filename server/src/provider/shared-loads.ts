/**
 * Loads shared by concurrent calls: a detail page asks for a user's model usage, feedback and conversations at once,
 * and each needs the same user row and the same traces. A load is kept for a moment (`ttlMs`) after it starts, so
 * those calls run one query instead of three; `clear()` drops everything (after an ingest). A shared load runs
 * without any one caller's signal (it is still bounded by the query timeout); each caller stops waiting when its own
 * signal aborts.
 * @module
 */
import { ProviderError } from 'userscope/core';

/** A short-lived map of in-flight and recent loads. */
export interface SharedLoads {
  /** The load of `key`, started now by `compute` unless one started less than `ttlMs` ago. */
  get<T>(key: string, compute: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Drops every kept load. */
  clear(): void;
}

/** Keeps at most `capacity` loads, each for `ttlMs` after it started. */
export function createSharedLoads(capacity: number, ttlMs: number): SharedLoads {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, compute: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(new ProviderError('aborted', 'The request was aborted', { cause: signal.reason }));
      let entry = entries.get(key);
      if (!entry || Date.now() - entry.at >= ttlMs) {
        const value = compute();
        entry = { at: Date.now(), value };
        entries.set(key, entry);
        value.catch(() => entries.get(key)?.value === value && entries.delete(key));
        while (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      }
      const value = entry.value as Promise<T>;
      if (!signal) return value;
      return new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(new ProviderError('aborted', 'The request was aborted', { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        value.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    clear: () => entries.clear(),
  };
}
