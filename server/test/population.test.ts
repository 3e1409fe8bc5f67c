import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryProvider } from 'userscope/adapters/memory';
import type { DistributionMetric, Trace, User } from 'userscope/core';
import { diffValues } from '../../src/testing/contract/compare';
import { createSqlProvider, ingest, readSource, type Database, type SqlProvider } from '../src/index';
import { truncateAll } from './differential';
import { ENGINES } from './engines';

const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
const fixture = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../shared/fixtures/${path}`, import.meta.url)), 'utf8');
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

    it('bins the active users by cost on core\'s nice edges, and places a user', async () => {
      expect(await sql.getUsersDistribution!({ range, metric: 'costUsd', binCount: 5, userId: 'ann' })).toEqual({
        metric: 'costUsd',
        bins: [
          { from: 0, to: 1, userCount: 1 },
          { from: 1, to: 2, userCount: 0 },
          { from: 2, to: 3, userCount: 1 },
        ],
        userCount: 2,
        unknownCount: 0,
        position: { value: 0.25, aboveCount: 1 },
      });
      const inactive = await sql.getUsersDistribution!({ range, metric: 'costUsd', userId: 'cy' });
      expect(inactive.position).toEqual({ value: null, aboveCount: null });
      await expect(sql.getUsersDistribution!({ range, metric: 'costUsd', userId: 'zed' })).rejects.toMatchObject({ code: 'not-found', field: 'userId' });
      await expect(sql.getUsersDistribution!({ range, metric: 'median' as DistributionMetric })).rejects.toMatchObject({ code: 'invalid-data', field: 'metric' });
    });

    it('breaks the active users down by a metadata key, pooled per value', async () => {
      expect(await sql.getUsersSegments!({ range, key: 'region' })).toEqual({
        key: 'region',
        segments: [
          { value: 'eu', userCount: 1, traceCount: 2, errorRate: 0.5, latencyP50Ms: 200, latencyP95Ms: 290, costUsd: 0.25, costPerTraceUsd: 0.25 },
          { value: null, userCount: 1, traceCount: 2, errorRate: 0, latencyP50Ms: 300, latencyP95Ms: 390, costUsd: 3, costPerTraceUsd: 1.5 },
        ],
        omittedCount: 0,
      });
      // pro and free tie on 2 traces: both leave SQL, the tie-break (value as text) keeps free.
      const first = await sql.getUsersSegments!({ range, key: 'plan', limit: 1 });
      expect([first.segments.map((x) => x.value), first.omittedCount]).toEqual([['free'], 1]);
    });

    it('answers distributions and segments as the memory provider does', async () => {
      const memory = createMemoryProvider({ users, traces });
      const wide = { from: '2025-12-01T00:00:00.000Z', to: range.to };
      const problems: string[] = [];
      for (const r of [range, wide]) {
        for (const metric of ['costUsd', 'traceCount', 'errorRate', 'latencyP95Ms'] as const) {
          for (const binCount of [1, 3, 20]) {
            const params = { range: r, metric, binCount, userId: 'ann' };
            diffValues(await sql.getUsersDistribution!(params), await memory.getUsersDistribution!(params), `${metric}/${binCount}`, problems);
          }
        }
        for (const key of ['plan', 'region', 'none']) {
          diffValues(await sql.getUsersSegments!({ range: r, key }), await memory.getUsersSegments!({ range: r, key }), key, problems);
        }
      }
      expect(problems).toEqual([]);
    });

    it('bins a cost on the memory engine\'s side of an edge even where the engine\'s own sum lands on the other', async () => {
      await truncateAll(db);
      // In start order 0.01 + 0.01 + 0.18 = 0.19999999999999998 (the memory engine); stored newest first, DuckDB's sum()
      // adds them the other way round and gets 0.2, the edge between the two bins.
      const costs = [0.18, 0.01, 0.01].map((costUsd, i) => trace(`e${i}`, 'ann', `2026-01-0${3 - i}`, 100, { costUsd }));
      await ingest(db, { users, traces: [...costs, trace('f0', 'bob', '2026-01-05', 100, { costUsd: 0 }), trace('g0', 'cy', '2026-01-05', 100, { costUsd: 0.4 })] });
      if (engine.name === 'DuckDB') {
        const [row] = await db.query({ text: "SELECT sum(cost_usd) AS s FROM traces WHERE user_id = 'ann'", params: {} });
        expect(row?.s).toBe(0.2);
      }
      const answer = await sql.getUsersDistribution!({ range, metric: 'costUsd', binCount: 2, userId: 'ann' });
      expect(answer.bins).toEqual([
        { from: 0, to: 0.2, userCount: 2 },
        { from: 0.2, to: 0.4, userCount: 1 },
      ]);
      expect(answer.position).toEqual({ value: 0.19999999999999998, aboveCount: 1 });
    });

    it('keeps the OTLP spans and Langfuse traces that carry no user id, unattributed', async () => {
      await truncateAll(db);
      const otlp = readSource(fixture('otlp/opentelemetry-proto-example.trace.json'), 'otlp.json');
      const langfuse = JSON.parse(fixture('langfuse/autogen-2025-06-06.trace.json')) as { trace: { userId?: string | null } };
      langfuse.trace.userId = null;
      const fromLangfuse = readSource(langfuse, 'langfuse.json');
      for (const source of [otlp, fromLangfuse]) {
        expect(source.input.observedUsers).toEqual([]);
        const report = await ingest(db, source.input);
        expect(report).toMatchObject({ traces: source.input.traces?.length, unattributedTraces: source.input.traces?.length, users: 0 });
        expect(report.traces).toBeGreaterThan(0);
      }
      expect((await sql.listUsers({ range: { from: '2018-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' } })).total).toBe(0);
    });
  });
}
