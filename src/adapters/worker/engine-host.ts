/**
 * The worker's side of the worker provider: decodes the dataset chunks, builds the memory provider (validation,
 * then the indexes, eagerly, so the first call is fast), and answers calls, each with an `AbortController` the main
 * thread can abort.
 * @module
 */
import type { DataProvider } from '../../core/contract';
import { isProviderError } from '../../core/errors';
import type { Feedback, Trace, User } from '../../core/model';
import { createMemoryProvider } from '../memory/create-memory-provider';
import { whenIdle } from '../memory/when-idle';
import { createTableDecoder, type TableDecoder } from './columnar';
import { TABLES, type TableName } from './dataset-schemas';
import type { FromWorker, ToWorker, WireError, WorkerEngineOptions } from './protocol';

/** How the host talks to the main thread. */
export interface HostPort {
  /** Sends a message to the main thread. */
  post(message: FromWorker): void;
}

/** A failure as a {@link WireError}. */
export function toWireError(error: unknown): WireError {
  if (isProviderError(error)) {
    return { code: error.code, message: error.message, ...(error.field === undefined ? {} : { field: error.field }), ...(error.status === undefined ? {} : { status: error.status }) };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Builds the provider, then asks it one question so its indexes are built before the first real call, and lets the
 * work it leaves for idle time (the order of users by name) run too: in a worker nothing waits on the load, so it
 * is done before `ready` rather than in front of the first queries.
 */
async function buildProvider(data: Record<TableName, unknown>, options: WorkerEngineOptions): Promise<DataProvider> {
  const provider = createMemoryProvider({
    ...options,
    users: data.users as User[],
    traces: data.traces as Trace[],
    feedback: data.feedback as Feedback[],
  });
  const users = data.users as User[];
  const someone = users[0]?.id ?? (data.traces as Trace[]).find((t) => t.userId !== null)?.userId;
  if (someone) await provider.getUser({ userId: someone });
  // The idle queue is first in, first out: this waits for the idle work the first answer left.
  await new Promise<void>((resolve) => whenIdle(resolve));
  return provider;
}

/** Returns the message handler of a worker that answers over `port`. */
export function createEngineHost(port: HostPort): (message: ToWorker) => void {
  const data: Record<TableName, unknown> = { users: [], traces: [], feedback: [] };
  const decoders = Object.fromEntries(Object.entries(TABLES).map(([name, schema]) => [name, createTableDecoder(schema)])) as Record<
    TableName,
    TableDecoder
  >;
  const calls = new Map<number, AbortController>();
  let options: WorkerEngineOptions = {};
  // Calls may arrive while the dataset is still coming: they wait for the provider the `end` message builds.
  let onEnd: () => void = () => undefined;
  const provider = new Promise<DataProvider>((resolve) => (onEnd = () => resolve(buildProvider(data, options))));
  provider.then(
    () => port.post({ type: 'ready' }),
    (error: unknown) => port.post({ type: 'failed', error: toWireError(error) }),
  );

  async function answer(id: number, method: string, params: object): Promise<void> {
    const controller = new AbortController();
    calls.set(id, controller);
    try {
      const ready = await provider;
      const fn = (ready as unknown as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`unknown method ${method}`);
      const value: unknown = await fn({ ...params, signal: controller.signal });
      port.post({ type: 'result', id, value });
    } catch (error) {
      port.post({ type: 'error', id, error: toWireError(error) });
    } finally {
      calls.delete(id);
    }
  }

  return (message) => {
    switch (message.type) {
      case 'start':
        options = message.options;
        break;
      case 'chunk': {
        const rows = data[message.table] as unknown[];
        decoders[message.table].decode(message.chunk, rows);
        port.post({ type: 'received', table: message.table, rows: rows.length });
        break;
      }
      case 'raw':
        data[message.table] = message.value;
        break;
      case 'end':
        onEnd();
        break;
      case 'call':
        void answer(message.id, message.method, message.params);
        break;
      case 'abort':
        calls.get(message.id)?.abort();
        break;
    }
  };
}
