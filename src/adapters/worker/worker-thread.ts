/**
 * The worker script of `createWorkerProvider` (built to `dist/adapters/worker-thread.js` and `.cjs`): runs the
 * engine host on the Web Worker's global scope in browsers, or on `parentPort` in a Node `worker_threads` worker.
 * Loaded as a script, never imported.
 * @module
 */
import { createEngineHost } from './engine-host';
import type { FromWorker, ToWorker } from './protocol';

/** The global scope of a dedicated Web Worker, as far as this script uses it. */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const NODE_WORKER_THREADS = 'node:worker_threads';
const scope = globalThis as unknown as Partial<WorkerScope> & { process?: { versions?: { node?: string } } };

if (scope.process?.versions?.node) {
  // A variable specifier, ignored by bundlers: browser builds of this file never load node:worker_threads.
  void import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_WORKER_THREADS).then(({ parentPort }: typeof import('node:worker_threads')) => {
    if (!parentPort) return; // loaded outside a worker: nothing to serve
    const port = parentPort;
    const onMessage = createEngineHost({ post: (message: FromWorker) => port.postMessage(message) });
    port.on('message', onMessage);
  });
} else if (typeof scope.postMessage === 'function' && typeof scope.addEventListener === 'function') {
  const self = scope as WorkerScope;
  const onMessage = createEngineHost({ post: (message: FromWorker) => self.postMessage(message) });
  self.addEventListener('message', (event) => onMessage(event.data));
}
