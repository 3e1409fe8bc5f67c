/**
 * The fallback of `createWorkerProvider` for hosts without workers: the memory provider in this thread, loaded with
 * a dynamic `import()`, so that the worker provider's entry never loads the engine (nor its schema library) on the
 * main thread of a host that does get a worker.
 * @module
 */
import type { DataProvider } from '../../core/contract';
import { isProviderError, ProviderError } from '../../core/errors';
import type { ProgressSource } from '../../core/progress';
import type { WorkerProvider, WorkerProviderOptions } from './worker-provider';
import { declaredCapabilities, forwardMethods, type EngineMethod } from './engine-surface';

/** A failure to load or build the in-thread engine as the `ProviderError` every call rejects with. */
function loadFailure(error: unknown): ProviderError {
  if (isProviderError(error)) return error;
  return new ProviderError('network', `in-thread engine: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/**
 * The memory provider over `options`, in this thread, as a {@link WorkerProvider} with `inWorker: false`. The engine
 * loads with a dynamic `import()`; calls made meanwhile wait for it. Bad data rejects `ready` and every call with
 * the `ProviderError` the memory provider throws (same `field`), as the worker path does. `terminate()` rejects
 * `ready` (if still pending) and pending and later calls with `aborted`; a computation already running finishes in
 * the background and its answer is dropped.
 */
export function createInThreadProvider(options: WorkerProviderOptions, progress: ProgressSource): WorkerProvider {
  const engine: Promise<DataProvider> = import('../memory/create-memory-provider').then(
    ({ createMemoryProvider }) => createMemoryProvider(options),
  );
  const pending = new Set<(error: ProviderError) => void>();
  let stopped: ProviderError | null = null;

  /** Runs `work` unless terminated; `terminate()` rejects it with `aborted` if it has not settled by then. */
  function untilTerminated<T>(work: () => Promise<T>): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    return new Promise<T>((resolve, reject) => {
      const onStop = (error: ProviderError): void => reject(error);
      pending.add(onStop);
      work()
        .catch((error: unknown) => Promise.reject(loadFailure(error)))
        .then(resolve, reject)
        .finally(() => pending.delete(onStop));
    });
  }

  const call = (method: EngineMethod, params?: { signal?: AbortSignal }): Promise<unknown> =>
    untilTerminated(() => engine.then((provider) => (provider[method] as (params?: object) => Promise<unknown>)(params)));
  const ready = untilTerminated(() => engine.then(() => undefined));
  ready.catch(() => undefined); // a failed load is reported through every call; `ready` need not be awaited

  return {
    ...forwardMethods(call),
    capabilities: declaredCapabilities(options),
    subscribeProgress: progress.subscribeProgress,
    ready,
    inWorker: false,
    terminate() {
      stopped ??= new ProviderError('aborted', 'The worker provider was terminated');
      for (const onStop of pending) onStop(stopped);
      pending.clear();
    },
  };
}
