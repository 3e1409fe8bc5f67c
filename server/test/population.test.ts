import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace, User } from 'userscope/core';
import { createSqlProvider, ingest, type Database, type SqlProvider } from '../src/index';
import { ENGINES } from './engines';

const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
const trace = (id: string, userId: string | null, start: string, latencyMs: number, extra: Partial<Trace> = {}): Trace => ({
  id,
  userId,
  startTime: `${start}T10:00:00.000Z`,
  latencyMs,
  status: 'ok',
  ...extra,
});
const users: User[] = [
  { id: 'ann', metadata: { plan: 'pro', region: 'eu' } },
  { id: 'bob', metadata: { plan: 'free' } },
  { id: 'cy', metadata: { plan: 'pro' } },
];
const traces: Trace[] = [
  trace('a0', 'ann', '2025-12-20', 50, { costUsd: 0.5 }),
  trace('a1', 'ann', '2026-01-03', 100, { costUsd: 0.25 }),
  trace('a2', 'ann', '2026-01-04', 300, { status: 'error', errorType: 'timeout' }),
  trace('b1', 'bob', '2026-01-05', 200, { costUsd: 1 }),
  trace('b2', 'bob', '2026-01-06', 400, { costUsd: 2, conversationId: 'c1' }),
  trace('c0', 'cy', '2025-12-30', 900, { costUsd: 5 }),
  trace('u0', null, '2025-12-31', 9_000, { costUsd: 100 }),
  trace('u1', null, '2026-01-07', 9_000, { costUsd: 100, status: 'error' }),
  trace('u2', null, '2026-01-08', 9_000),
];

for (const engine of ENGINES) {
  describe(`unattributed traces, new users and the population on ${engine.name}`, () => {
    let db: Database;
    let sql: SqlProvider;
    beforeAll(async () => {
      db = await engine.open();
      const report = await ingest(db, { users, traces });
      expect(report).toMatchObject({ traces: 9, unattributedTraces: 3, duplicates: 0, skippedCount: 0 });
      sql = createSqlProvider(db);
    });
    afterAll(() => db.close());

    it('keeps a trace id unique across attributed and unattributed traces', async () => {
      const again = await ingest(db, { traces: [traces[7] as Trace, { ...(traces[8] as Trace), userId: 'ann' }, { ...(traces[1] as Trace), userId: null }] });
      expect(again).toMatchObject({ traces: 0, unattributedTraces: 0, duplicates: 3, skippedCount: 0 });
    });

    it('counts unattributed traces only in unattributedTraceCount, and new users by their first trace ever', async () => {
      expect(await sql.getUsersSummary!({ range })).toEqual({
        userCount: 3,
        activeUserCount: 2,
        newUserCount: 1,
        attentionUserCount: expect.any(Number),
        traceCount: 4,
        unattributedTraceCount: 2,
        errorRate: 0.25,
        costUsd: 3.25,
      });
      expect((await sql.listUsers({ range })).total).toBe(2);
    });

    it('answers the population: every attributed trace in range, aggregated as a cohort', async () => {
      const metrics = await sql.getUserMetrics({ userId: 'ann', range, compare: { population: true } });
      expect(metrics.population).toMatchObject({
        userCount: 2,
        traceCount: 4,
        conversationCount: 1,
        activeDays: 4,
        errorCount: 1,
        successRate: 0.75,
        topErrorType: 'timeout',
        latencyAvgMs: 250,
        latencyP50Ms: 250,
        costUsd: 3.25,
        costPerTraceUsd: 3.25 / 3,
      });
      // numpy linear over [100, 200, 300, 400]: rank 0.95 × 3 = 2.85.
      expect(metrics.population?.latencyP95Ms).toBeCloseTo(385, 9);
      expect((await sql.getUserMetrics({ userId: 'ann', range })).population).toBeUndefined();
    });
  });
}
