// Browser walk of the built Vite example (examples/vite, built from the packed tarball by
// scripts/build-examples.mjs), in Debian's Chromium: list → user → conversation, as a host's user would click it,
// then the example's own page composed from hooks and components (watchlist).
// Each step asserts the URL and what is on screen, and fails on any console error or warning, page error or failed
// request. Screenshots go to test-results/screenshots/example-vite-<step>.png. EXAMPLE_DIR overrides
// examples/vite/dist, SCREENSHOT_DIR overrides test-results/screenshots, CHROMIUM_PATH overrides /usr/bin/chromium.
import { mkdir } from 'node:fs/promises';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium, watchProblems } from './storybook.mjs';

const STATIC_DIR = process.env.EXAMPLE_DIR ?? 'examples/vite/dist';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
/** The demo's regression user (DEMO_USERS.regression): many traces and conversations. */
const USER_ID = 'user-00004';
const STEP_TIMEOUT_MS = 20_000;
/** Users on the example's own watchlist page (examples/vite/src/routes/WatchlistRoute.tsx). */
const WATCHLIST_SIZE = 4;

const started = performance.now();
await mkdir(SCREENSHOT_DIR, { recursive: true });
const server = await serveStatic(STATIC_DIR);
const browser = await launchChromium();
const counts = { passed: 0, failed: 0 };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const problems = watchProblems(page);

  await step(page, problems, 'users', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expectPath(page, '/users');
    await page.getByRole('searchbox', { name: 'Search users' }).fill(USER_ID);
    await page.locator(`a[href="/users/${USER_ID}"]`).first().waitFor();
  });

  await step(page, problems, 'user', async () => {
    await page.locator(`a[href="/users/${USER_ID}"]`).first().click();
    await page.waitForURL(`**/users/${USER_ID}`);
    await page.getByRole('heading', { level: 2, name: USER_ID }).waitFor();
    await page.getByRole('heading', { name: 'Key metrics' }).waitFor();
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  });

  await step(page, problems, 'conversation', async () => {
    const conversation = page.locator('[role="option"][data-kind="conversation"]').first();
    const conversationId = await conversation.getAttribute('data-conversation-id');
    if (!conversationId) throw new Error('the first conversation has no data-conversation-id');
    await conversation.scrollIntoViewIfNeeded();
    await conversation.click();
    await page.waitForURL(`**/users/${USER_ID}/conversations/${encodeURIComponent(conversationId)}`);
    await page.locator(`[role="option"][aria-selected="true"][data-conversation-id="${conversationId}"]`).waitFor();
    const chip = page.getByText('Filtered by conversation', { exact: false }).first();
    await chip.waitFor();
    await chip.scrollIntoViewIfNeeded();
  });

  await step(page, problems, 'watchlist', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watchlist' }).click();
    await page.waitForURL('**/watchlist');
    await page.getByRole('heading', { level: 1, name: 'Watchlist' }).waitFor();
    await page.waitForFunction(
      (expected) => document.querySelectorAll('[data-slot="metric-cards"][data-state="ready"]').length === expected,
      WATCHLIST_SIZE,
    );
  });
} catch {
  // The failed step has printed what went wrong and counted itself; the steps after it cannot run.
} finally {
  await browser.close();
  await server.close();
}
console.log(`example walk: ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`walk: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 && counts.passed > 0 ? 0 : 1;

/**
 * Runs one step of the walk, screenshots the page after it, and counts it; a failed step ends the walk.
 * @param {import('playwright-core').Page} page
 * @param {import('./storybook.mjs').PageProblems} problems
 * @param {string} name
 * @param {() => Promise<void>} run
 */
async function step(page, problems, name, run) {
  const before = problems.list().length;
  try {
    await run();
    const found = problems.list().slice(before);
    if (found.length > 0) throw new Error(found.join('\n'));
    counts.passed += 1;
    console.log(`ok ${name}: ${new URL(page.url()).pathname}`);
  } catch (error) {
    counts.failed += 1;
    console.error(`FAIL ${name} at ${page.url()}\n${error instanceof Error ? error.message : String(error)}`);
    throw error;
  } finally {
    await page.screenshot({ path: `${SCREENSHOT_DIR}/example-vite-${name}.png` }).catch(() => {});
  }
}

/**
 * Throws unless the page's path is `pathname`.
 * @param {import('playwright-core').Page} page
 * @param {string} pathname
 */
function expectPath(page, pathname) {
  const actual = new URL(page.url()).pathname;
  if (actual !== pathname) throw new Error(`expected the path ${pathname}, got ${actual}`);
}
