/**
 * Simulated network delay for the memory provider, honouring an `AbortSignal`.
 * @module
 */
import { ProviderError } from '../../core/errors';

function abortedError(signal: AbortSignal): ProviderError {
  return new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
}

/**
 * Resolves after `ms` milliseconds (immediately when `ms` ≤ 0). Rejects with `ProviderError('aborted')` when `signal`
 * is already aborted or aborts while waiting; the timer is cleared and the listener removed either way.
 */
export function simulateLatency(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    if (!(ms > 0)) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
