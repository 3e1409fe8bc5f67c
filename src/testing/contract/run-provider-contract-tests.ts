/**
 * The reusable DataProvider contract suite. A host builds its provider over {@link contractDataset} (load it into a
 * test database, serve it from a mock server, …) and registers the suite in its own test runner:
 *
 * ```ts
 * import { describe, it } from 'vitest'; // or jest / mocha globals, or node:test
 * import { contractDataset, runProviderContractTests } from 'userscope/testing';
 *
 * runProviderContractTests(() => createMyProvider(contractDataset), { describe, it });
 * ```
 *
 * The suite does not import any test framework. It registers its tests with the `describe` and `it` you pass, or
 * the global ones when you pass none, and fails a test by throwing an `Error` that lists every problem found
 * (`path: expected X, got Y`), so it needs no `expect`. Expected answers are computed from the dataset with plain
 * loops, independently of userscope's engine.
 * @module
 */
import type { DataProvider } from '../../core/contract';
import { contractDataset, contractRanges, type ContractDataset, type ContractRanges } from './contract-dataset';
import { registerDetailsSection } from './details-section';
import { registerErrorsSection } from './errors-section';
import { registerListsSection } from './lists-section';
import { registerPopulationSection } from './population-section';
import { createSuiteContext, type DescribeFn, type ItFn } from './suite-context';
import { registerSummarySection } from './summary-section';
import { registerUsersSection } from './users-section';

export type { DescribeFn, ItFn } from './suite-context';

/** Options of {@link runProviderContractTests}. */
export interface ProviderContractTestOptions {
  /** Title of the enclosing `describe`. Default: `"DataProvider contract"`. */
  name?: string;
  /** The runner's `describe`. Default: `globalThis.describe` (vitest with `globals: true`, jest, mocha). */
  describe?: DescribeFn;
  /** The runner's `it` (or `test`). Default: `globalThis.it`. */
  it?: ItFn;
  /**
   * The dataset the provider was built from. Default: {@link contractDataset}. A custom dataset must follow the same
   * rules: every trace's user and every feedback's trace exist, and numeric feedback values carry a `score`.
   */
  dataset?: ContractDataset;
  /** The ranges to query. Default: {@link contractRanges} (they fit the default dataset). */
  ranges?: ContractRanges;
}

function fromGlobals<T>(name: 'describe' | 'it'): T {
  const fn = (globalThis as Record<string, unknown>)[name];
  if (typeof fn !== 'function') {
    throw new Error(`runProviderContractTests: no global \`${name}\`; pass { describe, it } from your test runner`);
  }
  return fn as T;
}

/**
 * Registers the DataProvider contract tests for the provider `makeProvider` returns (called once, lazily, by the
 * first test). The provider must be built over `options.dataset` (default {@link contractDataset}). It checks every
 * method's result shape and numbers, paging (every row exactly once), sorting (each documented id, unknown values
 * last), search and filters, the previous period, bucket coverage, conversation and `(none)` trace filters, the
 * `not-found`, `aborted` and `invalid-data` errors (with `field`), `getUserMetrics`' population, the optional
 * `getUsersSummary`, `getUsersDistribution` and `getUsersSegments` when the provider has them, and skips the checks of sections whose capability is off.
 */
export function runProviderContractTests(
  makeProvider: () => DataProvider | Promise<DataProvider>,
  options: ProviderContractTestOptions = {},
): void {
  const describe = options.describe ?? fromGlobals<DescribeFn>('describe');
  const it = options.it ?? fromGlobals<ItFn>('it');
  const ctx = createSuiteContext(makeProvider, options.dataset ?? contractDataset, options.ranges ?? contractRanges, it);
  describe(options.name ?? 'DataProvider contract', () => {
    registerUsersSection(ctx);
    registerSummarySection(ctx);
    registerPopulationSection(ctx);
    registerDetailsSection(ctx);
    registerListsSection(ctx);
    registerErrorsSection(ctx);
  });
}
