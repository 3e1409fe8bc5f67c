/**
 * `userscope/testing`: the provider contract suite, its fixed dataset and a ready test provider, for userscope's
 * own tests and for hosts testing their providers and pages.
 * @module
 */
export {
  runProviderContractTests,
  type ProviderContractTestOptions,
  type DescribeFn,
  type ItFn,
} from './contract/run-provider-contract-tests';
export {
  contractAttributionRange,
  contractDataset,
  contractRanges,
  type ContractDataset,
  type ContractRanges,
} from './contract/contract-dataset';
export { createTestProvider, type TestProviderOverrides } from './create-test-provider';
