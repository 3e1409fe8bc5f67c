// Browser tests of the built Storybook (`npm run build-storybook` first; `npm run test:browser` does both), in
// Debian's Chromium. Three kinds of checks, in this order (docs/testing.md has the details):
// - stories: every story in the light and the dark theme fails on any console error or warning, page error, failed
//   or 4xx/5xx request, a blank render, a play function that throws, or a serious or critical axe violation.
//   Screenshots go to test-results/screenshots/<id>.png (dark: <id>--dark.png).
//   A story that fails requests on purpose lists their URLs (substrings) in
//   `parameters: { userscope: { allowFailedRequests: ['/api/…/users'] } }`: 4xx/5xx answers from those URLs, and
//   the browser's console error for them, do not fail it.
// - journeys: keyboard-only walks through stories (journeys.mjs); focus must stay visible and never fall to <body>.
// - layout: charts follow their container, tooltips stay in view, long names truncate with a title, sticky headers
//   (layout-checks.mjs).
// STORY=<substring> runs only the stories, journeys and layout checks whose story ids contain it.
// CHECKS=<kinds> runs only some kinds, comma-separated: CHECKS=journeys,layout. CHROMIUM_PATH overrides
// /usr/bin/chromium; STORYBOOK_DIR overrides storybook-static and SCREENSHOT_DIR overrides test-results/screenshots.
import { mkdir, readFile } from 'node:fs/promises';
import { serveStatic } from '../../scripts/static-server.mjs';
import { journeys } from './journeys.mjs';
import { layoutChecks } from './layout-checks.mjs';
import { browserCheckTask, runTasks } from './run-checks.mjs';
import { checkStory } from './story-checks.mjs';
import { launchChromium } from './storybook.mjs';

const STATIC_DIR = process.env.STORYBOOK_DIR ?? 'storybook-static';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const KINDS = ['stories', 'journeys', 'layout'];
// Pages checked at the same time; each page mostly waits on the renderer, so two pages fit two cores.
const PARALLEL_PAGES = 2;

const started = performance.now();
const filter = process.env.STORY;
const kinds = process.env.CHECKS ? process.env.CHECKS.split(',').map((kind) => kind.trim()) : KINDS;
const unknownKinds = kinds.filter((kind) => !KINDS.includes(kind));
if (unknownKinds.length > 0) {
  console.error(`Unknown CHECKS ${unknownKinds.join(', ')}; use ${KINDS.join(', ')}.`);
  process.exit(1);
}
const allIds = await listStoryIds();
const storyIds = kinds.includes('stories') ? allIds.filter((id) => !filter || id.includes(filter)) : [];
const checks = [...(kinds.includes('journeys') ? journeys : []), ...(kinds.includes('layout') ? layoutChecks : [])].filter(
  (check) => !filter || check.stories.some((id) => id.includes(filter)),
);
if (storyIds.length === 0 && checks.length === 0) {
  console.error(`Nothing to check${filter ? ` for STORY=${filter}` : ''} in ${STATIC_DIR}/index.json.`);
  process.exit(1);
}
await mkdir(SCREENSHOT_DIR, { recursive: true });

const server = await serveStatic(STATIC_DIR);
const browser = await launchChromium();
const totals = { passed: 0, failed: 0 };
try {
  if (storyIds.length > 0) {
    const phaseStarted = performance.now();
    const tasks = storyIds.map((id) => ({ name: id, check: () => checkStory(browser, server.url, id, SCREENSHOT_DIR) }));
    const counts = await runTasks(tasks, PARALLEL_PAGES);
    console.log(`stories: ${storyIds.length} stories x 2 themes in ${seconds(phaseStarted)} s`);
    add(counts);
  }
  if (checks.length > 0) {
    const phaseStarted = performance.now();
    const counts = await runTasks(
      checks.map((check) => browserCheckTask(browser, server.url, check, allIds)),
      PARALLEL_PAGES,
    );
    console.log(`journeys and layout: ${checks.length} checks in ${seconds(phaseStarted)} s`);
    add(counts);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`browser run: ${seconds(started)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 ? 0 : 1;

/**
 * The ids of the stories in the built Storybook's index.
 * @returns {Promise<string[]>}
 */
async function listStoryIds() {
  const index = JSON.parse(await readFile(`${STATIC_DIR}/index.json`, 'utf8'));
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
}

/** @param {{ passed: number, failed: number }} counts */
function add(counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
}

/** @param {number} since `performance.now()` at the start */
function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1);
}
