import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { backoffDelayMs } from '../../src/adapters/rest/http';
import { createRestRequestHandler } from '../../src/adapters/rest/request-handler';
import { createRestProvider, type RestProviderOptions } from '../../src/adapters/rest/rest-provider';
import type { DataProvider } from '../../src/core/contract';
import { ProviderError } from '../../src/core/errors';
import type { AttributedTrace } from '../../src/core/model';
import { rejection } from '../provider-errors';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { createRestHandlers } from '../../src/testing/rest-handlers';

const BASE = 'http://rest.test/userscope';
const SECRET = 'Bearer s3cr3t-token-value';
const range = contractRanges.main;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function provider(options: Partial<RestProviderOptions> = {}): DataProvider {
  return createRestProvider({ baseUrl: BASE, retryDelayMs: 1, headers: () => ({ Authorization: SECRET }), ...options });
}

/** Every string an error exposes: message, field, and the causes' messages. */
function exposed(error: ProviderError): string {
  const cause = error.cause instanceof Error ? `${error.cause.message} ${String((error.cause as { cause?: unknown }).cause ?? '')}` : '';
  return `${String(error)} ${error.field ?? ''} ${cause} ${JSON.stringify(error)}`;
}

/** A handler that answers each call with the next of `answers` and records the requests. */
function sequence(path: string, answers: (() => Response | Promise<Response>)[]): Request[] {
  const seen: Request[] = [];
  server.use(
    http.get(`${BASE}${path}`, ({ request }) => {
      seen.push(request);
      const next = answers[Math.min(seen.length, answers.length) - 1] as () => Response;
      return next();
    }),
  );
  return seen;
}

const users = { rows: [], total: 0 };

