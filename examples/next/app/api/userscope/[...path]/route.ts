import { createDemoDataset } from 'userscope/adapters/demo';
import { createMemoryProvider } from 'userscope/adapters/memory';
import { createRestRequestHandler } from 'userscope/adapters/rest';
import { API_BASE_URL } from '../../../demo';

let handler: ((request: Request) => Promise<Response>) | undefined;

/**
 * The REST contract (docs/rest-api.yaml) served from the demo dataset in a memory provider, built on the first
 * request. A real host serves its own data here (or runs `@userscope/server`) and checks authentication first.
 */
export function GET(request: Request): Promise<Response> {
  handler ??= createRestRequestHandler(createMemoryProvider({ ...createDemoDataset(), validate: false }), { basePath: API_BASE_URL });
  return handler(request);
}
