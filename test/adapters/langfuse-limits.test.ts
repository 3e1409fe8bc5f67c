import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLangfuseProvider, langfuseBasicAuth, type LangfuseLoadReport, type LangfuseProviderOptions } from '../../src/adapters/langfuse/langfuse-provider';
import type { LoadProgress } from '../../src/core/progress';
import { contractDataset, contractRanges, type ContractDataset } from '../../src/testing/contract/contract-dataset';
import { runProviderContractTests } from '../../src/testing/contract/run-provider-contract-tests';
import { contractAsLangfuse, createLangfuseMock } from './langfuse-api-mock';
import { rejection } from '../provider-errors';

const AUTH = langfuseBasicAuth('pk-lf-test', 'sk-lf-secret');
const LEGACY = 'https://legacy.langfuse.test';
const LIAR = 'https://liar.langfuse.test';
const HOBBY = 'https://hobby.langfuse.test';

/** 10 000 traces of 500 users over 30 days (3 observations each), 2 000 thumbs: a mid-size Cloud project. */
function bigProject(): ContractDataset {
  const from = Date.parse('2025-05-01T00:00:00Z');
  const users = Array.from({ length: 500 }, (_, i) => ({ id: `user-${i}`, metadata: {} }));
  const traces = Array.from({ length: 10_000 }, (_, i) => ({
    id: `t${i}`, userId: `user-${i % 500}`, startTime: new Date(from + i * 259_200).toISOString(), latencyMs: 800 + (i % 7) * 100,
    status: i % 20 === 0 ? ('error' as const) : ('ok' as const), model: 'gpt-4o', inputTokens: 100, outputTokens: 50, costUsd: 0.001,
  }));
  const feedback = Array.from({ length: 2_000 }, (_, i) => ({ id: `f${i}`, traceId: `t${i * 5}`, userId: `user-${(i * 5) % 500}`, key: 'thumbs', value: i % 3 !== 0, createdAt: traces[i * 5]!.startTime }));
  return { ...contractDataset, users, traces, feedback };
}

