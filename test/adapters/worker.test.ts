// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTableDecoder, createTableEncoder, transferables } from '../../src/adapters/worker/columnar';
import { TRACE_SCHEMA, USER_SCHEMA } from '../../src/adapters/worker/dataset-schemas';
import { createWorkerProvider, WORKER_LOAD_PROGRESS_ID, type WorkerProvider } from '../../src/adapters/worker/create-worker-provider';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import type { LoadProgress } from '../../src/core/progress';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { rejection } from '../provider-errors';
import { workerScriptUrl } from './worker-build';

/** Encodes `rows` in chunks of `size` and decodes them again, as the provider and the worker do. */
function roundTrip(schema: typeof TRACE_SCHEMA, rows: unknown[], size: number): unknown[] {
  const encoder = createTableEncoder(schema);
  const decoder = createTableDecoder(schema);
  const out: unknown[] = [];
  for (let from = 0; from < rows.length; from += size) {
    const chunk = encoder.encode(rows, from, Math.min(rows.length, from + size));
    expect(transferables(chunk).every((b) => b instanceof ArrayBuffer)).toBe(true);
    decoder.decode(structuredClone(chunk, { transfer: transferables(chunk) }), out);
  }
  return out;
}

describe('columnar encoding', () => {
  it('round-trips the contract dataset exactly, in chunks of any size', () => {
    for (const size of [1, 7, 1000]) {
      expect(roundTrip(TRACE_SCHEMA, [...contractDataset.traces], size)).toEqual(contractDataset.traces);
      expect(roundTrip(USER_SCHEMA, [...contractDataset.users], size)).toEqual(contractDataset.users);
    }
  });

  it('keeps records it cannot encode as they are: unknown keys, undefined values, wrong types, non-objects', () => {
    const odd = [
      { id: 't1', userId: 'u', extra: 1 },
      { id: 't2', userId: undefined },
      { id: 't3', userId: 'u', latencyMs: { ms: 3 } },
      { id: 't4', userId: 'u', tags: [new Date(0)] },
      null,
      'trace',
      { id: 't5', userId: null, latencyMs: 'abc', costUsd: NaN, status: true, tags: ['a'] },
    ];
    const back = roundTrip(TRACE_SCHEMA, odd, 3);
    expect(back).toHaveLength(odd.length);
    back.forEach((row, i) => expect(row).toStrictEqual(odd[i]));
  });

  it('round-trips random records (fast-check)', () => {
    const scalar = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const record = fc.record(
      Object.fromEntries(TRACE_SCHEMA.map(([name, kind]) => [name, kind === 'json' ? fc.option(fc.array(fc.string()), { nil: undefined }) : scalar])),
      { requiredKeys: [], noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: 1, max: 16 }), (rows, size) => {
        const back = roundTrip(TRACE_SCHEMA, rows, size);
        back.forEach((row, i) => expect(row).toStrictEqual(rows[i]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('createWorkerProvider', () => {
  const open: WorkerProvider[] = [];
  afterEach(() => open.splice(0).forEach((p) => p.terminate()));
  const make = async (options: Partial<Parameters<typeof createWorkerProvider>[0]> = {}) => {
    const provider = createWorkerProvider({ ...contractDataset, workerScript: await workerScriptUrl(), ...options });
    open.push(provider);
    return provider;
  };

  it('has the memory provider methods and capabilities, runs in a worker and reports its load', async () => {
    const events: LoadProgress[] = [];
    const provider = await make({ sliceMs: 0.01 });
    provider.subscribeProgress((e) => events.push(e));
    await provider.ready;
    const memory = createMemoryProvider(contractDataset);
    expect(Object.keys(provider).filter((k) => k in memory).sort()).toEqual(Object.keys(memory).sort());
    expect(provider.capabilities).toEqual(memory.capabilities);
    expect(provider.inWorker).toBe(true);
    const last = events.at(-1);
    expect(last).toEqual({ id: WORKER_LOAD_PROGRESS_ID, loaded: contractDataset.traces.length, expected: contractDataset.traces.length, done: true });
    expect(events.filter((e) => !e.done).every((e) => e.loaded <= contractDataset.traces.length)).toBe(true);
  });

  it('rejects ready and every call with the error the memory provider throws for bad data', async () => {
    const traces = contractDataset.traces.map((t, i) => (i === 3 ? { ...t, latencyMs: -1 } : t));
    const expected = await rejection((async () => createMemoryProvider({ ...contractDataset, traces }))());
    const provider = await make({ traces });
    const failed = await rejection(provider.ready);
    expect(failed).toMatchObject({ code: 'invalid-data', field: 'traces[3].latencyMs', message: expected.message });
    expect(await rejection(provider.getUser({ userId: 'x' }))).toMatchObject({ code: 'invalid-data', field: 'traces[3].latencyMs' });
  });

  it('aborts a call in flight across the boundary, and answers the next one', async () => {
    const provider = await make({ latencyMs: 200 });
    const controller = new AbortController();
    const call = provider.listUsers({ range: contractRanges.main, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    expect(await rejection(call)).toMatchObject({ code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(150);
    const user = contractDataset.users[0]!;
    expect(await provider.getUser({ userId: user.id })).toEqual(user);
  });

  it('after terminate, calls reject with aborted', async () => {
    const provider = await make();
    await provider.ready;
    provider.terminate();
    expect(await rejection(provider.getUser({ userId: 'x' }))).toMatchObject({ code: 'aborted' });
  });
});
