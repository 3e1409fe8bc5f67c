/**
 * Starting the engine's worker: a module Web Worker in browsers, a `worker_threads` Worker in Node, both over the
 * built script next to this entry (`dist/adapters/worker-thread.js`). The browser line is written exactly as
 * `new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module' })`, the pattern Vite, webpack 5,
 * Rollup and Parcel recognise: they bundle the worker script and rewrite the URL in the host's build.
 * @module
 */
import type { FromWorker, ToWorker } from './protocol';

/** What the provider needs of a worker, in browsers and in Node alike. */
export interface WorkerChannel {
  /** Sends `message`, moving the `transfer` buffers. */
  post(message: ToWorker, transfer?: ArrayBuffer[]): void;
  /** Keeps a Node process alive while true (calls are pending); no-op in browsers. */
  keepAlive(active: boolean): void;
  /** Stops the worker. */
  terminate(): void;
}

/** Callbacks of a {@link WorkerChannel}. */
export interface WorkerListeners {
  /** A message from the worker. */
  onMessage(message: FromWorker): void;
  /** The worker failed to start or crashed. */
  onFailure(error: unknown): void;
}

/** Where the worker script is; a string or URL overrides the built script next to this module. */
export type WorkerScript = string | URL;

const NODE_WORKER_THREADS = 'node:worker_threads';
const NODE_SCRIPT = './worker-thread.js';

/**
 * The built worker script for Node: next to this module's URL in the ESM build; in the CJS build, where tsup
 * defines `import.meta.url` as `undefined`, `worker-thread.cjs` in this file's `__dirname`.
 */
function nodeScript(): string | URL {
  const here: string | undefined = import.meta.url;
  if (typeof here === 'string') return new URL(NODE_SCRIPT, here);
  return `${__dirname}/worker-thread.cjs`;
}

/** True in Node (and runtimes that emulate it), where the worker is a `worker_threads` Worker. */
export function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/** True when this runtime can run the engine in a worker: Node, or a host with the Web `Worker` constructor. */
export function canUseWorker(): boolean {
  return isNode() || typeof globalThis.Worker === 'function';
}

/** Starts the worker (script `script`, default the built one next to this module) and wires `listeners`. */
export function spawnWorker(listeners: WorkerListeners, script?: WorkerScript): WorkerChannel {
  return isNode() ? spawnNodeWorker(listeners, script) : spawnWebWorker(listeners, script);
}

function spawnWebWorker(listeners: WorkerListeners, script: WorkerScript | undefined): WorkerChannel {
  const worker =
    script === undefined
      ? new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module' })
      : new Worker(script, { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => listeners.onMessage(event.data));
  worker.addEventListener('error', (event) => listeners.onFailure(event.error ?? new Error(event.message || 'the worker failed to load')));
  worker.addEventListener('messageerror', () => listeners.onFailure(new Error('a message from the worker could not be read')));
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    keepAlive: () => undefined,
    terminate: () => worker.terminate(),
  };
}

function spawnNodeWorker(listeners: WorkerListeners, script: WorkerScript | undefined): WorkerChannel {
  const queue: [ToWorker, ArrayBuffer[]][] = [];
  let worker: import('node:worker_threads').Worker | undefined;
  let alive = true;
  let active = false;
  // A variable specifier and URL, so browser bundlers neither resolve node:worker_threads nor emit the script twice.
  void import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_WORKER_THREADS).then(
    ({ Worker: NodeWorker }: typeof import('node:worker_threads')) => {
      if (!alive) return;
      worker = new NodeWorker(script ?? nodeScript());
      worker.on('message', (message: FromWorker) => listeners.onMessage(message));
      worker.on('error', (error) => listeners.onFailure(error));
      worker.on('exit', (code) => alive && listeners.onFailure(new Error(`the worker exited with code ${code}`)));
      if (!active) worker.unref();
      for (const [message, transfer] of queue.splice(0)) worker.postMessage(message, transfer);
    },
    (error: unknown) => listeners.onFailure(error),
  );
  return {
    post(message, transfer = []) {
      if (worker) worker.postMessage(message, transfer);
      else queue.push([message, transfer]);
    },
    keepAlive(next) {
      if (next === active) return;
      active = next;
      if (next) worker?.ref();
      else worker?.unref();
    },
    terminate() {
      alive = false;
      queue.length = 0;
      void worker?.terminate();
    },
  };
}
