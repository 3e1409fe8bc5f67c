/**
 * Quick measurement (issue 17): getUsersDistribution and getUsersSegments over 30 days of 1M traces / 100k users,
 * createSqlProvider on DuckDB against the memory provider, side by side in one run (interleaved rounds, medians).
 * Not the full server bench (bench/server.mjs).
 *
 *   npm run build && node --expose-gc server/bench/population.mjs [--traces 1000000] [--runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryProvider } from 'userscope/adapters/memory';
import { compact, createSqlProvider, ingest, migrate, openDatabase } from '@userscope/server';
import { chunks, DAY, END } from '../../bench/server/data.mjs';
import { fmt, interleaved } from '../../bench/server/measure.mjs';

const { values: args } = parseArgs({ options: { users: { type: 'string', default: '100000' }, traces: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } } });
const range = { from: new Date(END - 30 * DAY).toISOString(), to: new Date(END).toISOString() };
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const data = [...chunks({ userCount: Number(args.users), traceCount: Number(args.traces) })][0];
const dir = mkdtempSync(join(tmpdir(), 'userscope-population-'));
const db = await openDatabase(`duckdb:${join(dir, 'bench.duckdb')}`);
await migrate(db);
await ingest(db, data, { batchSize: 500_000 });
await compact(db);
const sql = createSqlProvider(db);
const memory = createMemoryProvider({ ...data, usersCacheRanges: 0 });
await memory.listUsers({ range }); // the index is built once, as in a running app
console.log(`# ${data.traces.length.toLocaleString('en')} traces, ${data.users.length.toLocaleString('en')} users, 30 days; load at start ${load()}`);
const calls = {
  'distribution costUsd': (p) => p.getUsersDistribution({ range, metric: 'costUsd', userId: data.users[0].id }),
  'distribution latencyP95Ms': (p) => p.getUsersDistribution({ range, metric: 'latencyP95Ms' }),
  'segments plan': (p) => p.getUsersSegments({ range, key: 'plan' }),
  'segments region': (p) => p.getUsersSegments({ range, key: 'region' }),
};
for (const [name, call] of Object.entries(calls)) {
  const r = await interleaved({ memory: () => call(memory), duckdb: () => call(sql) }, Number(args.runs));
  console.log(`- ${name}: memory ${fmt(r.memory)}; DuckDB ${fmt(r.duckdb)} = ${(r.duckdb.median / r.memory.median).toFixed(2)}× memory (load ${load()})`);
}
await db.close();
rmSync(dir, { recursive: true, force: true });
