/**
 * A worker script for the worker-provider stories: the engine host of `userscope/adapters/worker`, plus a demo
 * dataset generated inside the worker (`?users=…&traces=…` on the script URL), so a story can show a 1M-trace
 * Users page without building 1M objects on the main thread. The provider's own (empty) dataset still arrives; when
 * it ends, the generated tables take its place.
 * @module
 */
import { createDemoDataset } from '../../src/adapters/demo/create-demo-dataset';
import { createEngineHost } from '../../src/adapters/worker/engine-host';
import type { FromWorker, ToWorker } from '../../src/adapters/worker/protocol';
import { demoSizeOptions } from './worker-story-size';

interface WorkerScope {
  location: { search: string };
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const params = new URLSearchParams(scope.location.search);
const onMessage = createEngineHost({ post: (message) => scope.postMessage(message) });

scope.addEventListener('message', (event) => {
  if (event.data.type === 'end') {
    const dataset = createDemoDataset(demoSizeOptions(Number(params.get('users')), Number(params.get('traces'))));
    onMessage({ type: 'raw', table: 'users', value: dataset.users });
    onMessage({ type: 'raw', table: 'traces', value: dataset.traces });
    onMessage({ type: 'raw', table: 'feedback', value: dataset.feedback });
  }
  onMessage(event.data);
});
