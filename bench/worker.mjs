/**
 * Worker provider benchmark (issue 19): the memory provider in the main thread vs the worker provider, side by side
 * in one run, at each size: main-thread busy time, longest main-thread task and total blocking time while the
 * dataset loads (validation + index build + first users list), total time to the first users list, the first query
 * of a new range and of a cohort; and the minimal work any engine does on those rows (one Map by trace id, one
 * Date.parse per trace) measured in the same run, so the load can be read as a multiple of it. Each size runs once per
 * workload (`lib/workloads.mjs`: the rows structured-cloned, through JSON, or as generated), each workload with its
 * own minimal work on its own rows, and only those rows in the heap. The minimal work and the in-thread load run
 * `--rounds` times in turn (this machine is shared: one pair alone can be off by ±0.4×); the table shows the round
 * whose load / minimal ratio is the median, and every round's ratio is printed below it. The worker runs once.
 *
 *   node --expose-gc bench/worker.mjs [--sizes 100000,1000000] [--workloads cloned,json,generated] [--rounds 3] [--users-per-trace 0.1]
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { syntheticDataset } from './lib/dataset.mjs';
import { WORKLOADS, workloadRows } from './lib/workloads.mjs';
import { watchMainThread } from './worker/main-thread-probe.mjs';
import { loadProviders } from './worker/load-providers.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    workloads: { type: 'string', default: WORKLOADS.join(',') },
    'users-per-trace': { type: 'string', default: '0.1' },
    rounds: { type: 'string', default: '3' },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const WORKLOAD_NAMES = args.workloads.split(',');
const ROUNDS = Math.max(1, Number(args.rounds));
const DAY = 86_400_000;
const END = Date.UTC(2025, 2, 1);
const iso = (ms) => new Date(ms).toISOString();
const FIRST = { from: iso(END - 30 * DAY), to: iso(END) };
const NEW_RANGE = { from: iso(END - 7 * DAY), to: iso(END) };
const COHORT_RANGE = { from: iso(END - 14 * DAY), to: iso(END) };

const gc = () => globalThis.gc?.();
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
/** The middle value (the upper one of an even count). */
const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];

/** One Map by trace id and one Date.parse per trace: the least any engine does with the rows. */
function minimalWork(traces) {
  gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const byId = new Map();
  for (const t of traces) byId.set(t.id, Date.parse(t.startTime));
  const ms = performance.now() - started;
  if (byId.size !== traces.length) throw new Error('duplicate trace ids');
  return { ms, cpuMs: cpuMs(cpu) };
}

