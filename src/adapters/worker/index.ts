/**
 * `userscope/adapters/worker`: the memory provider's engine in a Web Worker (browsers) or a `worker_threads` Worker
 * (Node), behind the same DataProvider contract, so validation, the index build and queries never block the main
 * thread.
 * @module
 */
export { createWorkerProvider, WORKER_LOAD_PROGRESS_ID, type WorkerProvider, type WorkerProviderOptions } from './create-worker-provider';
export { canUseWorker, type WorkerScript } from './spawn';
