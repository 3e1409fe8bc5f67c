/**
 * Loads shared between calls for a while, cancelled when nobody waits for them any more: a call that aborts rejects
 * at once; when every caller of an unfinished load has aborted, the load's own signal aborts, so its paging stops.
 * @module
 */
import { raceAbort } from '../rest/http';

interface Entry<T> {
  expires: number;
  value: Promise<T>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/** `get(key, make, signal)`: the cached load for `key`, or a new one made with its own abort signal. */
export type SharedLoads<T> = (key: string, make: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined) => Promise<T>;

/** Shared loads kept `ttlMs` after they start; a failed or cancelled load is forgotten at once. */
export function createSharedLoads<T>(ttlMs: number): SharedLoads<T> {
  const entries = new Map<string, Entry<T>>();
  return (key, make, signal) => {
    const now = Date.now();
    let entry = entries.get(key);
    if (entry === undefined || entry.expires <= now) {
      for (const [k, e] of entries) if (e.expires <= now && e.settled) entries.delete(k);
      const controller = new AbortController();
      const value = make(controller.signal);
      const created: Entry<T> = { expires: now + ttlMs, value, controller, waiting: 0, settled: false };
      entry = created;
      entries.set(key, created);
      value.then(
        () => void (created.settled = true),
        () => {
          created.settled = true;
          if (entries.get(key) === created) entries.delete(key);
        },
      );
    }
    const current = entry;
    if (current.settled || signal === undefined) {
      if (signal === undefined) current.waiting = Infinity;
      return raceAbort(current.value, signal);
    }
    current.waiting++;
    const release = (): void => {
      if (--current.waiting > 0 || current.settled) return;
      current.controller.abort();
      if (entries.get(key) === current) entries.delete(key);
    };
    if (signal.aborted) release();
    else signal.addEventListener('abort', release, { once: true });
    const done = (): void => signal.removeEventListener('abort', release);
    current.value.then(done, done);
    return raceAbort(current.value, signal);
  };
}
