// Issue 18: every request's work is bounded before it starts (D1), bad filter values and params are refused naming
// them (D9, D13), over the memory provider and the REST request handler alike.
import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/adapters/memory/create-memory-provider';
import { createRestRequestHandler } from '../../src/adapters/rest/request-handler';
import { MAX_PAGE_SIZE, MAX_RANGE_DAYS, MAX_SERIES_BUCKETS } from '../../src/core/limits';
import { contractDataset, contractRanges } from '../../src/testing/contract/contract-dataset';
import { createTestProvider } from '../../src/testing/create-test-provider';
import { rejection } from '../provider-errors';

const provider = createTestProvider();
const handle = createRestRequestHandler(provider, { basePath: '/api' });
const ABSURD = { from: '1900-01-01T00:00:00.000Z', to: '9999-01-01T00:00:00.000Z' };
const CENTURY = { from: '1925-03-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' };
const q = { userId: 'u01', range: contractRanges.main };

async function get(path: string): Promise<{ status: number; body: { error?: { code: string; field?: string } } }> {
  const response = await handle(new Request(`http://host/api${path}`));
  return { status: response.status, body: (await response.json()) as { error?: { code: string; field?: string } } };
}

describe('D1: ranges and buckets are bounded', () => {
  it('refuses an 8,000-year and a 100-year listUsers range at once, naming range', async () => {
    for (const range of [ABSURD, CENTURY]) {
      const started = performance.now();
      const error = await rejection(provider.listUsers({ range }));
      expect(error.code).toBe('invalid-data');
      expect(error.field).toBe('range');
      expect(error.message).toContain(String(MAX_RANGE_DAYS));
      expect(performance.now() - started).toBeLessThan(200);
    }
  });

  it('refuses a range longer than the maximum on every method', async () => {
    const calls = [
      provider.getUsersSummary?.({ range: CENTURY }),
      provider.getUserMetrics({ ...q, range: CENTURY }),
      provider.getUserTrends({ ...q, range: CENTURY }),
      provider.getModelUsage({ ...q, range: CENTURY }),
      provider.getFeedback({ ...q, range: CENTURY }),
      provider.listFeedbackComments({ ...q, range: CENTURY }),
      provider.listConversations({ ...q, range: CENTURY }),
      provider.listTraces({ ...q, range: CENTURY }),
    ];
    for (const call of calls) expect((await rejection(call as Promise<unknown>)).field).toBe('range');
  });

  it('refuses an explicit granularity that would exceed the bucket cap, naming granularity', async () => {
    const year = { from: '2024-03-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' };
    for (const call of [provider.getUserTrends, provider.getModelUsage, provider.getFeedback]) {
      const error = await rejection(call({ ...q, range: year, granularity: 'hour' }));
      expect(error.field).toBe('granularity');
      expect(error.message).toContain(String(MAX_SERIES_BUCKETS));
    }
    const trends = await provider.getUserTrends({ ...q, range: year, granularity: 'day' });
    expect(trends.buckets.length).toBe(365);
  });

  it('answers the longest allowed range with bounded series and weekly sparklines', async () => {
    const to = Date.parse('2025-03-17T00:00:00.000Z');
    const range = { from: new Date(to - MAX_RANGE_DAYS * 86_400_000).toISOString(), to: new Date(to).toISOString() };
    const page = await provider.listUsers({ range, pagination: { pageIndex: 0, pageSize: MAX_PAGE_SIZE } });
    for (const row of page.rows) expect(row.sparkline.length).toBeLessThanOrEqual(524);
    expect(Date.parse(page.rows[0]!.sparkline[1]!.t) - Date.parse(page.rows[0]!.sparkline[0]!.t)).toBe(7 * 86_400_000);
    const trends = await provider.getUserTrends({ ...q, range });
    expect(trends.granularity).toBe('week');
    expect(trends.buckets.length).toBeLessThanOrEqual(MAX_SERIES_BUCKETS);
  });

  it('keeps daily sparklines on the contract ranges', async () => {
    const page = await provider.listUsers({ range: contractRanges.long });
    expect(page.rows[0]!.sparkline.length).toBe(150);
  });

  it('refuses a page size above the maximum, naming pagination.pageSize and limit', async () => {
    expect((await rejection(provider.listUsers({ range: q.range, pagination: { pageIndex: 0, pageSize: MAX_PAGE_SIZE + 1 } }))).field).toBe('pagination.pageSize');
    expect((await rejection(provider.listTraces({ ...q, limit: MAX_PAGE_SIZE + 1 }))).field).toBe('limit');
  });

  it('answers GET /users over 8,000 years with a 400 naming range, not a 116 MB body', async () => {
    const { status, body } = await get(`/users?from=${ABSURD.from}&to=${ABSURD.to}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid-data', field: 'range' });
    const trends = await get(`/users/u01/trends?from=2024-03-01T00:00:00Z&to=2025-03-01T00:00:00Z&granularity=hour`);
    expect(trends.status).toBe(400);
    expect(trends.body.error?.field).toBe('granularity');
    expect((await get(`/users?from=${q.range.from}&to=${q.range.to}&pageSize=${MAX_PAGE_SIZE + 1}`)).body.error?.field).toBe('pagination.pageSize');
  });
});

describe('D9: invalid filter values are refused, naming the filter', () => {
  it('refuses an object as a metadata filter value and an unknown trace status', async () => {
    const users = await rejection(provider.listUsers({ range: q.range, filters: [{ id: 'metadata.plan', value: { $ne: null } }] }));
    expect(users).toMatchObject({ code: 'invalid-data', field: 'filters[0].value' });
    const traces = await rejection(provider.listTraces({ ...q, filters: [{ id: 'model', value: 'x' }, { id: 'status', value: 'maybe' }] }));
    expect(traces).toMatchObject({ code: 'invalid-data', field: 'filters[1].value' });
  });

  it('answers the same over REST with a 400', async () => {
    const filters = encodeURIComponent(JSON.stringify([{ id: 'metadata.plan', value: { $ne: null } }]));
    const users = await get(`/users?from=${q.range.from}&to=${q.range.to}&filters=${filters}`);
    expect(users.status).toBe(400);
    expect(users.body.error?.field).toBe('filters[0].value');
    const status = encodeURIComponent(JSON.stringify([{ id: 'status', value: 'maybe' }]));
    const traces = await get(`/users/u01/traces?from=${q.range.from}&to=${q.range.to}&filters=${status}`);
    expect(traces.status).toBe(400);
    expect(traces.body.error?.field).toBe('filters[0].value');
  });

  it('still accepts every documented filter value', async () => {
    const filters = [
      { id: 'metadata.plan', value: ['pro', null, 1, true] },
      { id: 'status', value: ['ok', 'error'] },
      { id: 'attention', value: false },
    ];
    await expect(provider.listUsers({ range: q.range, filters })).resolves.toBeDefined();
    await expect(provider.listTraces({ ...q, filters: [{ id: 'status', value: ['ok', 'error'] }] })).resolves.toBeDefined();
  });
});

describe('D13: params of the wrong type are refused, naming them', () => {
  it('refuses a non-string search with invalid-data, not a TypeError', async () => {
    const error = await rejection(provider.listUsers({ range: q.range, search: 42 as unknown as string }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'search' });
  });

  it('validates the memory provider latencyMs option', () => {
    for (const latencyMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number]) {
      expect(() => createMemoryProvider({ ...contractDataset, validate: false, latencyMs })).toThrow(
        expect.objectContaining({ code: 'invalid-data', field: 'latencyMs' }),
      );
    }
  });
});
