// UsersTable vs AG Grid Community on the same 100k users, in Debian chromium: mount time, string-column sort time
// and JS heap, median of RUNS fresh pages each. Usage: node bench/users-table/run.mjs  (env: RUNS=5 N=100000;
// PROFILE=<dir> adds one paged run with a CPU profile of the sort, saved there, and prints its top self times)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from '../../scripts/static-server.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const N = Number(process.env.N ?? 100_000);
const PAGED = 50;
const PROFILE = process.env.PROFILE;
const here = dirname(fileURLToPath(import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'userscope-bench-users-table-'));

await build({ root: here, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
const server = await serveStatic(outDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});

/** Used JS heap after a full GC, in bytes. */
async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** One fresh page: prepare the data, measure heap, mount, measure heap, sort (CPU-profiled when `profile`). */
async function run(grid, pageSize, profile = false) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.url}/index.html?grid=${grid}&n=${N}&pageSize=${pageSize}`);
  await page.waitForFunction(() => window.bench !== undefined);
  const prepared = await page.evaluate(() => window.bench.prepare(), undefined, { timeout: 300_000 });
  const heapBefore = await heap(cdp);
  const mountMs = await page.evaluate(() => window.bench.mount());
  await page.waitForTimeout(300);
  const heapAfter = await heap(cdp);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const sorted = await page.evaluate(() => window.bench.sort());
  const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
  await page.close();
  if (errors.length) throw new Error(`${grid}: ${errors.join(' | ')}`);
  return { cpuProfile, rows: prepared.rows, mountMs, sortMs: sorted.ms, providerMs: sorted.providerMs, tableMs: sorted.tableMs, first: sorted.first, heapTotal: heapAfter, heapGrid: heapAfter - heapBefore };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (bytes) => (bytes / 1048576).toFixed(1);

/** Self time per function (ms) of a CDP CPU profile, largest first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const { callFrame } = byId.get(id);
    const file = callFrame.url.split('/').pop();
    const key = `${callFrame.functionName || '(anonymous)'} ${file ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim();
    totals.set(key, (totals.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const results = { ours: [], ag: [], paged: [] };
let profiled;
try {
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so drift (thermal, caches) hits both grids alike.
    results.ours.push(await run('ours', N));
    results.ag.push(await run('ag', N));
    results.paged.push(await run('ours', PAGED));
    console.error(`run ${i + 1}/${RUNS} done`);
  }
  if (PROFILE) profiled = await run('ours', PAGED, true);
} finally {
  await browser.close();
  await server.close();
  await rm(outDir, { recursive: true, force: true });
}

const summary = (list) => ({
  mount: median(list.map((r) => r.mountMs)),
  sort: median(list.map((r) => r.sortMs)),
  heapGrid: median(list.map((r) => r.heapGrid)),
  heapTotal: median(list.map((r) => r.heapTotal)),
  provider: median(list.map((r) => r.providerMs ?? 0)),
  table: median(list.map((r) => r.tableMs ?? 0)),
  sorts: list.map((r) => Math.round(r.sortMs)).join(', '),
  mounts: list.map((r) => Math.round(r.mountMs)).join(', '),
});
const ours = summary(results.ours);
const ag = summary(results.ag);
const paged = summary(results.paged);
const firstOurs = results.ours[0].first;
const firstAg = results.ag[0].first;

console.log(`UsersTable vs AG Grid Community 36.2.0: ${results.ours[0].rows.toLocaleString('en-US')} users, median of ${RUNS} fresh pages, Debian chromium headless`);
console.log('');
console.log('| measure | UsersTable | AG Grid | ratio (ours / AG) |');
console.log('|---|---|---|---|');
console.log(`| mount to first paint (ms) | ${ours.mount.toFixed(0)} | ${ag.mount.toFixed(0)} | ${(ours.mount / ag.mount).toFixed(2)} |`);
console.log(`| sort by user, click to paint (ms) | ${ours.sort.toFixed(0)} | ${ag.sort.toFixed(0)} | ${(ours.sort / ag.sort).toFixed(2)} |`);
console.log(`| JS heap added by the grid (MB) | ${mb(ours.heapGrid)} | ${mb(ag.heapGrid)} | ${(ours.heapGrid / ag.heapGrid).toFixed(2)} |`);
console.log(`| JS heap total after mount (MB) | ${mb(ours.heapTotal)} | ${mb(ag.heapTotal)} | ${(ours.heapTotal / ag.heapTotal).toFixed(2)} |`);
console.log(`| sort by user, ${PAGED}-row pages as UsersPage asks (ms) | ${paged.sort.toFixed(0)} | — | ${(paged.sort / ag.sort).toFixed(2)} |`);
console.log(`| of which listUsers in the engine, full / paged (ms) | ${ours.provider.toFixed(0)} / ${paged.provider.toFixed(0)} | — | — |`);
console.log(`| of which the table (click to request + answer to paint), full / paged (ms) | ${ours.table.toFixed(0)} / ${paged.table.toFixed(0)} | — | — |`);
console.log('');
console.log(`runs, mount ms: ours ${ours.mounts}; AG ${ag.mounts}`);
console.log(`runs, sort ms: ours ${ours.sorts}; AG ${ag.sorts}; ours paged ${paged.sorts}`);
console.log(`runs, listUsers / table ms, paged: ${results.paged.map((r) => `${Math.round(r.providerMs)} / ${Math.round(r.tableMs)}`).join(', ')}`);
console.log(`first row after sort: ours ${firstOurs}, AG ${firstAg} (${firstOurs === firstAg ? "the same" : "DIFFERENT"}: both order names by Intl.Collator("en"), ties by id)`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (profiled) {
  await mkdir(PROFILE, { recursive: true });
  const file = join(PROFILE, 'paged-sort.cpuprofile');
  await writeFile(file, JSON.stringify(profiled.cpuProfile));
  console.log('');
  console.log(`profiled paged sort: ${profiled.sortMs.toFixed(0)} ms (listUsers ${profiled.providerMs.toFixed(0)} ms, table ${profiled.tableMs.toFixed(0)} ms); profile in ${file}; top self times:`);
  for (const [name, ms] of selfTimes(profiled.cpuProfile).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}
