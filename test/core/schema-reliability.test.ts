// Issue 18: nothing is dropped silently (D8 `__proto__` keys) and records that contradict themselves are refused
// naming both fields (D11).
import { describe, expect, it } from 'vitest';
import { createRestProvider } from '../../src/adapters/rest/rest-provider';
import { parseDataset } from '../../src/core/schema/validate';
import { failure } from '../provider-errors';

const user = { id: 'u1', metadata: { plan: 'pro' } };
const trace = { id: 't1', userId: 'u1', startTime: '2025-03-03T10:00:00.000Z', latencyMs: 1200, status: 'ok' };
const feedback = { id: 'f1', traceId: 't1', userId: 'u1', key: 'thumbs', value: true, createdAt: '2025-03-03T10:05:00.000Z' };

describe('D8: a __proto__ metadata key is never dropped silently', () => {
  it('refuses it in a dataset, naming the key', () => {
    const users = JSON.parse('[{"id":"u1","metadata":{"__proto__":"evil","plan":"pro"}}]') as unknown;
    const error = failure(() => parseDataset({ users, traces: [] }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'users[0].metadata.__proto__' });
  });

  it('refuses it in a REST answer', async () => {
    const body = '{"id":"u1","metadata":{"__proto__":{"isAdmin":true}}}';
    const fetch = (async () => new Response(body, { headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;
    const provider = createRestProvider({ baseUrl: 'http://x.test', fetch, retries: 0 });
    await expect(provider.getUser({ userId: 'u1' })).rejects.toMatchObject({ code: 'invalid-data', field: 'metadata.__proto__' });
  });
});

describe('D11: cross-field checks name both fields', () => {
  it('refuses a trace that ends before it starts', () => {
    const error = failure(() => parseDataset({ users: [user], traces: [{ ...trace, endTime: '2025-03-03T09:59:59.000Z' }] }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'traces[0].endTime' });
    expect(error.message).toContain('traces[0].startTime');
  });

  it('refuses a user first seen after last seen', () => {
    const bad = { ...user, firstSeen: '2025-03-04T00:00:00.000Z', lastSeen: '2025-03-03T00:00:00.000Z' };
    const error = failure(() => parseDataset({ users: [bad], traces: [] }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'users[0].lastSeen' });
    expect(error.message).toContain('users[0].firstSeen');
  });

  it('refuses feedback created before its trace started', () => {
    const error = failure(() => parseDataset({ users: [user], traces: [trace], feedback: [{ ...feedback, createdAt: '2025-03-03T09:00:00.000Z' }] }));
    expect(error).toMatchObject({ code: 'invalid-data', field: 'feedback[0].createdAt' });
    expect(error.message).toContain('traces[0].startTime');
  });

  it('accepts consistent records, and an end equal to the start', () => {
    const same = { ...trace, endTime: trace.startTime, latencyMs: 0 };
    expect(() => parseDataset({ users: [user], traces: [same], feedback: [{ ...feedback, createdAt: trace.startTime }] })).not.toThrow();
  });
});
