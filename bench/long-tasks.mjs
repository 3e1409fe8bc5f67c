/**
 * Main-thread long tasks in Chromium (issue 19): the `Worker/UsersPage` stories — the users page over the worker
 * provider, with the dataset generated in the worker, and over the in-thread memory provider — at the same size,
 * side by side. The stories mount the pages as a host's routes (code-split, navigated in transitions). For each, a PerformanceObserver `longtask` (installed before the page's scripts) records every task
 * over 50 ms while Storybook boots (navigation → the page's loading state painted), while the dataset loads (→ first
 * rows painted) and during each interaction: sort by user, next page,
 * open a user (→ the detail page's sections settled), back to the list. Also the click → painted time of each, and
 * the same tasks by their thread CPU time from a Chromium trace (robust to a loaded machine descheduling the thread).
 *
 *   npm run build-storybook && node bench/long-tasks.mjs [--traces 1000000] [--users 100000]
 *
 * Needs a built Storybook (storybook-static, with the Worker stories) and Debian's Chromium (CHROMIUM_PATH overrides
 * /usr/bin/chromium). TRACE_OUT=<prefix> keeps each story's Chromium trace as <prefix>-<story id>.json; TRACE_PROFILE=1 adds V8 samples to it;
 * ONLY=worker|in-thread measures one story.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';

const { values: args } = parseArgs({
  options: {
    traces: { type: 'string', default: '1000000' },
    users: { type: 'string', default: '100000' },
    dir: { type: 'string', default: 'storybook-static' },
  },
});
const STORIES = [
  ['worker', 'worker-userspage--in-worker'],
  ['in-thread', 'worker-userspage--in-thread'],
].filter(([name]) => !process.env.ONLY || name === process.env.ONLY);
const LOAD_TIMEOUT_MS = 600_000;
const STEP_TIMEOUT_MS = 120_000;

if (!existsSync(`${args.dir}/index.json`) || !STORIES.every(([, id]) => readFileSync(`${args.dir}/index.json`, 'utf8').includes(`"${id}"`))) {
  console.log(`long-tasks: skipped — no built Storybook with the Worker stories in ${args.dir} (run \`npm run build-storybook\` first)`);
  process.exit(0);
}

/** Runs in the page before its scripts: keeps every long task. */
function observeLongTasks() {
  // Storybook's highlight overlay (core, for addons) watches the story root and, on every DOM change, runs
  // getComputedStyle over every element to find scrollers: 5–15 ms added to each task of the page under test. A
  // host app has no such overlay, so it is switched off here (its own guard flag) to measure userscope alone.
  globalThis.__STORYBOOK_HIGHLIGHT_INITIALIZED = true;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Runs in the page: resolves once `ready()` holds, then after the next paint; returns performance.now(). */
function whenPainted([readySource, timeout]) {
  const ready = new Function(`return (${readySource})();`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (ready()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      else if (performance.now() - started > timeout) reject(new Error(`not ready after ${timeout} ms: ${readySource}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

/* The page states the steps wait for (sources evaluated in the page). */
const FIRST_ROW = `() => document.querySelector('[role=grid] td[role=gridcell][data-column="user"]')?.textContent ?? ''`;
const PAGE_SHOWN = `() => document.querySelector('[role=grid]') !== null`;
const ROWS_READY = `() => document.querySelector('[role=grid]')?.getAttribute('aria-busy') !== 'true' && (${FIRST_ROW})() !== ''`;
const rowChanged = (before) => `() => (${ROWS_READY})() && (${FIRST_ROW})() !== ${JSON.stringify(before)}`;
const DETAIL_SETTLED = `() => document.querySelector('[data-slot="user-header"][data-state="ready"]') !== null && document.querySelector('[aria-busy="true"], [data-state="loading"]') === null`;

/** The detail page's sections, top to bottom (their roots' `data-slot`). */
const DETAIL_SECTIONS = ['user-header', 'metric-cards', 'trend-charts', 'model-usage', 'feedback-panel', 'conversation-list', 'trace-table'];

/** Runs in the page: records when each section's root first shows its data (`data-state` past loading), painted. */
function watchSections(slots) {
  window.__sectionsReady = {};
  const check = () => {
    for (const slot of slots) {
      if (window.__sectionsReady[slot] !== undefined) continue;
      const state = document.querySelector(`[data-slot="${slot}"]`)?.getAttribute('data-state');
      if (state && state !== 'loading') {
        window.__sectionsReady[slot] = -1;
        requestAnimationFrame(() => setTimeout(() => (window.__sectionsReady[slot] = performance.now())));
      }
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

/** Long tasks that overlap `[from, to]`: count, longest, total blocking (Σ duration − 50 ms). */
function tasksIn(tasks, from, to) {
  const inside = tasks.filter((t) => t.start < to && t.start + t.duration > from);
  return {
    count: inside.length,
    longest: Math.max(0, ...inside.map((t) => t.duration)),
    blocking: inside.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

/** One story: load, then the interactions; per step its duration and its long tasks. */
async function measureStory(browser, baseUrl, id) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.addInitScript(observeLongTasks);
  // TRACE_PROFILE=1 adds V8's sampling profiler to the trace (to see what a long task runs; it slows the page).
  const profiling = process.env.TRACE_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [];
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', ...profiling] });
  const steps = [];
  const url = `${baseUrl}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true&traces=${args.traces}&users=${args.users}`;
  await page.goto(url);
  const booted = await page.evaluate(whenPainted, [PAGE_SHOWN, LOAD_TIMEOUT_MS]);
  steps.push({ name: 'page boot (navigation → users page painted, loading)', from: 0, to: booted });
  const loaded = await page.evaluate(whenPainted, [ROWS_READY, LOAD_TIMEOUT_MS]);
  steps.push({ name: 'dataset load (→ first rows painted)', from: booted, to: loaded });

  const step = async (name, act, readySource) => {
    const from = await page.evaluate(() => performance.now());
    await act();
    const to = await page.evaluate(whenPainted, [readySource, STEP_TIMEOUT_MS]);
    steps.push({ name, from, to });
  };
  const firstRow = () => page.evaluate(`(${FIRST_ROW})()`);
  await page.waitForTimeout(1000);
  let before = await firstRow();
  await step('sort by user (click → new first row painted)', () => page.getByRole('columnheader', { name: 'User' }).getByRole('button').click(), rowChanged(before));
  before = await firstRow();
  await step('next page', () => page.getByRole('button', { name: 'Next page' }).click(), rowChanged(before));
  before = await firstRow();
  await step('sort by user, descending', () => page.getByRole('columnheader', { name: 'User' }).getByRole('button').click(), rowChanged(before));
  await page.evaluate(watchSections, DETAIL_SECTIONS);
  await step(
    'open a user (→ detail sections settled)',
    () => page.locator('[role=grid] td[role=gridcell][data-column="user"]').first().getByRole('button').first().click(),
    DETAIL_SETTLED,
  );
  const opened = steps[steps.length - 1].from;
  const sectionsReady = Object.fromEntries(
    Object.entries(await page.evaluate(() => window.__sectionsReady)).map(([slot, at]) => [slot, at - opened]),
  );
  await step('back to the list', () => page.getByRole('link', { name: 'All users' }).or(page.getByRole('button', { name: 'All users' })).first().click(), ROWS_READY);
  const tasks = await page.evaluate(() => window.__longTasks);
  const syncNow = await page.evaluate(() => {
    console.timeStamp('long-tasks-sync');
    return performance.now();
  });
  const traceText = (await browser.stopTracing()).toString('utf8');
  if (process.env.TRACE_OUT) writeFileSync(`${process.env.TRACE_OUT}-${id}.json`, traceText);
  const cpuTasks = mainThreadTasks(JSON.parse(traceText), syncNow);
  await page.close();
  return {
    steps: steps.map((s) => ({ ...s, ms: s.to - s.from, ...tasksIn(tasks, s.from, s.to), cpu: tasksIn(cpuTasks, s.from, s.to) })),
    sectionsReady,
  };
}

/**
 * The renderer main thread's tasks from a Chromium trace, as `{ start, duration }` in the page's `performance.now()`
 * time, `duration` being the task's thread (CPU) time: unlike the wall time the longtask API reports, it does not
 * grow while the thread waits for a core on a loaded machine.
 */
function mainThreadTasks(trace, syncNow) {
  const events = trace.traceEvents ?? trace;
  const sync = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'long-tasks-sync');
  if (!sync) return [];
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === sync.pid);
  const offsetMs = sync.ts / 1000 - syncNow;
  return events
    .filter((e) => (e.name === 'RunTask' || e.name.endsWith('::RunTask')) && e.ph === 'X' && e.pid === sync.pid && (!main || e.tid === main.tid) && typeof e.tdur === 'number')
    .map((e) => ({ start: e.ts / 1000 - offsetMs, duration: e.tdur / 1000 }))
    .filter((t) => t.duration > 50);
}

const server = await serveStatic(args.dir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-renderer-backgrounding', '--js-flags=--max-old-space-size=8192'],
});
console.log(
  `long tasks in Chromium — ${Number(args.traces).toLocaleString('en')} traces, ${Number(args.users).toLocaleString('en')} users; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`,
);
const results = [];
try {
  for (const [name, id] of STORIES) {
    results.push([name, await measureStory(browser, server.url, id)]);
    console.log(`${name} done (load average ${loadavg()[0].toFixed(1)})`);
  }
} finally {
  await browser.close();
  await server.close();
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
console.log('');
console.log('Per step: time; long tasks (longtask API, wall) count / longest / blocking Σ(t − 50 ms); the same by thread CPU time (trace).');
console.log('');
console.log(`| step | ${results.map(([n]) => `${n}: time (ms) | ${n}: long tasks, wall: n / longest / blocking (ms) | ${n}: long tasks, CPU: n / longest / blocking (ms)`).join(' | ')} |`);
console.log(`|---|${results.map(() => '---:|---:|---:').join('|')}|`);
for (let i = 0; i < results[0][1].steps.length; i++) {
  const cells = results.map(([, { steps }]) => {
    const s = steps[i];
    return `${fmt(s.ms)} | ${s.count} / ${fmt(s.longest)} / ${fmt(s.blocking)} | ${s.cpu.count} / ${fmt(s.cpu.longest)} / ${fmt(s.cpu.blocking)}`;
  });
  console.log(`| ${results[0][1].steps[i].name} | ${cells.join(' | ')} |`);
}
console.log('');
console.log('Opening a user: when each detail section first showed its data, painted (ms after the click), top to bottom.');
for (const [name, { sectionsReady }] of results) {
  console.log(`  ${name}: ${DETAIL_SECTIONS.map((slot) => `${slot} ${sectionsReady[slot] === undefined || sectionsReady[slot] < 0 ? '—' : fmt(sectionsReady[slot])}`).join(', ')}`);
}
console.log(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
