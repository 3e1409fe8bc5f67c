import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace, User } from 'userscope/core';
import { createSqlProvider, ingest, migrate, type Database } from '../src/index';
import { truncateAll } from './differential';
import { ENGINES } from './engines';

const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
const trace = (id: string, userId: string, day: number, extra: Partial<Trace> = {}): Trace => ({
  id,
  userId,
  startTime: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  latencyMs: 100 * day,
  status: 'ok',
  costUsd: 0.01,
  ...extra,
});
const ann: User = { id: 'ann', displayName: 'Ann', metadata: { plan: 'pro' } };

for (const engine of ENGINES) {
  describe(`ingest on ${engine.name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await engine.open();
    });
    afterAll(() => db.close());

    it('migrations are idempotent: a second run applies nothing', async () => {
      expect(await migrate(db)).toEqual([]);
    });

    it('skips each bad record with its path and the field, and writes the rest', async () => {
      await truncateAll(db);
      const report = await ingest(db, {
        users: [ann, { id: '', metadata: {} }],
        traces: [trace('t1', 'ann', 2), { ...trace('t2', 'ann', 3), latencyMs: 'slow' }, trace('t1', 'ann', 4), trace('t3', 'bob', 5)],
        feedback: [{ id: 'f1', traceId: 't1', userId: 'ann', key: 'thumbs', value: true, createdAt: '2026-01-02T11:00:00.000Z' }, { id: 'f2' }],
      });
      expect(report).toMatchObject({ traces: 2, feedback: 1, users: 2, duplicates: 0, skippedCount: 4 });
      expect(report.skipped.map((s) => s.path)).toEqual(['users[1]', 'traces[1]', 'traces[2]', 'feedback[1]']);
      expect(report.skipped[1]?.reason).toMatch(/traces\[1\]\.latencyMs/);
      expect(report.skipped[2]?.reason).toMatch(/duplicate trace id "t1"/);
      const sql = createSqlProvider(db);
      expect(await sql.getUser({ userId: 'bob' })).toEqual({ id: 'bob', metadata: {} });
      expect((await sql.listUsers({ range })).total).toBe(2);
    });

    it('never counts a re-sent trace or feedback twice, and keeps first-seen and figures unchanged', async () => {
      const again = await ingest(db, { traces: [trace('t1', 'ann', 2), trace('t4', 'ann', 6)], feedback: [{ id: 'f1', traceId: 't1', userId: 'ann', key: 'thumbs', value: true, createdAt: '2026-01-02T11:00:00.000Z' }] });
      expect(again).toMatchObject({ traces: 1, feedback: 0, duplicates: 2, skippedCount: 0 });
      const sql = createSqlProvider(db);
      const metrics = await sql.getUserMetrics({ userId: 'ann', range });
      expect(metrics.current.traceCount).toBe(2);
      expect(metrics.current.costUsd).toBeCloseTo(0.02, 12);
      expect((await sql.getUsersSummary!({ range })).userCount).toBe(2);
      expect((await sql.getFeedback({ userId: 'ann', range })).summary.count).toBe(1);
    });

    it('a user record replaces the stored one; users an importer derived never overwrite it', async () => {
      await ingest(db, { users: [{ ...ann, metadata: { plan: 'team' } }], observedUsers: [{ id: 'ann', metadata: {} }, { id: 'cy', metadata: {} }] });
      const sql = createSqlProvider(db);
      expect((await sql.getUser({ userId: 'ann' })).metadata).toEqual({ plan: 'team' });
      expect(await sql.getUser({ userId: 'cy' })).toEqual({ id: 'cy', metadata: {} });
      const page = await sql.listUsers({ range, filters: [{ id: 'metadata.plan', value: 'team' }] });
      expect(page.rows.map((r) => r.user.id)).toEqual(['ann']);
    });

    it('keeps feedback that arrives before its trace, and joins it once the trace comes', async () => {
      await ingest(db, { feedback: [{ id: 'f9', traceId: 't9', userId: 'bob', key: 'stars', value: 4, score: 0.75, createdAt: '2026-01-07T00:00:00.000Z' }] });
      const sql = createSqlProvider(db);
      expect((await sql.getFeedback({ userId: 'bob', range })).summary.count).toBe(1);
      let bob = (await sql.listUsers({ range, search: 'bob' })).rows[0];
      expect(bob?.feedbackAvgScore).toBeNull();
      await ingest(db, { traces: [trace('t9', 'bob', 7)] });
      bob = (await sql.listUsers({ range, search: 'bob' })).rows[0];
      expect(bob?.feedbackAvgScore).toBe(0.75);
    });

    it('an aborted signal rejects with ProviderError("aborted")', async () => {
      const sql = createSqlProvider(db);
      const controller = new AbortController();
      const pending = sql.listUsers({ range, signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    });
  });
}
