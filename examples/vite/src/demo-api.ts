/**
 * The example's backend: an msw service worker answers userscope's REST contract (`createRestHandlers`) from the
 * demo dataset in a memory provider. A real host points `createRestProvider` at its server instead
 * (`@userscope/server`, or its own implementation of docs/rest-api.yaml) and drops this file.
 */
import { setupWorker } from 'msw/browser';
import { createDemoDataset } from 'userscope/adapters/demo';
import { createMemoryProvider } from 'userscope/adapters/memory';
import { createRestHandlers } from 'userscope/testing/msw';

/** Base URL the REST provider calls and the worker answers. */
export const API_BASE_URL = '/api/userscope';

/** Registers the service worker and resolves once it answers requests. */
export async function startDemoApi(): Promise<void> {
  const backend = createMemoryProvider({ ...createDemoDataset(), validate: false });
  await setupWorker(...createRestHandlers(backend, { baseUrl: API_BASE_URL })).start({
    quiet: true,
    onUnhandledRequest: 'bypass',
  });
}
