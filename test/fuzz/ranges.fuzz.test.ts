// Issue 18 property suite, part 2: random ranges and granularities through every provider method (memory, and REST
// over memory through the request handler). Each call answers in bounded time and size, or is refused with
// invalid-data naming the param.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRestRequestHandler } from '../../src/adapters/rest/request-handler';
import { createRestProvider } from '../../src/adapters/rest/rest-provider';
import type { DataProvider } from '../../src/core/contract';
import { isProviderError } from '../../src/core/errors';
import type { Granularity } from '../../src/core/model';
import { createTestProvider } from '../../src/testing/create-test-provider';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MAX_MS = 2_000;
const MAX_BYTES = 5_000_000;
const memory = createTestProvider();
const handler = createRestRequestHandler(memory, { basePath: '/api' });
const rest = createRestProvider({
  baseUrl: 'http://fuzz.test/api',
  retries: 0,
  usersSummary: true,
  fetch: ((url: string | URL | Request) => handler(new Request(String(url)))) as typeof fetch,
});

const YEAR = 365.25 * 86_400_000;
/** Instants from year ~0 to ~9999, concentrated around the contract data (2025) and at far ends. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
  fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }),
);
const span = fc.oneof(fc.integer({ min: -86_400_000, max: 400 * 86_400_000 }), fc.integer({ min: 0, max: Math.round(200 * YEAR) }));
const range = fc.tuple(instant, span).map(([from, length]) => {
  const to = Math.min(from + length, 253_402_300_799_000);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
});
const granularity = fc.constantFrom<Granularity | undefined>(undefined, 'hour', 'day', 'week');

type Call = (p: DataProvider, r: { from: string; to: string }, g: Granularity | undefined) => Promise<unknown> | undefined;
const CALLS: Record<string, Call> = {
  listUsers: (p, r) => p.listUsers({ range: r, pagination: { pageIndex: 0, pageSize: 1000 } }),
  getUsersSummary: (p, r) => p.getUsersSummary?.({ range: r }),
  getUserMetrics: (p, r) => p.getUserMetrics({ userId: 'u01', range: r, compare: { cohort: { key: 'plan', value: 'pro' } } }),
  getUserTrends: (p, r, g) => p.getUserTrends({ userId: 'u01', range: r, granularity: g, compare: { cohort: { key: 'plan', value: 'pro' } } }),
  getModelUsage: (p, r, g) => p.getModelUsage({ userId: 'u01', range: r, granularity: g }),
  getFeedback: (p, r, g) => p.getFeedback({ userId: 'u01', range: r, granularity: g }),
  listFeedbackComments: (p, r) => p.listFeedbackComments({ userId: 'u01', range: r, limit: 1000 }),
  listConversations: (p, r) => p.listConversations({ userId: 'u01', range: r, limit: 1000 }),
  listTraces: (p, r) => p.listTraces({ userId: 'u01', range: r, limit: 1000 }),
};

describe.each([
  ['memory', memory],
  ['REST over memory', rest],
])('fuzz: random ranges and granularities through %s', (_name, provider) => {
  it.each(Object.keys(CALLS))('%s answers in bounded time and size, or refuses naming range/granularity', async (method) => {
    await fc.assert(
      fc.asyncProperty(range, granularity, async (r, g) => {
        const started = performance.now();
        try {
          const answer = await CALLS[method]!(provider, r, g);
          expect(JSON.stringify(answer ?? null).length).toBeLessThan(MAX_BYTES);
        } catch (error) {
          expect(isProviderError(error), String(error)).toBe(true);
          expect((error as { code: string }).code).toBe('invalid-data');
          expect((error as { field?: string }).field).toMatch(/^(range|granularity)/);
        }
        expect(performance.now() - started).toBeLessThan(MAX_MS);
      }),
      { numRuns: RUNS },
    );
  });
});
