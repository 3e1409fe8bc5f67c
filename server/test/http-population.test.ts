import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from 'userscope/adapters/demo';
import { createRestProvider } from 'userscope/adapters/rest';
import type { DataProvider } from 'userscope/core';
import { createSqlProvider, createUserscopeServer, ingest, type Database, type SqlProvider } from '../src/index';
import { duckdb } from './engines';

const now = '2026-11-01T00:00:00.000Z';
const range = { from: '2026-10-18T00:00:00.000Z', to: now };

describe('HTTP server: the population routes end to end (REST provider → node:http → SQL on DuckDB)', () => {
  let db: Database;
  let server: Server;
  let sql: SqlProvider;
  let rest: DataProvider;
  let userId: string;

  beforeAll(async () => {
    db = await duckdb.open();
    const data = createDemoDataset({ users: 30, now, days: 20 });
    const lost = data.traces.filter((t) => t.startTime >= range.from).slice(0, 5).map((t) => ({ ...t, id: `${t.id}-unattributed`, userId: null }));
    const report = await ingest(db, { ...data, traces: [...data.traces, ...lost] });
    expect(report.unattributedTraces).toBe(data.traces.filter((t) => t.userId === null).length + lost.length);
    sql = createSqlProvider(db);
    server = createUserscopeServer(sql);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    rest = createRestProvider({ baseUrl: `http://127.0.0.1:${port}/api`, retries: 0, usersSummary: true, usersDistribution: true, usersSegments: true });
    userId = (await sql.listUsers({ range })).rows[0]!.user.id;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it('answers summary, population, distribution and segments over HTTP exactly as the provider does', async () => {
    const summary = await rest.getUsersSummary!({ range });
    expect(summary).toEqual(await sql.getUsersSummary!({ range }));
    expect(summary.unattributedTraceCount).toBeGreaterThan(0);
    const metrics = await rest.getUserMetrics({ userId, range, compare: { population: true } });
    expect(metrics.population).toBeDefined();
    expect(metrics).toEqual(await sql.getUserMetrics({ userId, range, compare: { population: true } }));
    const distribution = { range, metric: 'costUsd' as const, binCount: 8, userId };
    expect(await rest.getUsersDistribution!(distribution)).toEqual(await sql.getUsersDistribution!(distribution));
    expect(await rest.getUsersSegments!({ range, key: 'plan', limit: 2 })).toEqual(await sql.getUsersSegments!({ range, key: 'plan', limit: 2 }));
  });

  it('refuses a bad param with the field named, as every engine does', async () => {
    await expect(rest.getUsersDistribution!({ range, metric: 'costUsd', binCount: 101 })).rejects.toMatchObject({ code: 'invalid-data', field: 'binCount' });
    await expect(rest.getUsersSegments!({ range, key: '' })).rejects.toMatchObject({ code: 'invalid-data', field: 'key' });
  });
});
