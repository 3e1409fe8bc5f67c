import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { createDemoDataset } from '../../src/adapters/demo/create-demo-dataset';
import type { DataProvider } from '../../src/core/contract';
import { buildTraceIndex } from '../../src/core/engine/trace-index';
import { ProviderError } from '../../src/core/errors';
import { rejection } from '../provider-errors';
import type { AttributedTrace, Trace } from '../../src/core/model';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';

vi.mock('../../src/core/engine/trace-index', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/engine/trace-index')>();
  return { ...original, buildTraceIndex: vi.fn(original.buildTraceIndex) };
});

const { main } = contractRanges;
const dataset = { ...contractDataset, validate: false };

/** One call of every method (with a user that has traces, conversation and feedback in `main`). */
function everyCall(p: DataProvider, extra: object = {}): Promise<unknown>[] {
  const q = { userId: 'u01', range: main, ...extra };
  return [
    p.listUsers({ range: main, ...extra }),
    p.getUser({ userId: 'u01', ...extra }),
    p.getUserMetrics({ ...q, compare: { cohort: { key: 'plan', value: 'pro' } } }),
    p.getUserTrends({ ...q, compare: { cohort: { key: 'plan', value: 'pro' } } }),
    p.getModelUsage(q),
    p.getFeedback(q),
    p.listFeedbackComments(q),
    p.listConversations(q),
    p.listTraces(q),
  ];
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryProvider: latency and abort', () => {
  it('resolves only after latencyMs', async () => {
    vi.useFakeTimers();
    const p = createMemoryProvider({ ...dataset, latencyMs: 200 });
    let settled = false;
    const call = p.getUser({ userId: 'u01' }).then((u) => {
      settled = true;
      return u;
    });
    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect((await call).id).toBe('u01');
    // The first answer leaves one timer: the name order, built once the thread is idle. Then nothing is left.
    expect(vi.getTimerCount()).toBe(1);
    await vi.runOnlyPendingTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with "aborted" as soon as the signal aborts during the delay, and clears its timer', async () => {
    vi.useFakeTimers();
    const p = createMemoryProvider({ ...dataset, latencyMs: 1_000 });
    const controller = new AbortController();
    const calls = everyCall(p, { signal: controller.signal }).map(rejection);
    await vi.advanceTimersByTimeAsync(300);
    expect(vi.getTimerCount()).toBe(9);
    controller.abort('superseded');
    const errors = await Promise.all(calls);
    expect(errors.map((e) => e.code)).toEqual(Array(9).fill('aborted'));
    expect(errors[0]?.cause).toBe('superseded');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects an already aborted signal without starting a timer, also with no latency', async () => {
    vi.useFakeTimers();
    const signal = AbortSignal.abort();
    for (const latencyMs of [0, 500]) {
      const p = createMemoryProvider({ ...dataset, latencyMs });
      const errors = await Promise.all(everyCall(p, { signal }).map(rejection));
      expect(errors.every((e) => e.code === 'aborted')).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    }
  });

  it('rejects "aborted" rather than "invalid-data" when both apply', async () => {
    const p = createMemoryProvider(dataset);
    const error = await rejection(p.listTraces({ userId: 'u01', range: { from: 'x', to: 'y' }, signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
  });
});

describe('createMemoryProvider: state', () => {
  it('builds the trace index lazily, once, however many calls', async () => {
    const build = vi.mocked(buildTraceIndex);
    build.mockClear();
    const p = createMemoryProvider(dataset);
    expect(build).not.toHaveBeenCalled();
    await Promise.all(everyCall(p));
    await Promise.all(everyCall(p));
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('returns nothing that aliases its state: mutating every result changes no later answer', async () => {
    const p = createMemoryProvider(dataset);
    const first = await Promise.all(everyCall(p));
    const pristine = structuredClone(first);
    const vandalise = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(vandalise);
        value.push('junk');
      } else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) {
          vandalise(v);
          (value as Record<string, unknown>)[k] = typeof v === 'object' && v !== null ? v : 'junk';
        }
        (value as Record<string, unknown>).extra = 'junk';
      }
    };
    vandalise(first);
    expect(await Promise.all(everyCall(p))).toEqual(pristine);
  });

  it('does not mutate or freeze the dataset it is given', async () => {
    const traces: AttributedTrace[] = contractDataset.traces.slice(0, 50).flatMap((t) => (t.userId === null ? [] : [{ ...t, userId: t.userId }]));
    const users = contractDataset.users.map((u) => ({ ...u, metadata: { ...u.metadata } }));
    const before = structuredClone({ users, traces });
    const p = createMemoryProvider({ users, traces });
    await p.listUsers({ range: contractRanges.long });
    await p.listTraces({ userId: traces[0]!.userId, range: contractRanges.long });
    expect({ users, traces }).toEqual(before);
    expect(Object.isFrozen(traces[0])).toBe(false);
  });
});

