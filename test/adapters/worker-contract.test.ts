// @vitest-environment node
import { afterAll, describe, it } from 'vitest';
import { createWorkerProvider, type WorkerProvider } from '../../src/adapters/worker/create-worker-provider';
import { contractDataset } from '../../src/testing/contract/contract-dataset';
import { runProviderContractTests } from '../../src/testing/contract/run-provider-contract-tests';
import { workerScriptUrl } from './worker-build';

const providers: WorkerProvider[] = [];
afterAll(() => providers.forEach((p) => p.terminate()));

runProviderContractTests(
  async () => {
    const provider = createWorkerProvider({ ...contractDataset, workerScript: await workerScriptUrl() });
    providers.push(provider);
    return provider;
  },
  { describe, it, name: 'createWorkerProvider (worker_threads): DataProvider contract' },
);