/** Process CPU time (every thread) since `since`, in ms: steadier than wall time on a shared machine. */
function cpuMs(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Loads `data` with `create`, then asks the first users list, a new range and a cohort; main-thread figures. */
async function measure(create, data) {
  gc();
  const probe = watchMainThread();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const provider = create(data);
  const first = await provider.listUsers({ range: FIRST });
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMs(cpu);
  const main = probe.stop();
  let t = performance.now();
  const second = await provider.listUsers({ range: NEW_RANGE });
  const newRangeMs = performance.now() - t;
  const someone = first.rows[0].user.id;
  t = performance.now();
  const metrics = await provider.getUserMetrics({ userId: someone, range: COHORT_RANGE, compare: { cohort: { key: 'plan', value: 'pro' } } });
  const cohortMs = performance.now() - t;
  provider.terminate?.();
  // The memory provider orders users by name once the thread is idle after its first answer: let that run here,
  // outside every measured window, not in the next measurement's.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { loadMs, loadCpuMs, ...main, newRangeMs, cohortMs, answer: JSON.stringify([first.total, first.rows.map((r) => r.user.id), second.total, metrics.cohort]) };
}

const { createMemoryProvider, createWorkerProvider } = await loadProviders();
console.log(`worker provider vs in-thread memory provider — node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);

const results = [];
for (const traceCount of SIZES) {
  const userCount = Math.max(1, Math.round(traceCount * Number(args['users-per-trace'])));
  let sameAnswer;
  for (const workload of WORKLOAD_NAMES) {
    gc();
    // Generated afresh for each workload, and dropped once copied: the heap holds the measured rows only.
    const data = workloadRows(syntheticDataset({ userCount, traceCount, days: 45, end: END }), workload);
    gc();
    // The minimal work and the in-thread load in turn, `ROUNDS` times; the median round by ratio is kept.
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push({ minimal: minimalWork(data.traces), inThread: await measure((d) => createMemoryProvider(d), data) });
    const wallRatio = (round) => round.inThread.loadMs / round.minimal.ms;
    const cpuRatio = (round) => round.inThread.loadCpuMs / round.minimal.cpuMs;
    const { minimal, inThread } = [...rounds].sort((a, b) => wallRatio(a) - wallRatio(b))[rounds.length >> 1];
    const worker = await measure((d) => createWorkerProvider(d), data);
    const perRound = rounds.map((round) => `${wallRatio(round).toFixed(2)} / ${cpuRatio(round).toFixed(2)}`).join(', ');
    sameAnswer ??= inThread.answer;
    // Every round's in-thread answer (the one the table shows among them) and the worker's.
    if ([...rounds.map((round) => round.inThread), worker].some((m) => m.answer !== sameAnswer)) throw new Error(`different answers at ${traceCount} traces (${workload})`);
    results.push({ traceCount, workload, minimal, inThread, worker, perRound, rounds });
    console.log(`${traceCount.toLocaleString('en')} traces, ${workload} rows done (load average ${loadavg()[0].toFixed(1)})`);
  }
}

console.log('');
console.log('| traces | rows | provider | main thread busy (ms) | longest main-thread task (ms) | blocking > 50 ms (ms) | load + first list (ms) | × minimal work (wall) | load CPU (ms) | × minimal work (CPU) | new range (ms) | new cohort (ms) |');
console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  for (const [name, m] of [['in-thread', r.inThread], ['worker', r.worker]]) {
    console.log(
      `| ${r.traceCount.toLocaleString('en')} | ${r.workload} | ${name} | ${fmt(m.busyMs)} | ${fmt(m.longestTaskMs)} | ${fmt(m.blockingMs)} | ${fmt(m.loadMs)} | ${(m.loadMs / r.minimal.ms).toFixed(2)} | ${fmt(m.loadCpuMs)} | ${(m.loadCpuMs / r.minimal.cpuMs).toFixed(2)} | ${fmt(m.newRangeMs)} | ${fmt(m.cohortMs)} |`,
    );
  }
}
console.log('');
console.log(`In-thread load × minimal work, wall / CPU, each of ${ROUNDS} round(s) (the table shows the median by wall):`);
for (const r of results) console.log(`- ${r.traceCount.toLocaleString('en')} ${r.workload}: ${r.perRound}`);
console.log('');
for (const workload of WORKLOAD_NAMES) {
  const rows = results.filter((r) => r.workload === workload);
  console.log(`${workload} rows, minimal work (Map by trace id + Date.parse): ${rows.map((r) => `${r.traceCount.toLocaleString('en')} → ${fmt(r.minimal.ms)} ms (CPU ${fmt(r.minimal.cpuMs)} ms)`).join(', ')}`);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const growth = (m) => `${(b[m].loadMs / a[m].loadMs).toFixed(2)} (CPU ×${(b[m].loadCpuMs / a[m].loadCpuMs).toFixed(2)})`;
    const medianGrowth = (pick) => (median(b.rounds.map(pick)) / median(a.rounds.map(pick))).toFixed(2);
    console.log(
      `  growth ${a.traceCount.toLocaleString('en')} → ${b.traceCount.toLocaleString('en')} (×${b.traceCount / a.traceCount} data): in-thread load ×${growth('inThread')}, worker load ×${growth('worker')}, minimal work ×${(b.minimal.ms / a.minimal.ms).toFixed(2)} (CPU ×${(b.minimal.cpuMs / a.minimal.cpuMs).toFixed(2)})`,
    );
    console.log(
      `  the same growth from each size's median over its ${ROUNDS} round(s): in-thread load ×${medianGrowth((r) => r.inThread.loadMs)} (CPU ×${medianGrowth((r) => r.inThread.loadCpuMs)}), minimal work ×${medianGrowth((r) => r.minimal.ms)} (CPU ×${medianGrowth((r) => r.minimal.cpuMs)})`,
    );
  }
}
console.log(`same answers from both providers and every workload: yes; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