describe('createMemoryProvider: validation and params', () => {
  it('surfaces dataset validation errors at creation, naming the field', () => {
    const traces = contractDataset.traces.map((t, i) => (i === 3 ? { ...t, latencyMs: 'abc' } : t)) as unknown as Trace[];
    expect(() => createMemoryProvider({ users: contractDataset.users, traces })).toThrow(
      expect.objectContaining({ code: 'invalid-data', field: 'traces[3].latencyMs' }),
    );
    const feedback = [{ ...contractDataset.feedback[0]!, traceId: 'no-such-trace' }];
    expect(() => createMemoryProvider({ ...contractDataset, feedback })).toThrow(expect.objectContaining({ field: 'feedback[0].traceId' }));
  });

  it('skips validation when told the data is trusted', () => {
    const traces = [{ ...contractDataset.traces[0]!, latencyMs: 'abc' }] as unknown as Trace[];
    expect(() => createMemoryProvider({ users: [], traces, validate: false })).not.toThrow();
  });

  it('names the offending param precisely', async () => {
    const p = createMemoryProvider(dataset);
    const cases: [Promise<unknown>, string][] = [
      [p.listTraces({ userId: 'u01', range: { from: 'nope', to: main.to } }), 'range.from'],
      [p.listTraces({ userId: 'u01', range: { from: main.from, to: '2025-13-45' } }), 'range.to'],
      [p.listTraces({ userId: 'u01', range: { from: main.to, to: main.from } }), 'range'],
      [p.listTraces({ userId: 'u01', range: main, sorting: [{ id: 'startTime', desc: true }, { id: 'bogus', desc: true }] }), 'sorting[1].id'],
      [p.listTraces({ userId: 'u01', range: main, filters: [{ id: 'model', value: 42 }] }), 'filters[0].value'],
      [p.listTraces({ userId: 'u01', range: main, limit: 2.5 }), 'limit'],
      [p.listTraces({ userId: '', range: main }), 'userId'],
      [p.listUsers({ range: main, sorting: [{ id: 'bogus', desc: false }] }), 'sorting[0].id'],
      [p.listUsers({ range: main, pagination: { pageIndex: 0, pageSize: 0 } }), 'pagination.pageSize'],
      [p.listConversations({ userId: 'u01', range: main, sorting: [{ id: 'bogus', desc: false }] }), 'sorting[0].id'],
    ];
    for (const [call, field] of cases) expect(await rejection(call)).toMatchObject({ code: 'invalid-data', field });
  });

  it('rejects an unknown user with not-found on every per-user method', async () => {
    const p = createMemoryProvider(dataset);
    const q = { userId: 'nobody', range: main };
    const calls = [p.getUser(q), p.getUserMetrics(q), p.getUserTrends(q), p.getModelUsage(q), p.getFeedback(q), p.listFeedbackComments(q), p.listConversations(q), p.listTraces(q)];
    for (const call of calls) expect(await rejection(call)).toMatchObject({ code: 'not-found', field: 'userId' });
  });

  it('answers the cohort of getUserTrends only when asked, with the cohort of getUserMetrics', async () => {
    const p = createMemoryProvider(dataset);
    const q = { userId: 'u01', range: main };
    const cohort = { key: 'plan', value: 'pro' };
    expect((await p.getUserTrends(q)).cohort).toBeUndefined();
    const trends = await p.getUserTrends({ ...q, compare: { cohort } });
    const metrics = await p.getUserMetrics({ ...q, compare: { cohort } });
    expect(trends.cohort?.userCount).toBe(metrics.cohort?.userCount);
    expect(trends.cohort?.buckets.map((b) => b.t)).toEqual(trends.buckets.map((b) => b.t));
    expect(trends.cohort?.buckets.reduce((n, b) => n + b.traceCount, 0)).toBe(metrics.cohort?.traceCount);
  });

  it('serves users that only traces mention', async () => {
    const trace: Trace = { id: 't1', userId: 'ghost', startTime: main.from, latencyMs: 10, status: 'ok' };
    const p = createMemoryProvider({ users: [], traces: [trace] });
    expect(await p.getUser({ userId: 'ghost' })).toEqual({ id: 'ghost', metadata: {} });
    expect((await p.listUsers({ range: main })).rows.map((r) => r.user.id)).toEqual(['ghost']);
  });
});

