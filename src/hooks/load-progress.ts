import { useMemo, useSyncExternalStore } from 'react';
import type { DataProvider } from '../core/contract';
import { isProgressSource, type LoadProgress, type ProgressSource } from '../core/progress';
import { useUserscope } from './userscope-provider';

/** What {@link useLoadProgress} returns while at least one load of the provider runs. */
export interface LoadProgressState {
  /** Traces loaded so far, summed over the running loads. */
  loaded: number;
  /** Traces the upstream said to expect, summed over the running loads; `null` when any of them does not know. */
  expected: number | null;
  /** How many loads are running. */
  loads: number;
}

/** Options of {@link useLoadProgress}. */
export interface LoadProgressOptions {
  /**
   * Report progress only while this is true (e.g. while the page's query is pending); `null` otherwise. The hook
   * keeps listening either way, so a load already running when it turns true is shown at its latest count.
   * Default `true`.
   */
  active?: boolean;
}

interface ProgressStore {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => LoadProgressState | null;
}

/**
 * A store over `source`'s progress events for `useSyncExternalStore`: the running loads by id (a `done` event
 * removes one), one immutable snapshot per change. Listens to the source only while React listens to the store.
 */
function createProgressStore(source: ProgressSource): ProgressStore {
  const running = new Map<string, LoadProgress>();
  const listeners = new Set<() => void>();
  let snapshot: LoadProgressState | null = null;
  let unsubscribe: (() => void) | null = null;
  const onProgress = (event: LoadProgress): void => {
    if (event.done) running.delete(event.id);
    else running.set(event.id, event);
    let loaded = 0;
    let expected: number | null = 0;
    for (const load of running.values()) {
      loaded += load.loaded;
      expected = expected === null || load.expected === null ? null : expected + load.expected;
    }
    snapshot = running.size === 0 ? null : { loaded, expected, loads: running.size };
    for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      unsubscribe ??= source.subscribeProgress(onProgress);
      return () => {
        listeners.delete(onChange);
        if (listeners.size > 0 || unsubscribe === null) return;
        unsubscribe();
        unsubscribe = null;
        running.clear();
        snapshot = null;
      };
    },
    getSnapshot: () => snapshot,
  };
}

const NO_STORE: ProgressStore = { subscribe: () => () => undefined, getSnapshot: () => null };
const noProgress = (): null => null;

function storeFor(provider: DataProvider): ProgressStore {
  return isProgressSource(provider) ? createProgressStore(provider) : NO_STORE;
}

/**
 * Progress of the provider's long loads, for "Loaded 3,200 of ~10,000 traces": `{ loaded, expected, loads }` summed
 * over the loads running now, or `null` when none runs, when `active` is false, or when the provider does not
 * implement `ProgressSource` (`subscribeProgress`, e.g. the Langfuse provider does). SSR-safe: `null` on the server.
 * @example
 * ```tsx
 * const users = useUsers(params);
 * const progress = useLoadProgress({ active: users.isFetching });
 * ```
 */
export function useLoadProgress(options: LoadProgressOptions = {}): LoadProgressState | null {
  const { provider } = useUserscope();
  const store = useMemo(() => storeFor(provider), [provider]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, noProgress);
  return options.active === false ? null : state;
}
