/**
 * Chart bench: 100k hourly points as one line chart in Debian chromium, side by side in one run: userscope's chart
 * (LTTB in core, then a visx path), uPlot 1.6.32 and recharts 3.11.0 on the same numbers. Measures time from mount to
 * the first paint of the drawn chart, in a fresh page per run (median). Goal: ≤ 1.5× uPlot, ≥ 20× faster than recharts.
 * Runs are interleaved (ours, uPlot, ours on a page without prior Intl use, recharts) so drift hits all alike.
 *
 *   node bench/charts.mjs [--points 100000] [--runs 7] [--recharts-runs 3]
 */
import { mkdir, writeFile, copyFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';

const { values: args } = parseArgs({
  options: {
    points: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
    'recharts-runs': { type: 'string', default: '3' },
  },
});
const N = Number(args.points);
const RUNS = Number(args.runs);
const RECHARTS_RUNS = Number(args['recharts-runs']);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '.out', 'charts');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [join(here, 'charts', 'main.tsx')],
  outdir: outDir,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
await copyFile(join(here, 'charts', 'index.html'), join(outDir, 'index.html'));

const server = await serveStatic(outDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const browserVersion = browser.version();

/**
 * One fresh page: prepare the data (untimed), then mount `lib` and time it to the first paint. `cold-ours` is ours on
 * a page that has not used `Intl` yet (the first date format loads ICU data); every other run warms `Intl` first.
 */
async function run(variant) {
  const lib = variant === 'cold-ours' ? 'ours' : variant;
  const page = await browser.newPage({ viewport: { width: 1100, height: 500 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(([n, warm]) => window.bench.prepare(n, warm), [N, variant !== 'cold-ours']);
  const result = await page.evaluate((l) => window.bench.mount(l), lib, { timeout: 600_000 });
  if (process.env.SCREENSHOT) await page.screenshot({ path: join(outDir, `${lib}.png`) });
  await page.close();
  if (errors.length) throw new Error(`${variant}: ${errors.join(' | ')}`);
  return result;
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const times = { ours: [], cold: [], uplot: [], recharts: [] };
const scripts = { ours: [], cold: [], uplot: [], recharts: [] };
let oursPoints = 0;
try {
  // Interleaved, so drift (thermal, other load) hits every library alike.
  for (let i = 0; i < RUNS; i++) {
    const ours = await run('ours');
    oursPoints = ours.drawn;
    for (const [key, result] of [['ours', ours], ['uplot', await run('uplot')], ['cold', await run('cold-ours')]]) {
      times[key].push(result.ms);
      scripts[key].push(result.scriptMs);
    }
    if (i < RECHARTS_RUNS) {
      const result = await run('recharts');
      times.recharts.push(result.ms);
      scripts.recharts.push(result.scriptMs);
    }
    console.error(`run ${i + 1}/${RUNS} done`);
  }
} finally {
  await browser.close();
  await server.close();
}

const stat = (all, f) => Object.fromEntries(Object.entries(all).map(([k, v]) => [k, f(v)]));
const wall = stat(times, median);
const best = stat(times, (v) => Math.min(...v));
const script = stat(scripts, (v) => Math.min(...v));
const row = (name, key) =>
  `| ${name} | ${wall[key].toFixed(1)} | ${best[key].toFixed(1)} | ${script[key].toFixed(1)} | ${(wall[key] / wall.uplot).toFixed(2)} | ${(best[key] / best.uplot).toFixed(2)} |`;
const lines = [
  `Line chart of ${N.toLocaleString('en-US')} points, mount to first paint of the drawn chart, fresh page per run`,
  `(ours and uPlot ${RUNS} runs, recharts ${RECHARTS_RUNS}); Debian chromium ${browserVersion} headless, ${cpus().length} cores,`,
  `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}; chart 1000 × 300 px. Ours draws ${oursPoints} points after LTTB.`,
  'Time = performance.now() in the page from the mount call to the first frame painted after the chart is drawn;',
  'script = the synchronous part (until the chart is in the DOM or on the canvas). Best = fastest run, the least',
  'disturbed by other processes on the machine.',
  '',
  '| chart | median (ms) | best (ms) | best script (ms) | median ÷ uPlot | best ÷ uPlot |',
  '|---|---|---|---|---|---|',
  row('userscope (LTTB in core + visx path)', 'ours'),
  row('userscope, first `Intl` use of the page', 'cold'),
  row('uPlot 1.6.32 (canvas)', 'uplot'),
  row('recharts 3.11.0 (SVG)', 'recharts'),
  '',
  `ours / uPlot: median ${(wall.ours / wall.uplot).toFixed(2)}×, best ${(best.ours / best.uplot).toFixed(2)}× (goal ≤ 1.5×); ` +
    `recharts / ours: median ${(wall.recharts / wall.ours).toFixed(0)}×, best ${(best.recharts / best.ours).toFixed(0)}× (goal ≥ 20×)`,
  '',
  `runs (ms): ours ${times.ours.map((t) => t.toFixed(0)).join(', ')}; ours first Intl ${times.cold.map((t) => t.toFixed(0)).join(', ')}; ` +
    `uPlot ${times.uplot.map((t) => t.toFixed(0)).join(', ')}; recharts ${times.recharts.map((t) => t.toFixed(0)).join(', ')}`,
];
console.log(lines.join('\n'));
await writeFile(join(outDir, 'last-run.txt'), `${lines.join('\n')}\n`);
