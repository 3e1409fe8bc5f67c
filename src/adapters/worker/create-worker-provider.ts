/**
 * `createWorkerProvider`: the memory provider's engine in a worker (a Web Worker in browsers, a `worker_threads`
 * Worker in Node), behind the same DataProvider contract. The dataset crosses once, in columnar chunks encoded in
 * short slices of main-thread time; validation, the index build and every query then run off the main thread.
 * @module
 */
import { ProviderError } from '../../core/errors';
import { createProgressHub } from '../../core/progress';
import { createTableEncoder, transferables } from './columnar';
import { TABLES, type TableName } from './dataset-schemas';
import { declaredCapabilities, forwardMethods, type EngineMethod } from './engine-surface';
import { createInThreadProvider } from './in-thread-provider';
import type { FromWorker, WireError, WorkerEngineOptions } from './protocol';
import { canUseWorker, spawnWorker, type WorkerChannel } from './spawn';
import type { WorkerProvider, WorkerProviderOptions } from './worker-provider';
import { yieldToHost } from './yield-to-host';

export type { WorkerProvider, WorkerProviderOptions } from './worker-provider';

/** The `id` of the load's progress events. */
export const WORKER_LOAD_PROGRESS_ID = 'worker:dataset';

const DEFAULT_SLICE_MS = 8;
const FIRST_BATCH = 512;
const PROGRESS_INTERVAL_MS = 50;

function fromWire(error: WireError): ProviderError {
  if (error.code === null) return new ProviderError('network', `worker: ${error.message}`);
  return new ProviderError(error.code, error.message, {
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.status === undefined ? {} : { status: error.status }),
  });
}

function aborted(signal: AbortSignal): ProviderError {
  return new ProviderError('aborted', 'The request was aborted', { cause: signal.reason });
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: ProviderError): void;
}

/**
 * Creates a DataProvider that runs the memory provider's engine in a worker. It answers exactly like
 * `createMemoryProvider` over the same options (the contract suite runs over both), but the main thread only
 * encodes the dataset, in slices of `sliceMs`, and copies answers back; validation, the index build (done eagerly,
 * before `ready`) and every aggregation run in the worker.
 *
 * - Bad data rejects `ready` and every call with the `ProviderError` the memory provider throws (same `field`).
 * - `signal` aborts across the boundary: the call rejects with `aborted` at once and the worker drops it.
 * - Progress: `subscribeProgress` reports `{ id: 'worker:dataset', loaded, expected }` in traces while the worker
 *   receives the dataset, then `done` once it is indexed (or failed), the shape `useLoadProgress` reads.
 * - Hosts without workers (neither Node nor the Web `Worker` constructor) get the memory provider in this thread,
 *   with `inWorker: false`, loaded with a dynamic `import()` (so hosts with workers never load the engine on their
 *   main thread); calls made meanwhile wait for it. Like the worker path, and unlike `createMemoryProvider`, it never
 *   throws on bad data: `ready` and every call reject with the `ProviderError`. (Before this fallback was lazy,
 *   `createWorkerProvider` threw that error synchronously on hosts without workers.)
 * - Your record objects are copied into the worker; the provider keeps no reference to them after the load.
 */