describe('createRestProvider requests', () => {
  it('encodes every param of listUsers and listTraces into the documented query', async () => {
    const seen = sequence('/users', [() => HttpResponse.json(users)]);
    await provider().listUsers({
      range,
      search: 'ada',
      filters: [{ id: 'metadata.plan', value: ['pro', 'free'] }],
      sorting: [{ id: 'costUsd', desc: true }],
      pagination: { pageIndex: 2, pageSize: 25 },
    });
    const q = new URL(seen[0]!.url).searchParams;
    expect(Object.fromEntries(q)).toEqual({
      from: range.from,
      to: range.to,
      search: 'ada',
      filters: '[{"id":"metadata.plan","value":["pro","free"]}]',
      sorting: '[{"id":"costUsd","desc":true}]',
      pageIndex: '2',
      pageSize: '25',
    });
    expect(seen[0]!.headers.get('authorization')).toBe(SECRET);
    expect(seen[0]!.headers.get('accept')).toBe('application/json');

    const traces = sequence('/users/:userId/traces', [() => HttpResponse.json({ rows: [], nextCursor: null })]);
    await provider().listTraces({ userId: 'a/b c', range, conversationId: '(none)', cursor: 'abc', limit: 5 });
    const url = new URL(traces[0]!.url);
    expect(url.pathname).toBe('/userscope/users/a%2Fb%20c/traces');
    expect(url.searchParams.get('conversationId')).toBe('(none)');
    expect(url.searchParams.get('cursor')).toBe('abc');
    expect(url.searchParams.get('limit')).toBe('5');
  });

  it('calls the headers callback before every attempt (a token can be refreshed between retries)', async () => {
    let n = 0;
    const seen = sequence('/users/:userId', [() => new HttpResponse(null, { status: 503 }), () => HttpResponse.json({ id: 'u1', metadata: {} })]);
    await provider({ headers: async () => ({ Authorization: `Bearer t${++n}` }) }).getUser({ userId: 'u1' });
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('createRestProvider trends', () => {
  it('sends a cohort comparison of getUserTrends as the JSON `cohort` param, and validates the answered cohort', async () => {
    const bucket = { t: range.from, traceCount: 1, errorCount: 0, successRate: 1, latencyP50Ms: 5, latencyP95Ms: 5, costUsd: null, tokens: null };
    const answer = { granularity: 'day', buckets: [bucket], cohort: { userCount: 2, buckets: [bucket] } };
    const seen = sequence('/users/:userId/trends', [() => HttpResponse.json(answer), () => HttpResponse.json({ ...answer, cohort: { buckets: [] } })]);
    const got = await provider().getUserTrends({ userId: 'u1', range, granularity: 'day', compare: { cohort: { key: 'plan', value: 'pro' } } });
    expect(got).toEqual(answer);
    expect(new URL(seen[0]!.url).searchParams.get('cohort')).toBe('{"key":"plan","value":"pro"}');
    expect((await rejection(provider().getUserTrends({ userId: 'u1', range }))).field).toBe('cohort.userCount');
    expect(new URL(seen[1]!.url).searchParams.has('cohort')).toBe(false);
  });
});

describe('createRestProvider users summary', () => {
  it('has getUsersSummary only when the backend serves it, and calls GET /users-summary with the range', async () => {
    expect(provider().getUsersSummary).toBeUndefined();
    const summary = { userCount: 3, activeUserCount: 2, attentionUserCount: 0, traceCount: 5, errorRate: 0.2, costUsd: null, newUserCount: 1, unattributedTraceCount: 4 };
    const seen = sequence('/users-summary', [() => HttpResponse.json(summary)]);
    expect(await provider({ usersSummary: true }).getUsersSummary!({ range })).toEqual(summary);
    expect(Object.fromEntries(new URL(seen[0]!.url).searchParams)).toEqual({ from: range.from, to: range.to });
  });

  it('has getUsersDistribution and getUsersSegments only when the backend serves them, with their params', async () => {
    expect([provider().getUsersDistribution, provider().getUsersSegments]).toEqual([undefined, undefined]);
    const distribution = { metric: 'costUsd', bins: [{ from: 0, to: 0.5, userCount: 2 }], userCount: 2, unknownCount: 1, position: { value: 0.2, aboveCount: 1 } };
    const segments = { key: 'plan', segments: [{ value: null, userCount: 1, traceCount: 3, errorRate: 0, latencyP50Ms: 10, latencyP95Ms: 20, costUsd: null, costPerTraceUsd: null }], omittedCount: 0 };
    const seenDistribution = sequence('/users-distribution', [() => HttpResponse.json(distribution)]);
    const seenSegments = sequence('/users-segments', [() => HttpResponse.json(segments)]);
    const p = provider({ usersDistribution: true, usersSegments: true });
    expect(await p.getUsersDistribution!({ range, metric: 'costUsd', binCount: 5, userId: 'u 1' })).toEqual(distribution);
    expect(await p.getUsersSegments!({ range, key: 'plan', limit: 3 })).toEqual(segments);
    expect(Object.fromEntries(new URL(seenDistribution[0]!.url).searchParams)).toEqual({ from: range.from, to: range.to, metric: 'costUsd', binCount: '5', userId: 'u 1' });
    expect(Object.fromEntries(new URL(seenSegments[0]!.url).searchParams)).toEqual({ from: range.from, to: range.to, key: 'plan', limit: '3' });
  });
});

describe('createRestProvider retries', () => {
  it('retries 5xx answers with backoff and returns the first success', async () => {
    const seen = sequence('/users', [() => new HttpResponse('busy', { status: 503 }), () => new HttpResponse(null, { status: 500 }), () => HttpResponse.json(users)]);
    await expect(provider({ retries: 2 }).listUsers({ range })).resolves.toEqual(users);
    expect(seen).toHaveLength(3);
  });

  it('gives up after `retries` extra attempts with ProviderError http and the last status', async () => {
    const seen = sequence('/users', [() => new HttpResponse(null, { status: 502 })]);
    const error = await rejection(provider({ retries: 1 }).listUsers({ range }));
    expect(error).toMatchObject({ code: 'http', status: 502 });
    expect(seen).toHaveLength(2);
  });

  it('retries network failures, then rejects with ProviderError network', async () => {
    const seen = sequence('/users', [() => HttpResponse.error()]);
    const error = await rejection(provider({ retries: 2 }).listUsers({ range }));
    expect(error.code).toBe('network');
    expect(seen).toHaveLength(3);
    const recovered = sequence('/users', [() => HttpResponse.error(), () => HttpResponse.json(users)]);
    await expect(provider().listUsers({ range })).resolves.toEqual(users);
    expect(recovered).toHaveLength(2);
  });

  it('never retries 4xx answers', async () => {
    for (const status of [400, 401, 403, 404, 409, 429]) {
      const seen = sequence('/users', [() => HttpResponse.json({ error: { code: 'http', message: 'no' } }, { status })]);
      const error = await rejection(provider({ retries: 3 }).listUsers({ range }));
      expect(error).toMatchObject({ code: 'http', status });
      expect(seen).toHaveLength(1);
    }
  });

  it('backoff doubles per attempt with 50–100 % jitter and a cap', () => {
    for (let i = 0; i < 200; i++) {
      const first = backoffDelayMs(0, 300);
      const third = backoffDelayMs(2, 300);
      expect(first).toBeGreaterThanOrEqual(150);
      expect(first).toBeLessThanOrEqual(300);
      expect(third).toBeGreaterThanOrEqual(600);
      expect(third).toBeLessThanOrEqual(1200);
      expect(backoffDelayMs(30, 300)).toBeLessThanOrEqual(8000);
    }
  });
});

describe('createRestProvider abort', () => {
  it('rejects a pre-aborted call without sending anything', async () => {
    const seen = sequence('/users', [() => HttpResponse.json(users)]);
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(provider().listUsers({ range, signal: controller.signal }))).code).toBe('aborted');
    expect(seen).toHaveLength(0);
  });

  it('rejects at once when aborted while the server is slow', async () => {
    sequence('/users', [async () => {
      await delay(10_000);
      return HttpResponse.json(users);
    }]);
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    expect((await rejection(provider().listUsers({ range, signal: controller.signal }))).code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects at once when aborted during a backoff wait, without another attempt', async () => {
    const seen = sequence('/users', [() => new HttpResponse(null, { status: 503 })]);
    const controller = new AbortController();
    const started = performance.now();
    const call = provider({ retries: 5, retryDelayMs: 60_000 }).listUsers({ range, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await rejection(call)).code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(seen).toHaveLength(1);
  });
});

describe('createRestProvider errors', () => {
  it('maps a 400 invalid-data body to ProviderError invalid-data with its field', async () => {
    sequence('/users/:userId/trends', [() => HttpResponse.json({ error: { code: 'invalid-data', message: 'granularity: expected one of "hour" | "day" | "week", got "month"', field: 'granularity' } }, { status: 400 })]);
    const error = await rejection(provider().getUserTrends({ userId: 'u1', range }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'granularity', status: 400 });
  });

  it('maps 404 on getUser to not-found, with or without a body; other 404s only when the body says not-found', async () => {
    sequence('/users/:userId', [() => new HttpResponse('gone', { status: 404 })]);
    expect(await rejection(provider().getUser({ userId: 'x' }))).toMatchObject({ code: 'not-found', status: 404 });
    sequence('/users/:userId/metrics', [() => new HttpResponse(null, { status: 404 })]);
    expect(await rejection(provider().getUserMetrics({ userId: 'x', range }))).toMatchObject({ code: 'http', status: 404 });
    sequence('/users/:userId/metrics', [() => HttpResponse.json({ error: { code: 'not-found', message: 'Unknown user' } }, { status: 404 })]);
    expect(await rejection(provider().getUserMetrics({ userId: 'x', range }))).toMatchObject({ code: 'not-found', status: 404 });
  });

  it('validates every 2xx body: a bad field gives invalid-data naming its path', async () => {
    const trace = contractDataset.traces.find((t): t is AttributedTrace => t.userId !== null)!;
    sequence('/users/:userId/traces', [() => HttpResponse.json({ rows: [trace, { ...trace, latencyMs: 'abc' }], nextCursor: null })]);
    const error = await rejection(provider().listTraces({ userId: trace.userId, range }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'rows[1].latencyMs' });
    expect(error.message).toBe('rows[1].latencyMs: expected number, got "abc"');

    sequence('/users/:userId/metrics', [() => HttpResponse.json({ current: {} })]);
    expect((await rejection(provider().getUserMetrics({ userId: 'u1', range }))).field).toBe('current.traceCount');

    sequence('/users', [() => new HttpResponse('<html>oops</html>', { status: 200 })]);
    expect(await rejection(provider().listUsers({ range }))).toMatchObject({ code: 'invalid-data', field: '(root)' });

    sequence('/users', [() => HttpResponse.json({ rows: [{ user: { id: 'x'.repeat(10_000_000) } }] })]);
    const huge = await rejection(provider().listUsers({ range }));
    expect(huge).toMatchObject({ code: 'invalid-data', field: 'rows[0].user.metadata' });
    expect(huge.message.length).toBeLessThan(200);
  });

  it('never puts credentials, the base URL or the query in an error, and never logs', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const calls: [string, () => Response][] = [
      ['401', () => HttpResponse.json({ error: { code: 'http', message: 'bad token' } }, { status: 401 })],
      ['500', () => new HttpResponse(null, { status: 500 })],
      ['network', () => HttpResponse.error()],
      ['bad body', () => HttpResponse.json({ rows: 'nope' })],
    ];
    for (const [, answer] of calls) {
      sequence('/users', [answer]);
      const error = await rejection(provider({ retries: 1 }).listUsers({ range, search: 'private-search-text' }));
      const text = exposed(error);
      for (const secret of [SECRET, 's3cr3t', 'rest.test', 'private-search-text']) expect(text).not.toContain(secret);
    }
    const failing = await rejection(provider({ headers: () => { throw new Error('vault locked'); }, retries: 0 }).listUsers({ range }));
    expect(failing.code).toBe('network');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('createRestRequestHandler', () => {
  const handle = createRestRequestHandler(createMemoryProvider(contractDataset), { basePath: '/api' });
  const get = async (path: string, init?: RequestInit) => {
    const response = await handle(new Request(`http://host.test${path}`, init));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers 200 with the provider result, and the documented error bodies', async () => {
    const q = `from=${range.from}&to=${range.to}`;
    expect((await get(`/api/users?${q}&pageSize=2`)).body).toMatchObject({ total: expect.any(Number) });
    expect(await get(`/api/users?from=${range.to}&to=${range.from}`)).toEqual({ status: 400, body: { error: { code: 'invalid-data', message: expect.any(String), field: 'range' } } });
    expect((await get(`/api/users?to=${range.to}`)).body).toMatchObject({ error: { field: 'range.from' } });
    expect((await get(`/api/users?${q}&sorting=[oops`)).body).toMatchObject({ error: { field: 'sorting' } });
    expect((await get(`/api/users?${q}&sorting=[{"id":"costUsd"}]`)).body).toMatchObject({ error: { field: 'sorting[0].desc' } });
    expect((await get(`/api/users?${q}&pageSize=ten`)).body).toMatchObject({ error: { field: 'pagination.pageSize' } });
    expect((await get(`/api/users/u01/metrics?${q}&cohort={"key":"plan","value":null}`)).status).toBe(200);
    expect((await get(`/api/users/u01/trends?${q}&cohort={"key":"plan","value":"pro"}`)).body).toMatchObject({ cohort: { userCount: expect.any(Number) } });
    expect((await get(`/api/users/u01/trends?${q}&cohort={"key":1}`)).body).toMatchObject({ error: { field: 'compare.cohort.key' } });
    expect(await get('/api/users/nobody')).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect(await get('/api/nothing-here')).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect((await get('/elsewhere/users/u01')).status).toBe(404);
    expect((await get('/api/users/u01', { method: 'DELETE' })).status).toBe(405);
  });

  it('serves the optional users summary when the provider has it, and 404 when it does not', async () => {
    const q = `from=${range.from}&to=${range.to}`;
    expect(await get(`/api/users-summary?${q}`)).toMatchObject({ status: 200, body: { activeUserCount: expect.any(Number) } });
    const { getUsersSummary: _left, ...without } = createMemoryProvider(contractDataset);
    const response = await createRestRequestHandler(without)(new Request(`http://host.test/users-summary?${q}`));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('hides unexpected exceptions behind a 500', async () => {
    const broken = { ...createMemoryProvider(contractDataset), getUser: () => Promise.reject(new Error('db password=hunter2')) };
    const response = await createRestRequestHandler(broken)(new Request('http://host.test/users/u01'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('hunter2');
  });
});

describe('createRestHandlers', () => {
  it('serves a relative baseUrl on the page origin, as in Storybook', async () => {
    server.use(...createRestHandlers(createMemoryProvider(contractDataset), { baseUrl: '/relative/api/' }));
    const user = await createRestProvider({ baseUrl: `${window.location.origin}/relative/api` }).getUser({ userId: 'u01' });
    expect(user).toEqual(contractDataset.users.find((u) => u.id === 'u01'));
  });
});
