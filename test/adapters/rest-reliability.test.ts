// Issue 18: the REST client settles by itself (D6 timeout), says what broke (D7 body cut off mid-read) and refuses
// answers about someone else (D12).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRestProvider } from '../../src/adapters/rest/rest-provider';
import { contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { rejection } from '../provider-errors';

const BASE = 'http://rest.test/api';
const range = contractRanges.main;

/** A fetch that never answers but honours its signal, as a silent server does. */
const silentFetch = vi.fn((_url: string | URL | Request, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  }),
);

afterEach(() => {
  vi.useRealTimers();
  silentFetch.mockClear();
});

describe('D6: every call has a timeout', () => {
  it('rejects a call to a silent server without a signal after timeoutMs, saying it timed out', async () => {
    const provider = createRestProvider({ baseUrl: BASE, fetch: silentFetch as typeof fetch, timeoutMs: 50, retries: 0 });
    const started = performance.now();
    const error = await rejection(provider.getUser({ userId: 'u01' }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/timed out after 50 ms/);
    expect(error.message).toContain('GET /users/{userId}');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('bounds retries and backoff waits too', async () => {
    const provider = createRestProvider({ baseUrl: BASE, fetch: silentFetch as typeof fetch, timeoutMs: 80, retries: 5, retryDelayMs: 10 });
    const error = await rejection(provider.listUsers({ range }));
    expect(error.message).toMatch(/timed out/);
  });

  it('has a default timeout of 30 s', async () => {
    vi.useFakeTimers();
    const provider = createRestProvider({ baseUrl: BASE, fetch: silentFetch as typeof fetch, retries: 0 });
    const pending = rejection(provider.getUser({ userId: 'u01' }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await pending).message).toMatch(/timed out after 30000 ms/);
  });

  it('still reports a caller abort as aborted', async () => {
    const provider = createRestProvider({ baseUrl: BASE, fetch: silentFetch as typeof fetch, timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = rejection(provider.getUser({ userId: 'u01', signal: controller.signal }));
    controller.abort();
    expect((await pending).code).toBe('aborted');
  });

  it('refuses a timeoutMs that is not a positive number', () => {
    for (const timeoutMs of [0, -1, Number.NaN]) {
      expect(() => createRestProvider({ baseUrl: BASE, timeoutMs })).toThrow(expect.objectContaining({ field: 'timeoutMs' }));
    }
  });
});

describe('D7: a body cut off mid-read is not "could not be reached"', () => {
  it('says the connection broke while reading the answer', async () => {
    const cutFetch = async (): Promise<Response> => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"u01","meta'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const provider = createRestProvider({ baseUrl: BASE, fetch: cutFetch as typeof fetch, retries: 0 });
    const error = await rejection(provider.getUser({ userId: 'u01' }));
    expect(error.code).toBe('network');
    expect(error.message).not.toMatch(/could not be reached/);
    expect(error.message).toMatch(/broke while reading the answer/);
  });
});

describe('D12: answers about another user are refused', () => {
  const backend = createTestProvider();
  const lying = (rewrite: (path: string, body: unknown) => unknown) =>
    (async (url: string | URL | Request) => {
      const path = new URL(String(url)).pathname.slice('/api'.length);
      const body = path.endsWith('/traces')
        ? await backend.listTraces({ userId: 'u02', range })
        : await backend.getUser({ userId: 'u02' });
      return Response.json(rewrite(path, body));
    }) as typeof fetch;

  it('rejects a getUser answer for another id, naming id', async () => {
    const provider = createRestProvider({ baseUrl: BASE, fetch: lying((_p, b) => b), retries: 0 });
    const error = await rejection(provider.getUser({ userId: 'u01' }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'id' });
    expect(error.message).toContain('u01');
  });

  it('rejects trace rows of another user, naming the row', async () => {
    const provider = createRestProvider({ baseUrl: BASE, fetch: lying((_p, b) => b), retries: 0 });
    const error = await rejection(provider.listTraces({ userId: 'u01', range }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'rows[0].userId' });
  });
});