export function createWorkerProvider(options: WorkerProviderOptions): WorkerProvider {
  const hub = createProgressHub();
  if (!canUseWorker()) return createInThreadProvider(options, hub);
  const { workerScript, sliceMs = DEFAULT_SLICE_MS, users, traces, feedback = [], ...rest } = options;
  const engineOptions: WorkerEngineOptions = {
    ...(rest.latencyMs === undefined ? {} : { latencyMs: rest.latencyMs }),
    ...(rest.capabilities === undefined ? {} : { capabilities: rest.capabilities }),
    ...(rest.usersCacheRanges === undefined ? {} : { usersCacheRanges: rest.usersCacheRanges }),
    ...(rest.validate === undefined ? {} : { validate: rest.validate }),
  };
  const expected = Array.isArray(traces) ? traces.length : null;
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let failure: ProviderError | null = null;
  let loading = true;
  let lastProgress = 0;
  let settle: { resolve(): void; reject(error: ProviderError): void } = { resolve: () => undefined, reject: () => undefined };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => undefined); // a failed load is reported through every call; `ready` need not be awaited

  const emit = (loaded: number, done: boolean): void => hub.emit({ id: WORKER_LOAD_PROGRESS_ID, loaded, expected, done });
  const keepAlive = (): void => channel.keepAlive(loading || pending.size > 0);

  function fail(error: ProviderError): void {
    failure ??= error;
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
    if (loading) {
      loading = false;
      emit(0, true);
      settle.reject(failure);
    }
    keepAlive();
  }

  function onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'received': {
        const now = Date.now();
        if (message.table === 'traces' && (now - lastProgress >= PROGRESS_INTERVAL_MS || message.rows === expected)) {
          lastProgress = now;
          emit(message.rows, false);
        }
        break;
      }
      case 'ready':
        loading = false;
        emit(expected ?? 0, true);
        settle.resolve();
        keepAlive();
        break;
      case 'failed':
        loading = false;
        emit(0, true);
        failure = fromWire(message.error);
        settle.reject(failure);
        keepAlive();
        break;
      case 'result':
      case 'error': {
        const call = pending.get(message.id);
        if (!call) return; // aborted meanwhile
        pending.delete(message.id);
        if (message.type === 'result') call.resolve(message.value);
        else call.reject(fromWire(message.error));
        keepAlive();
        break;
      }
    }
  }

  const channel: WorkerChannel = spawnWorker(
    { onMessage, onFailure: (error) => fail(new ProviderError('network', `worker: ${error instanceof Error ? error.message : String(error)}`, { cause: error })) },
    workerScript,
  );
  keepAlive();

  async function sendDataset(): Promise<void> {
    channel.post({ type: 'start', options: engineOptions });
    const tables: [TableName, unknown][] = [['users', users], ['traces', traces], ['feedback', feedback]];
    for (const [table, rows] of tables) {
      if (!Array.isArray(rows)) {
        channel.post({ type: 'raw', table, value: rows });
        continue;
      }
      const encoder = createTableEncoder(TABLES[table]);
      let batch = FIRST_BATCH;
      for (let from = 0; from < rows.length; ) {
        if (failure) return;
        const started = performance.now();
        const to = Math.min(rows.length, from + batch);
        const chunk = encoder.encode(rows, from, to);
        channel.post({ type: 'chunk', table, chunk }, transferables(chunk));
        const spent = performance.now() - started;
        batch = Math.max(64, Math.min(65_536, Math.round(((to - from) * sliceMs) / Math.max(spent, 0.5))));
        from = to;
        await yieldToHost();
      }
    }
    channel.post({ type: 'end' });
  }
  sendDataset().catch((error: unknown) =>
    fail(new ProviderError('invalid-data', `dataset: cannot be sent to the worker (${error instanceof Error ? error.message : String(error)})`, { field: 'dataset', cause: error })),
  );

  function call(method: EngineMethod, params: { signal?: AbortSignal } = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const { signal, ...rest } = params;
      if (signal?.aborted) return reject(aborted(signal));
      if (failure) return reject(failure);
      const id = nextId++;
      const onAbort = (): void => {
        if (!pending.delete(id)) return;
        channel.post({ type: 'abort', id });
        keepAlive();
        reject(aborted(signal as AbortSignal));
      };
      pending.set(id, {
        resolve(value) {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject(error) {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      try {
        channel.post({ type: 'call', id, method, params: rest });
      } catch (error) {
        pending.delete(id);
        return reject(new ProviderError('invalid-data', `${method}: params cannot be sent to the worker (${error instanceof Error ? error.message : String(error)})`, { field: 'params', cause: error }));
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      keepAlive();
    });
  }

  return {
    ...forwardMethods(call),
    capabilities: declaredCapabilities(options),
    subscribeProgress: hub.subscribeProgress,
    ready,
    inWorker: true,
    terminate() {
      channel.terminate();
      fail(new ProviderError('aborted', 'The worker provider was terminated'));
    },
  };
}
