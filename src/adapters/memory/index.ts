/**
 * `userscope/adapters/memory`: the embedded DataProvider that answers every contract method in memory with the
 * core engine.
 * @module
 */
export { createMemoryProvider, type MemoryProviderOptions } from './create-memory-provider';
