/**
 * The types of `createWorkerProvider`: its options and the provider it returns (a module of their own, so the
 * in-thread fallback can name them without importing the worker transport).
 * @module
 */
import type { DataProvider } from '../../core/contract';
import type { ProgressSource } from '../../core/progress';
import type { MemoryProviderOptions } from '../memory/create-memory-provider';
import type { WorkerScript } from './spawn';

/** Options of `createWorkerProvider`: the memory provider's, plus where the worker script is. */
export interface WorkerProviderOptions extends MemoryProviderOptions {
  /**
   * The worker script, when the default cannot be found: by default the built `worker-thread.js` next to this
   * module (`new URL('./worker-thread.js', import.meta.url)`), which Vite, webpack 5, Rollup and Parcel bundle, and
   * Node loads from `node_modules/userscope/dist/adapters/`.
   */
  workerScript?: WorkerScript;
  /** Main-thread time per encoding slice, in ms; the thread is yielded between slices. Default 8. */
  sliceMs?: number;
}

/** A DataProvider whose engine runs in a worker, with the progress of its one load. */
export interface WorkerProvider extends DataProvider, ProgressSource {
  /**
   * Resolves once the worker (or, without workers, this thread) holds the validated, indexed dataset; rejects with
   * the `ProviderError` of a failed load.
   */
  readonly ready: Promise<void>;
  /** True when the engine runs in a worker; false for the in-thread fallback of hosts without workers. */
  readonly inWorker: boolean;
  /** Stops the worker (without workers: drops the in-thread engine's answers); pending and later calls reject with `aborted`. */
  terminate(): void;
}
