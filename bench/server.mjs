/**
 * Server benchmark (issue: @userscope/server). Side by side in one process, interleaved rounds, medians and spread:
 *  1. 1M traces / 100k users: users list first page (50) sorted by cost, p95 latency and name over 30 days —
 *     createSqlProvider on DuckDB and on ClickHouse (chdb) vs the memory provider without its range cache.
 *  2. 10M traces / 100k users: ingest into DuckDB (and chdb), the same list queries, one user's whole detail page
 *     (every method at once, as UserDetailPage asks), for a median and the heaviest user.
 *  3. Growth of the list's time from 1M to 10M.
 *
 *   npm run build && node --expose-gc bench/server.mjs [--traces 10000000] [--runs 5] [--engines duckdb,chdb]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryProvider } from 'userscope/adapters/memory';
import { compact, createSqlProvider, ingest, migrate, openDatabase } from '@userscope/server';
import { chunks, DAY, END } from './server/data.mjs';
import { fmt, interleaved, once } from './server/measure.mjs';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    traces: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '5' },
    engines: { type: 'string', default: 'duckdb,chdb' },
  },
});
const USERS = Number(args.users);
const BIG = Number(args.traces);
const RUNS = Number(args.runs);
const ENGINES = args.engines.split(',');
const RANGE = { from: new Date(END - 30 * DAY).toISOString(), to: new Date(END).toISOString() };
const SORTS = { cost: [{ id: 'costUsd', desc: true }], p95: [{ id: 'latencyP95Ms', desc: true }], name: [{ id: 'user', desc: false }] };
const dir = mkdtempSync(join(tmpdir(), 'userscope-bench-'));
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const log = (line = '') => console.log(line);

log(`# @userscope/server — node ${process.version}, ${cpus().length} cores, load average at start ${load()}`);

async function openEngine(name) {
  const db = await openDatabase(name === 'duckdb' ? `duckdb:${join(dir, 'bench.duckdb')}` : `chdb:${join(dir, 'chdb')}`);
  await migrate(db);
  return db;
}

async function fill(db, traceCount) {
  let total = 0;
  const t = performance.now();
  for (const chunk of chunks({ userCount: USERS, traceCount })) {
    const r = await ingest(db, chunk, { batchSize: 500_000 });
    total += r.traces;
    if (r.skippedCount > 0) throw new Error(`skipped ${r.skippedCount}: ${JSON.stringify(r.skipped.slice(0, 3))}`);
  }
  const ingestMs = performance.now() - t;
  const c = await once(() => compact(db));
  return { total, ingestMs, compactMs: c.ms };
}

const listCalls = (provider) =>
  Object.fromEntries(Object.entries(SORTS).map(([k, sorting]) => [k, () => provider.listUsers({ range: RANGE, sorting, pagination: { pageIndex: 0, pageSize: 50 } })]));

/** Every method of one user's detail page, at once. */
const detailPage = (p, userId) =>
  Promise.all([
    p.getUser({ userId }),
    p.getUserMetrics({ userId, range: RANGE }),
    p.getUserTrends({ userId, range: RANGE }),
    p.getModelUsage({ userId, range: RANGE }),
    p.getFeedback({ userId, range: RANGE }),
    p.listFeedbackComments({ userId, range: RANGE }),
    p.listConversations({ userId, range: RANGE }),
    p.listTraces({ userId, range: RANGE }),
  ]);

// ---------------------------------------------------------------- 1. 1M traces: SQL vs memory
log(`\n## 1M traces / ${USERS.toLocaleString('en')} users, 30 of 45 days, first page of 50`);
const small = [...chunks({ userCount: USERS, traceCount: 1_000_000 })][0];
const memory = createMemoryProvider({ ...small, usersCacheRanges: 0 });
await memory.listUsers({ range: RANGE }); // builds the index once (not timed here: bench/aggregate.mjs covers it)
const small1M = {};
const dbs = {};
for (const engine of ENGINES) {
  dbs[engine] = await openEngine(engine);
  const f = await fill(dbs[engine], 1_000_000);
  log(`${engine}: ingested ${f.total.toLocaleString('en')} traces in ${(f.ingestMs / 1000).toFixed(1)} s, compacted in ${(f.compactMs / 1000).toFixed(1)} s`);
}
for (const [sort, memoryCall] of Object.entries(listCalls(memory))) {
  const contenders = { memory: memoryCall };
  for (const engine of ENGINES) {
    contenders[`${engine} cold`] = listCalls(createSqlProvider(dbs[engine], { baselineTtlMs: 0 }))[sort];
    const warm = createSqlProvider(dbs[engine]);
    contenders[`${engine} warm`] = listCalls(warm)[sort];
  }
  const r = await interleaved(contenders, RUNS);
  small1M[sort] = r;
  const parts = Object.entries(r).map(([name, s]) => `${name} ${fmt(s)}${name === 'memory' ? '' : ` = ${(s.median / r.memory.median).toFixed(2)}× memory`}`);
  log(`- by ${sort}: ${parts.join('; ')} (load ${load()})`);
}

// ---------------------------------------------------------------- 2. 10M traces
log(`\n## ${(BIG / 1e6).toFixed(0)}M traces / ${USERS.toLocaleString('en')} users`);
for (const engine of ENGINES) {
  for (const t of ['traces', 'users', 'user_meta', 'feedback', 'user_first_seen']) await dbs[engine].exec(`TRUNCATE TABLE ${t}`);
  const f = await fill(dbs[engine], BIG);
  log(`${engine}: ingest ${(f.ingestMs / 1000).toFixed(1)} s for ${f.total.toLocaleString('en')} traces (goal ≤ 60 s on DuckDB), then compaction ${(f.compactMs / 1000).toFixed(1)} s (load ${load()})`);
  const cold = createSqlProvider(dbs[engine], { baselineTtlMs: 0 });
  const warm = createSqlProvider(dbs[engine]);
  for (const [sort] of Object.entries(SORTS)) {
    const r = await interleaved({ cold: listCalls(cold)[sort], warm: listCalls(warm)[sort] }, RUNS);
    const growth = r.cold.median / small1M[sort][`${engine} cold`].median;
    log(`- list by ${sort}: cold ${fmt(r.cold)}, warm baseline ${fmt(r.warm)} (goal ≤ 500 ms); growth 1M→10M ${growth.toFixed(2)}× (goal ≤ 3×) (load ${load()})`);
  }
  const byTraces = await warm.listUsers({ range: RANGE, sorting: [{ id: 'traceCount', desc: true }], pagination: { pageIndex: 0, pageSize: 1 } });
  const heaviest = byTraces.rows[0];
  const median = (await warm.listUsers({ range: RANGE, sorting: [{ id: 'traceCount', desc: true }], pagination: { pageIndex: 25_000, pageSize: 1 } })).rows[0];
  // A fresh provider per run: nothing shared with an earlier run (the page's own calls share loads, as in the app).
  const fresh = () => createSqlProvider(dbs[engine]);
  const d = await interleaved({ median: () => detailPage(fresh(), median.user.id), heaviest: () => detailPage(fresh(), heaviest.user.id) }, RUNS);
  log(
    `- detail page, every method at once: median user (${median.traceCount} traces in range) ${fmt(d.median)}; heaviest user ` +
      `(${heaviest.traceCount.toLocaleString('en')} traces) ${fmt(d.heaviest)} (goal ≤ 100 ms) (load ${load()})`,
  );
  await dbs[engine].close();
}
rmSync(dir, { recursive: true, force: true });