describe('createMemoryProvider: cursors and order', () => {
  it('rejects a cursor of another query, and accepts a new limit between pages', async () => {
    const p = createMemoryProvider(dataset);
    const page = await p.listTraces({ userId: 'u01', range: main, limit: 5 });
    const cursor = page.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const next = await p.listTraces({ userId: 'u01', range: main, limit: 20, cursor });
    expect(next.rows[0]?.id).not.toBe(page.rows[0]?.id);
    const foreign = [
      p.listTraces({ userId: 'u02', range: main, cursor }),
      p.listTraces({ userId: 'u01', range: contractRanges.long, cursor }),
      p.listTraces({ userId: 'u01', range: main, cursor, sorting: [{ id: 'latencyMs', desc: false }] }),
      p.listTraces({ userId: 'u01', range: main, cursor, filters: [{ id: 'status', value: 'ok' }] }),
      p.listConversations({ userId: 'u01', range: main, cursor }),
      p.listFeedbackComments({ userId: 'u01', range: main, cursor }),
    ];
    for (const call of foreign) expect(await rejection(call)).toMatchObject({ code: 'invalid-data', field: 'cursor' });
  });

  it('breaks ties by trace id ascending in every order, and lists a conversation in step order', async () => {
    const p = createMemoryProvider(dataset);
    const tie = '2025-03-05T00:00:00.000Z';
    const at = (rows: Trace[]) => rows.filter((t) => t.startTime === tie).map((t) => t.id);
    const tied = contractDataset.traces.filter((t) => t.userId === 'u-edge' && t.startTime === tie).map((t) => t.id).sort();
    expect(tied.length).toBe(3);
    const byStartDesc = await p.listTraces({ userId: 'u-edge', range: main });
    expect(at(byStartDesc.rows)).toEqual(tied);
    const byLatency = await p.listTraces({ userId: 'u-edge', range: main, sorting: [{ id: 'latencyMs', desc: true }] });
    expect(at(byLatency.rows)).toEqual(tied);
    const byCost = await p.listTraces({ userId: 'u-edge', range: main, sorting: [{ id: 'costUsd', desc: true }] });
    expect(byCost.rows.at(-1)?.costUsd).toBeUndefined();
    const steps = await p.listTraces({ userId: 'u-edge', range: main, conversationId: 'c-edge-b' });
    expect(steps.rows.map((t) => t.startTime)).toEqual([...steps.rows.map((t) => t.startTime)].sort());
    const none = await p.listTraces({ userId: 'u-edge', range: main, conversationId: '(none)' });
    expect(none.rows.every((t) => t.conversationId === undefined)).toBe(true);
  });
});

describe('createMemoryProvider: capabilities', () => {
  it('declares feedback only when there is some, and takes overrides', () => {
    expect(createMemoryProvider({ ...dataset, feedback: [] }).capabilities).toEqual({ feedback: false, cohorts: true, modelUsage: true, conversations: true });
    expect(createMemoryProvider(dataset).capabilities.feedback).toBe(true);
    const p = createMemoryProvider({ ...dataset, capabilities: { cohorts: false } });
    expect(p.capabilities).toEqual({ feedback: true, cohorts: false, modelUsage: true, conversations: true });
    expect(Object.isFrozen(p.capabilities)).toBe(true);
  });
});

describe('createTestProvider', () => {
  it('serves the contract dataset, with methods and capabilities overridable', async () => {
    const gone = new ProviderError('not-found', 'gone');
    const p = createTestProvider({ getUser: () => Promise.reject(gone), capabilities: { feedback: false } });
    expect(p.capabilities.feedback).toBe(false);
    expect(await rejection(p.getUser({ userId: 'u01' }))).toBe(gone);
    expect((await p.listUsers({ range: main })).total).toBe(20);
  });

  it('the contract dataset passes validation', () => {
    expect(() => createMemoryProvider(contractDataset)).not.toThrow();
  });
});

describe('createMemoryProvider over the demo dataset', () => {
  it('answers listUsers for 30 days quickly', async () => {
    const demo = createDemoDataset();
    const to = '2026-11-25T12:00:00.000Z';
    const range = { from: new Date(Date.parse(to) - 30 * 86_400_000).toISOString(), to };
    let t0 = performance.now();
    const p = createMemoryProvider(demo);
    const validateMs = performance.now() - t0;
    t0 = performance.now();
    const first = await p.listUsers({ range });
    const firstMs = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      await p.listUsers({ range, sorting: [{ id: i % 2 ? 'costUsd' : 'errorCount', desc: true }] });
      warm.push(performance.now() - t0);
    }
    const warmMs = Math.min(...warm);
    console.info(
      `demo: ${demo.users.length} users, ${demo.traces.length} traces, ${demo.feedback.length} feedback; ` +
        `validate ${validateMs.toFixed(0)} ms, first listUsers (builds index) ${firstMs.toFixed(0)} ms, warm listUsers ${warmMs.toFixed(1)} ms`,
    );
    expect(first.total).toBeGreaterThan(0);
    expect(first.rows.length).toBe(50);
    expect(warmMs).toBeLessThan(150);
  });
});
