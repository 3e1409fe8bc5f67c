// The providers the worker bench compares, bundled by load-providers.mjs.
export { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
export { createWorkerProvider } from '../../src/adapters/worker/create-worker-provider';
