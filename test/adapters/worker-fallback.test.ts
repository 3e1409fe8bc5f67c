// @vitest-environment node
/**
 * The worker provider on a host without workers: `canUseWorker` is mocked to false (the test seam; vitest runs in
 * Node, which has workers), so `createWorkerProvider` falls back on the memory provider in this thread, loaded with
 * a dynamic import().
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerProvider, type WorkerProvider } from '../../src/adapters/worker/create-worker-provider';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { contractDataset } from '../../src/testing/contract/contract-dataset';
import { runProviderContractTests } from '../../src/testing/contract/run-provider-contract-tests';
import { failure, rejection } from '../provider-errors';

vi.mock('../../src/adapters/worker/spawn', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/adapters/worker/spawn')>()),
  canUseWorker: () => false,
}));

runProviderContractTests(() => createWorkerProvider(contractDataset), {
  describe,
  it,
  name: 'createWorkerProvider (no workers: in-thread fallback): DataProvider contract',
});

describe('createWorkerProvider without workers', () => {
  const open: WorkerProvider[] = [];
  afterEach(() => open.splice(0).forEach((p) => p.terminate()));
  const make = (options: Partial<Parameters<typeof createWorkerProvider>[0]> = {}): WorkerProvider => {
    const provider = createWorkerProvider({ ...contractDataset, ...options });
    open.push(provider);
    return provider;
  };

  it('runs in this thread with the memory provider methods and capabilities; a call made at once waits for the engine', async () => {
    const provider = make();
    const memory = createMemoryProvider(contractDataset);
    expect(provider.inWorker).toBe(false);
    expect(Object.keys(provider).filter((k) => k in memory).sort()).toEqual(Object.keys(memory).sort());
    expect(provider.capabilities).toEqual(memory.capabilities);
    const user = contractDataset.users[0]!;
    const first = provider.getUser({ userId: user.id });
    await expect(first).resolves.toEqual(user);
    await expect(provider.ready).resolves.toBeUndefined();
  });

  it('does not throw on bad data: ready and every call reject with the error the memory provider throws', async () => {
    const traces = contractDataset.traces.map((t, i) => (i === 3 ? { ...t, latencyMs: -1 } : t));
    const expected = failure(() => createMemoryProvider({ ...contractDataset, traces }));
    const provider = make({ traces });
    const call = provider.getUser({ userId: 'x' }); // made before the engine loaded
    expect(await rejection(provider.ready)).toMatchObject({ code: 'invalid-data', field: 'traces[3].latencyMs', message: expected.message });
    expect(await rejection(call)).toMatchObject({ code: 'invalid-data', field: 'traces[3].latencyMs', message: expected.message });
    expect(await rejection(provider.listUsers({ range: { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' } }))).toMatchObject({
      code: 'invalid-data',
      field: 'traces[3].latencyMs',
    });
  });

  it('rejects bad options the same way, naming the option', async () => {
    const provider = make({ latencyMs: -5 });
    expect(await rejection(provider.ready)).toMatchObject({ code: 'invalid-data', field: 'latencyMs' });
  });

  it('passes an abort through to the engine', async () => {
    const provider = make({ latencyMs: 200 });
    const controller = new AbortController();
    const call = provider.getUser({ userId: contractDataset.users[0]!.id, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await rejection(call)).toMatchObject({ code: 'aborted' });
  });

  it('terminate rejects ready, pending and later calls with aborted', async () => {
    const provider = make();
    const pending = provider.getUser({ userId: contractDataset.users[0]!.id });
    provider.terminate();
    expect(await rejection(provider.ready)).toMatchObject({ code: 'aborted' });
    expect(await rejection(pending)).toMatchObject({ code: 'aborted' });
    expect(await rejection(provider.getUser({ userId: 'x' }))).toMatchObject({ code: 'aborted' });
  });
});
