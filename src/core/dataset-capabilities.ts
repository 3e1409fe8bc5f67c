/**
 * What a provider that holds a whole dataset (the memory provider, in-thread or in a worker) declares it can answer.
 * @module
 */
import type { ProviderCapabilities } from './contract';

/**
 * Cohorts, model usage and conversations, which every dataset answers; feedback when the dataset holds any; then
 * the host's `overrides`. Frozen.
 */
export function datasetCapabilities(hasFeedback: boolean, overrides?: Partial<ProviderCapabilities>): ProviderCapabilities {
  return Object.freeze({ feedback: hasFeedback, cohorts: true, modelUsage: true, conversations: true, ...overrides });
}
