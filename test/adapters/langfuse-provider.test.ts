import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLangfuseProvider, langfuseBasicAuth, type LangfuseProviderOptions } from '../../src/adapters/langfuse/langfuse-provider';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { runProviderContractTests } from '../../src/testing/contract/run-provider-contract-tests';
import { readFixture } from '../fixtures-path';
import { contractAsLangfuse, createLangfuseMock, exportsAsLangfuse } from './langfuse-api-mock';
import { rejection } from '../provider-errors';

const CONTRACT_URL = 'https://contract.langfuse.test';
const FIXTURE_URL = 'https://fixtures.langfuse.test';
const AUTH = langfuseBasicAuth('pk-lf-test', 'sk-lf-secret');

const contract = createLangfuseMock(CONTRACT_URL, AUTH, contractAsLangfuse(contractDataset));
const fixtures = createLangfuseMock(FIXTURE_URL, AUTH, exportsAsLangfuse([readFixture('langfuse/autogen-2025-06-06.trace.json'), readFixture('langfuse/llamaindex-2025-06-05.trace.json')]));
const server = setupServer(...contract.handlers, ...fixtures.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const lookupUsers = (ids: readonly string[]) => contractDataset.users.filter((u) => ids.includes(u.id));

function provider(options: Partial<LangfuseProviderOptions> = {}) {
  return createLangfuseProvider({ baseUrl: CONTRACT_URL, headers: () => ({ Authorization: AUTH }), lookupUsers, retries: 0, ...options });
}

runProviderContractTests(() => provider(), {
  describe,
  it,
  name: 'createLangfuseProvider over a mock Langfuse API holding the contract dataset: DataProvider contract',
});

describe('createLangfuseProvider on the fixtures served as Langfuse API answers', () => {
  const fromFixtures = () => createLangfuseProvider({ baseUrl: FIXTURE_URL, headers: async () => ({ Authorization: AUTH }), retries: 0 });
  const range = { from: '2025-06-01T00:00:00Z', to: '2025-06-08T00:00:00Z' };

  it('gives the figures computed by hand from the two files (see langfuse-export.test.ts)', async () => {
    const p = fromFixtures();
    const { rows } = await p.listUsers({ range });
    expect(rows.map((r) => r.user)).toEqual([{ id: 'user_123', metadata: {} }]);
    expect(rows[0]).toMatchObject({ traceCount: 2, conversationCount: 1, errorCount: 0, inputTokens: 54, outputTokens: 84, latencyP50Ms: 1712 });
    expect(rows[0]!.latencyP95Ms).toBeCloseTo(2672.3, 9);
    expect(rows[0]!.costUsd).toBeCloseTo(0.000867499999, 15);
    const traces = await p.listTraces({ userId: 'user_123', range });
    expect(traces.rows.map((t) => [t.id, t.latencyMs, t.model, t.inputTokens, t.outputTokens, t.costUsd])).toEqual([
      ['1b72c51fabed12ae7df83bfd4a09f545', 645, 'gpt-4o', 41, 3, 0.000025],
      ['12ea412956f99347b0503c1144acd0ec', 2779, 'gpt-4o', 13, 81, 0.000842499999],
    ]);
    expect(p.capabilities.cohorts).toBe(false);
  });

  it('sends Basic auth on every request and follows cursor pages of the v2 observations', async () => {
    const before = contract.requests.length;
    const p = provider({ cacheTtlMs: 0 });
    const range = contractRanges.long;
    const all = await p.listTraces({ userId: 'u01', range, limit: 500 });
    const from = Date.parse(range.from);
    expect(all.rows.map((t) => t.id).sort()).toEqual(contractDataset.traces.filter((t) => t.userId === 'u01' && Date.parse(t.startTime) >= from && Date.parse(t.startTime) < Date.parse(range.to)).map((t) => t.id).sort());
    const sent = contract.requests.slice(before);
    const observations = sent.filter((u) => u.pathname === '/api/public/v2/observations');
    expect(observations.length).toBeGreaterThan(0);
    expect(observations.every((u) => u.searchParams.get('userId') === 'u01' && u.searchParams.get('limit') === '1000' && u.searchParams.get('fields') === 'core,basic,usage,model,trace_context,io')).toBe(true);
    expect(sent.filter((u) => u.pathname === '/api/public/v3/scores').every((u) => u.searchParams.get('source') === 'API,ANNOTATION')).toBe(true);
    expect(sent.some((u) => u.pathname === '/api/public/traces' || u.pathname === '/api/public/observations')).toBe(false);
    expect(AUTH).toBe(`Basic ${Buffer.from('pk-lf-test:sk-lf-secret').toString('base64')}`);
  });
});

describe('createLangfuseProvider failures', () => {
  it('rejects with http 401 on bad keys, without retrying and without the keys in the message', async () => {
    const before = contract.requests.length;
    const error = await rejection(provider({ headers: () => ({ Authorization: langfuseBasicAuth('pk', 'wrong-secret') }), retries: 3 }).listTraces({ userId: 'u01', range: contractRanges.main }));
    expect(error).toMatchObject({ code: 'http', status: 401 });
    expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/wrong-secret|cGs6d3Jvbmct/);
    expect(contract.requests.length - before).toBeLessThanOrEqual(5);
  });

  it('validates API answers: a bad field rejects with invalid-data naming it', async () => {
    server.use(http.get(`${CONTRACT_URL}/api/public/v2/observations`, () => HttpResponse.json({ data: [{ id: 'o', traceId: 't', type: 'SPAN', startTime: 'yesterday', userId: 'u01' }], meta: {} })));
    expect(await rejection(provider({ cacheTtlMs: 0 }).listTraces({ userId: 'u01', range: contractRanges.main }))).toMatchObject({ code: 'invalid-data', field: 'data[0].startTime' });
  });

  it('refuses a range holding more than maxTraces, naming range', async () => {
    expect(await rejection(provider({ maxTraces: 100, cacheTtlMs: 0 }).listUsers({ range: contractRanges.long }))).toMatchObject({ code: 'invalid-data', field: 'range' });
  });

  it('rejects at once when aborted during a slow load, and rejects bad params before any request', async () => {
    server.use(http.get(`${CONTRACT_URL}/api/public/v2/observations`, async () => {
      await delay(10_000);
      return HttpResponse.json({ data: [], meta: {} });
    }));
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 30);
    expect((await rejection(provider({ cacheTtlMs: 0 }).listUsers({ range: contractRanges.main, signal: controller.signal }))).code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1_000);
    const before = contract.requests.length;
    expect(await rejection(provider().getUserTrends({ userId: 'u01', range: { from: 'later', to: contractRanges.main.to } }))).toMatchObject({ code: 'invalid-data', field: 'range.from' });
    expect(contract.requests.length).toBe(before);
  });
});
