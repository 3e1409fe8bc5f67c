// Browser smoke test of the built Storybook (`npm run build-storybook` first; `npm run test:browser` does both).
// Every story is opened in Chromium in the light and the dark theme. A story fails on any console error or
// warning, page error, failed or 4xx/5xx request, a blank render, a play function that throws, or a serious or
// critical axe violation. Screenshots go to test-results/screenshots/<id>.png (dark: <id>--dark.png).
// A story that fails requests on purpose lists their URLs (substrings) in
// `parameters: { userscope: { allowFailedRequests: ['/api/…/users'] } }`: 4xx/5xx answers from those URLs, and
// the browser's console error for them, do not fail it.
// STORY=<substring> runs only the stories whose id contains it. CHROMIUM_PATH overrides /usr/bin/chromium;
// STORYBOOK_DIR overrides storybook-static and SCREENSHOT_DIR overrides test-results/screenshots.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';

const STATIC_DIR = process.env.STORYBOOK_DIR ?? 'storybook-static';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const THEMES = ['light', 'dark'];
const RENDER_TIMEOUT_MS = 15_000;
// Stories checked at the same time; each page mostly waits on the renderer, so two pages fit two cores.
const PARALLEL_PAGES = 2;
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
// Storybook render phases after which nothing more happens to the story (see RenderPhase in storybook).
const SETTLED_PHASES = ['finished', 'errored', 'aborted'];

const started = performance.now();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const storyIds = await listStoryIds(process.env.STORY);
if (storyIds.length === 0) {
  console.error(`No stories${process.env.STORY ? ` match STORY=${process.env.STORY}` : ''} in ${STATIC_DIR}/index.json.`);
  process.exit(1);
}
await mkdir(SCREENSHOT_DIR, { recursive: true });

const server = await serveStatic(STATIC_DIR);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
let passed = 0;
let failed = 0;
const queue = [...storyIds];
/** Checks stories from the shared queue until it is empty. */
async function worker() {
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const problems = [];
    for (const theme of THEMES) {
      for (const problem of await checkStory(id, theme)) problems.push(`[${theme}] ${problem}`);
    }
    if (problems.length === 0) {
      passed += 1;
      console.log(`ok    ${id}`);
    } else {
      failed += 1;
      console.log(`FAIL  ${id}\n${problems.map((p) => `        ${p}`).join('\n')}`);
    }
  }
}
try {
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker));
} finally {
  await browser.close();
  await server.close();
}
console.log(`browser run: ${storyIds.length} stories x ${THEMES.length} themes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

/**
 * The ids of the stories in the built Storybook's index, optionally only those containing `filter`.
 * @param {string | undefined} filter
 * @returns {Promise<string[]>}
 */
async function listStoryIds(filter) {
  const index = JSON.parse(await readFile(`${STATIC_DIR}/index.json`, 'utf8'));
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && (!filter || entry.id.includes(filter)))
    .map((entry) => entry.id);
}

/**
 * Opens one story in one theme, screenshots it, and returns what is wrong with it (empty when nothing is).
 * @param {string} id story id
 * @param {string} theme value of the `theme` global
 * @returns {Promise<string[]>}
 */
async function checkStory(id, theme) {
  const problems = [];
  /** 4xx/5xx answers (and the console errors the browser logs for them), kept unless the story allows the URL. */
  const failedRequests = [];
  let allowedFailures = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      const problem = `console ${message.type()}: ${summarize(message.text())} (${message.location().url})`;
      if (message.text().startsWith('Failed to load resource: the server responded with a status of')) {
        failedRequests.push({ url: message.location().url, problem });
      } else {
        problems.push(problem);
      }
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${summarize(error.message)}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push({ url: response.url(), problem: `HTTP ${response.status()}: ${response.url()}` });
  });
  try {
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=theme:${theme}`);
    const phase = await page
      .waitForFunction(
        (settled) => {
          const current = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          return settled.includes(current) && current;
        },
        SETTLED_PHASES,
        { timeout: RENDER_TIMEOUT_MS },
      )
      .then((handle) => handle.jsonValue());
    if (phase !== 'finished') problems.push(`story render ended in phase "${phase}"`);
    allowedFailures = await page.evaluate(
      () => window.__STORYBOOK_PREVIEW__.currentRender.story?.parameters?.userscope?.allowFailedRequests ?? [],
    );
    const blank = await page.evaluate(findBlankRender);
    if (blank) problems.push(blank);
    problems.push(...(await runAxe(page)));
    const suffix = theme === THEMES[0] ? '' : `--${theme}`;
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${id}${suffix}.png`, fullPage: true });
  } catch (error) {
    problems.push(summarize(error instanceof Error ? error.message : String(error)));
  } finally {
    await page.close();
  }
  const unexpected = failedRequests.filter(({ url }) => !allowedFailures.some((allowed) => url.includes(allowed)));
  return [...problems, ...unexpected.map(({ problem }) => problem)];
}

/**
 * Runs in the page. The preview decorator wraps each story in a `[data-theme]` frame of full viewport height,
 * so "blank" is judged on the frame's content: no sized child, or neither text nor graphics.
 * @returns {string | null} why the render is blank, or null
 */
function findBlankRender() {
  const root = document.querySelector('#storybook-root');
  if (root.childElementCount === 0) return 'blank render: #storybook-root is empty';
  const frame = root.querySelector(':scope > [data-theme]') ?? root;
  const tallest = Math.max(0, ...Array.from(frame.children, (child) => child.getBoundingClientRect().height));
  if (tallest === 0) return 'blank render: the story has zero height';
  const hasContent = frame.innerText.trim() !== '' || frame.querySelector('svg, img, canvas, input, select, textarea');
  return hasContent ? null : 'blank render: no text and no graphics';
}

/**
 * Injects axe-core and checks the story root. addon-a11y runs its own axe in the preview, and axe refuses to run
 * twice at once ("Axe is already running"), so that error is retried every 200 ms, for up to 10 s.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>} one line per serious or critical violation
 */
async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const results = await window.axe.run(document.querySelector('#storybook-root'));
        return results.violations.map(({ id, impact, help, nodes }) => ({
          id,
          impact,
          help,
          targets: nodes.slice(0, 3).map((node) => node.target.join(' ')),
        }));
      } catch (error) {
        if (attempt === 50 || !String(error).includes('Axe is already running')) throw error;
        await new Promise((resume) => setTimeout(resume, 200));
      }
    }
  });
  return violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact))
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * A message without colour codes and stack frames, cut to a few lines, for the report.
 * @param {string} text
 * @returns {string}
 */
function summarize(text) {
  const lines = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  return lines.slice(0, 6).join(' | ');
}
