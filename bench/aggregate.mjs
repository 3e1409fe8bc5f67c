/**
 * listUsers benchmark: 1M traces / 100k users, 30-day range, first page of 50 by last seen (the default list).
 * Side by side in one process: userscope's engine (`queryUsers` over a built `TraceIndex`), a straightforward
 * row-object implementation (grouping per query, and pre-grouped) and arquero. Median of warm runs.
 *
 *   node bench/aggregate.mjs [--users 100000] [--traces 1000000] [--runs 5]
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { listUsersArquero, arqueroTable } from './lib/arquero-baseline.mjs';
import { syntheticDataset } from './lib/dataset.mjs';
import { loadCore } from './lib/load-core.mjs';
import { groupRows, listUsersGroupPerQuery, listUsersPreGrouped } from './lib/row-baseline.mjs';

const { values: args } = parseArgs({
  options: { users: { type: 'string', default: '100000' }, traces: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } },
});
const USERS = Number(args.users);
const TRACES = Number(args.traces);
const RUNS = Number(args.runs);
const DAY = 86_400_000;
const END = Date.UTC(2025, 2, 1);
const RANGE = { from: END - 30 * DAY, to: END };

/** Runs `fn` `warmup` times, then `runs` times; returns the median and min in ms and the last result. */
function measure(fn, runs, warmup) {
  let result;
  for (let i = 0; i < warmup; i++) result = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], result };
}

const fmt = (ms) => ms.toFixed(1).padStart(9);
const ids = (page) => page.rows.map((r) => r.user?.id ?? r.userId).join(',');

const { core, source } = await loadCore();
let t = performance.now();
const data = syntheticDataset({ userCount: USERS, traceCount: TRACES, days: 45, end: END });
const genMs = performance.now() - t;
console.log(`listUsers — ${TRACES.toLocaleString('en')} traces / ${USERS.toLocaleString('en')} users, 30 of 45 days, first page of 50 by lastSeen desc`);
console.log(`node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, engine from ${source}`);
console.log(`data generated in ${genMs.toFixed(0)} ms; queries: ${RUNS} measured runs after 2 warm-ups (ours) or 1 (baselines)${globalThis.gc ? ', gc between runs' : ''}`);

const build = measure(() => core.buildTraceIndex(data.users, data.traces, data.feedback), 3, 0);
const idx = build.result;
const grouped = measure(() => groupRows(data.users, data.traces, data.feedback), 3, 0);
const table = measure(() => arqueroTable(data.traces), 3, 0);

const ours = measure(() => core.queryUsers(idx, { range: RANGE }), RUNS, 2);
const rowsPerQuery = measure(() => listUsersGroupPerQuery(data.users, data.traces, data.feedback, RANGE), RUNS, 1);
const rowsPre = measure(() => listUsersPreGrouped(grouped.result, RANGE), RUNS, 1);
const arq = measure(() => listUsersArquero(table.result, RANGE), RUNS, 1);

const same = new Set([ids(ours.result), ids(rowsPerQuery.result), ids(rowsPre.result), ids(arq.result)]).size === 1;
const totals = [ours, rowsPerQuery, rowsPre, arq].map((m) => m.result.total);

console.log('');
console.log('| implementation                         | prepare (ms) | query median (ms) | query min (ms) | ours / it |');
console.log('|----------------------------------------|-------------:|------------------:|---------------:|----------:|');
const line = (name, prep, m) =>
  console.log(`| ${name.padEnd(38)} | ${prep === null ? '        —' : fmt(prep)}    | ${fmt(m.median)}         | ${fmt(m.min)}      | ${m === ours ? '        —' : (ours.median / m.median).toFixed(3).padStart(9)} |`);
line('userscope queryUsers (TraceIndex)', build.median, ours);
line('row objects, Map grouping per query', null, rowsPerQuery);
line('row objects, pre-grouped Map', grouped.median, rowsPre);
line('arquero 8 (groupby/rollup/orderby)', table.median, arq);
console.log('');
console.log(`prepare = one-time build (TraceIndex / Map of parsed rows / arquero table), median of 3 cold runs.`);
console.log(`same first page in all four: ${same ? 'yes' : 'NO'}; totals ${totals.join(' / ')}`);
console.log(`ratios: ours / row-object (group per query) = ${(ours.median / rowsPerQuery.median).toFixed(3)}, ours / row-object (pre-grouped) = ${(ours.median / rowsPre.median).toFixed(3)}, ours / arquero = ${(ours.median / arq.median).toFixed(3)}`);
if (!same) process.exitCode = 1;