const legacy = createLangfuseMock(LEGACY, AUTH, contractAsLangfuse(contractDataset), { legacy: true });
const hobby = createLangfuseMock(HOBBY, AUTH, contractAsLangfuse(bigProject()), { requestsPerMinute: 15 });
const server = setupServer(...legacy.handlers, ...hobby.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const lookupUsers = (ids: readonly string[]) => contractDataset.users.filter((u) => ids.includes(u.id));
const make = (baseUrl: string, options: Partial<LangfuseProviderOptions> = {}) => createLangfuseProvider({ baseUrl, headers: () => ({ Authorization: AUTH }), retries: 0, ...options });

runProviderContractTests(() => make(LEGACY, { lookupUsers }), {
  describe,
  it,
  name: 'createLangfuseProvider on a v3 self-hosted instance (legacy endpoints, detected by 404): DataProvider contract',
});

describe('createLangfuseProvider: bounded paging (D2)', () => {
  it('settles within its budget when an offset API reports totalPages: 100000, naming range and the scalable path', async () => {
    let fetches = 0;
    server.use(
      http.get(`${LIAR}/api/public/v2/metrics`, () => HttpResponse.json({ message: 'no' }, { status: 404 })),
      http.get(`${LIAR}/api/public/v2/observations`, () => HttpResponse.json({ message: 'no' }, { status: 404 })),
      http.get(`${LIAR}/api/public/traces`, () => {
        fetches++;
        return HttpResponse.json({ data: [{ id: `t${fetches}`, timestamp: '2025-03-03T00:00:00Z', userId: 'u', latency: 1 }], meta: { page: 1, limit: 100, totalItems: 10_000_000, totalPages: 100_000 } });
      }),
    );
    const error = await rejection(make(LIAR, { maxRequestsPerLoad: 30 }).listUsers({ range: contractRanges.main }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'range' });
    expect(error.message).toMatch(/@userscope\/server/);
    expect(fetches).toBe(1); // totalPages says 100 000: refused after the first page, before paging
  });

  it('settles when a cursor API never stops handing out new cursors', async () => {
    let fetches = 0;
    server.use(
      http.get(`${LIAR}/api/public/v2/metrics`, () => HttpResponse.json({ message: 'no' }, { status: 404 })),
      http.get(`${LIAR}/api/public/v2/observations`, () => {
        fetches++;
        return HttpResponse.json({ data: [{ id: `o${fetches}`, traceId: `t${fetches}`, type: 'SPAN', startTime: '2025-03-03T00:00:00Z', userId: 'u' }], meta: { cursor: `c${fetches}` } });
      }),
    );
    expect(await rejection(make(LIAR, { maxRequestsPerLoad: 25 }).listUsers({ range: contractRanges.main }))).toMatchObject({ code: 'invalid-data', field: 'range' });
    expect(fetches).toBe(24); // the budget of 25, one spent on the metrics probe
  });

  it('stops fetching the moment every caller has aborted', async () => {
    let fetches = 0;
    const controller = new AbortController();
    server.use(
      http.get(`${LIAR}/api/public/v2/metrics`, () => HttpResponse.json({ message: 'no' }, { status: 404 })),
      http.get(`${LIAR}/api/public/v2/observations`, () => {
        if (++fetches === 3) controller.abort();
        return HttpResponse.json({ data: [{ id: `o${fetches}`, traceId: `t${fetches}`, type: 'SPAN', startTime: '2025-03-03T00:00:00Z', userId: 'u' }], meta: { cursor: `c${fetches}` } });
      }),
    );
    expect((await rejection(make(LIAR).listUsers({ range: contractRanges.main, signal: controller.signal }))).code).toBe('aborted');
    await new Promise((r) => setTimeout(r, 50));
    expect(fetches).toBe(3);
  });
});

describe('createLangfuseProvider: timeouts and rate limits', () => {
  it('times out a silent server after timeoutMs with a network error that says so', async () => {
    server.use(http.get(`${LIAR}/api/public/v2/metrics`, () => new Promise<Response>(() => undefined)));
    const started = performance.now();
    const error = await rejection(make(LIAR, { timeoutMs: 100 }).listUsers({ range: contractRanges.main }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/timed out/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    let calls = 0;
    server.use(http.get(`${LIAR}/api/public/v2/metrics`, () => (++calls === 1 ? HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'Retry-After': '1' } }) : HttpResponse.json({ data: [] }))),
      http.get(`${LIAR}/api/public/v2/observations`, () => HttpResponse.json({ data: [], meta: {} })),
      http.get(`${LIAR}/api/public/v3/scores`, () => HttpResponse.json({ data: [], meta: { limit: 100 } })),
      http.get(`${LIAR}/api/public/score-configs`, () => HttpResponse.json({ data: [], meta: { page: 1, limit: 100, totalItems: 0, totalPages: 0 } })));
    const started = performance.now();
    const { rows } = await make(LIAR).listUsers({ range: contractRanges.main });
    expect(rows).toEqual([]);
    expect(calls).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('states the request budget of each view on a 10 000-trace project under Cloud Hobby (15 requests a minute)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(Date.parse('2025-06-15T00:00:00Z'));
    const reports: LangfuseLoadReport[] = [];
    const progress: LoadProgress[] = [];
    const p = make(HOBBY, { requestsPerMinute: 15, onReport: (r) => reports.push(r) });
    p.subscribeProgress((e) => progress.push(e));
    const settle = async <T,>(promise: Promise<T>): Promise<T> => {
      let done = false;
      void promise.finally(() => (done = true)).catch(() => undefined);
      for (let i = 0; i < 2_000 && !done; i++) await vi.advanceTimersByTimeAsync(1_000);
      return promise;
    };
    const range = { from: '2025-05-01T00:00:00Z', to: '2025-05-31T00:00:00Z' };
    const t0 = Date.now();
    const list = await settle(p.listUsers({ range }));
    const listMs = Date.now() - t0;
    expect(list.total).toBe(500);
    // 1 metrics estimate + 30 pages of 1 000 observations (10 000 roots + 20 000 generations) + 20 pages of 100
    // scores + 1 score configs = 52 requests; 15 a minute: three full minutes of waiting.
    expect(reports[0]).toMatchObject({ api: 'current', traceCount: 10_000, feedbackCount: 2_000, requests: 52, skipped: [], flagged: [] });
    expect(hobby.limited()).toBe(0); // paced: no 429 at all
    expect(listMs).toBeGreaterThanOrEqual(180_000);
    expect(listMs).toBeLessThan(240_000);
    expect(progress.filter((e) => !e.done).map((e) => e.expected)).toContain(10_000);
    expect(progress.some((e) => !e.done && e.loaded > 0 && e.loaded < 10_000)).toBe(true);

    // One user's page: every section shares one load of the range and its previous period.
    const before = p.requestCount();
    const user = { userId: 'user-7', range: { from: '2025-05-16T00:00:00Z', to: '2025-05-31T00:00:00Z' } };
    await settle(Promise.all([p.getUser({ userId: 'user-7' }), p.getUserMetrics(user), p.getUserTrends(user), p.getModelUsage(user), p.getFeedback(user), p.listFeedbackComments(user), p.listConversations(user), p.listTraces(user)]));
    // getUser (1 metrics count) + metrics estimate + 1 observations page + 1 scores page (the user's 20 traces) = 4.
    expect(p.requestCount() - before).toBe(4);
  }, 60_000);
});

describe('createLangfuseProvider: nothing dropped silently (D3)', () => {
  it('keeps traces without a user unattributed, and reports session-level scores and scores of traces not loaded', async () => {
    const data = contractAsLangfuse(contractDataset);
    const orphan = { ...data.observations[0]!, id: 'orphan-root', traceId: 'orphan', userId: null, parentObservationId: null };
    const sessionScore = { ...data.scores[0]!, id: 'session-score', traceId: null, sessionId: 'c-1' };
    const strayScore = { ...data.scores[0]!, id: 'stray-score', traceId: 'not-a-loaded-trace' };
    const mock = createLangfuseMock(LIAR, AUTH, { ...data, observations: [...data.observations, orphan], scores: [...data.scores, sessionScore, strayScore] });
    server.use(...mock.handlers);
    const reports: LangfuseLoadReport[] = [];
    const provider = make(LIAR, { onReport: (r) => reports.push(r) });
    await provider.listUsers({ range: contractRanges.long });
    const anonymous = contractDataset.traces.filter((t) => t.userId === null).length;
    expect(reports[0]!.unattributedTraceCount).toBe(anonymous + 1);
    expect(reports[0]!.skipped).toEqual(expect.arrayContaining([
      { kind: 'score', itemId: 'session-score', reason: 'session-level score on session c-1; feedback is per trace' },
      { kind: 'score', traceId: 'not-a-loaded-trace', itemId: 'stray-score', reason: 'its trace was not loaded (outside the range, or skipped)' },
    ]));
    expect(reports[0]!.skippedCounts).toMatchObject({ trace: 0, score: 2 });
  });

});
