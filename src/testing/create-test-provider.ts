/**
 * `createTestProvider`: a ready DataProvider for hosts' tests, over the small fixed contract dataset.
 * @module
 */
import type { DataProvider, ProviderCapabilities } from '../core/contract';
import { createMemoryProvider } from '../adapters/memory/create-memory-provider';
import { contractDataset } from './contract/contract-dataset';

/** Replacements for some methods, and capability overrides, of {@link createTestProvider}. */
export type TestProviderOverrides = Partial<Omit<DataProvider, 'capabilities'>> & {
  /** Capability flags to change; the others keep the memory provider's defaults (all on). */
  capabilities?: Partial<ProviderCapabilities>;
};

/**
 * A memory provider over {@link contractDataset} (22 users, 866 traces in February–March 2025; query
 * `contractRanges.main` for the busiest two weeks), with no latency. Pass `overrides` to replace methods, e.g.
 * `{ getUser: () => Promise.reject(new ProviderError('not-found', 'gone')) }`, or to switch capabilities off.
 */
export function createTestProvider(overrides: TestProviderOverrides = {}): DataProvider {
  const { capabilities, ...methods } = overrides;
  const base = createMemoryProvider({ ...contractDataset, validate: false, ...(capabilities ? { capabilities } : {}) });
  return { ...base, ...methods };
}
