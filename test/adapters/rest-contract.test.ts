import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { createRestProvider } from '../../src/adapters/rest/rest-provider';
import { contractDataset } from '../../src/testing/contract/contract-dataset';
import { runProviderContractTests } from '../../src/testing/contract/run-provider-contract-tests';
import { createRestHandlers } from '../../src/testing/rest-handlers';

const ABSOLUTE = 'http://userscope.test/api/v1';

const server = setupServer(...createRestHandlers(createMemoryProvider(contractDataset), { baseUrl: ABSOLUTE }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

runProviderContractTests(() => createRestProvider({ baseUrl: ABSOLUTE, retries: 0, usersSummary: true, usersDistribution: true, usersSegments: true }), {
  describe,
  it,
  name: 'createRestProvider over msw handlers of a memory provider: DataProvider contract',
});
