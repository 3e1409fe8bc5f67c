/**
 * Progress of long provider loads (e.g. the Langfuse provider paging through an API under a rate limit), so hooks
 * and pages can say "loaded 3,200 of ~10,000 traces". Not part of `DataProvider`: a provider that has loads worth
 * reporting also implements {@link ProgressSource}.
 * @module
 */

/** One progress event of a load. */
export interface LoadProgress {
  /** Identifies the load (e.g. `range:…` or `user:…`); a later event with the same id replaces an earlier one. */
  id: string;
  /** Traces loaded so far. */
  loaded: number;
  /** Traces the upstream said to expect (an estimate), `null` when unknown. */
  expected: number | null;
  /** True on the last event of a load, whether it finished or failed. */
  done: boolean;
}

/** A provider that reports the progress of its loads. */
export interface ProgressSource {
  /** Calls `listener` with every progress event from now on; returns the unsubscribe function. */
  subscribeProgress(listener: (progress: LoadProgress) => void): () => void;
}

/** True when `provider` implements {@link ProgressSource}. */
export function isProgressSource(provider: object): provider is ProgressSource {
  return typeof (provider as Partial<ProgressSource>).subscribeProgress === 'function';
}

/** A {@link ProgressSource} with an `emit` for the provider's own use. */
export interface ProgressHub extends ProgressSource {
  /** Sends `progress` to every listener; a listener that throws is ignored. */
  emit(progress: LoadProgress): void;
}

/** A fresh {@link ProgressHub}. */
export function createProgressHub(): ProgressHub {
  const listeners = new Set<(progress: LoadProgress) => void>();
  return {
    subscribeProgress(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(progress) {
      for (const listener of [...listeners]) {
        try {
          listener(progress);
        } catch {
          // A failing listener must not break the load.
        }
      }
    },
  };
}
