/**
 * Story-only: a provider that reports a long load's progress (`ProgressSource`, as the Langfuse provider does) and
 * never answers, so a page stays in its loading state with "Loaded … traces" showing.
 * @module
 */
import type { DataProvider } from '../../src/core/contract';
import { createProgressHub, type LoadProgress, type ProgressSource } from '../../src/core/progress';
import { pendingProvider } from './detail-page-data';

/** `provider`'s capabilities, never answering, and reporting `progress` (one running load) to every subscriber. */
export function loadingWithProgress(provider: DataProvider, progress: Pick<LoadProgress, 'loaded' | 'expected'>): DataProvider & ProgressSource {
  const hub = createProgressHub();
  return {
    ...pendingProvider(provider),
    subscribeProgress(listener) {
      const unsubscribe = hub.subscribeProgress(listener);
      // After the subscription returns, as a real load's first event comes after its first request.
      const timer = setTimeout(() => hub.emit({ id: 'story-load', ...progress, done: false }), 0);
      return () => {
        clearTimeout(timer);
        unsubscribe();
      };
    },
  };
}
