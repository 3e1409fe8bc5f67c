// Shared by the browser checks: launching Chromium, opening one story of the built Storybook, and collecting what
// goes wrong in a page (console errors and warnings, uncaught exceptions, failed requests).
import { chromium } from 'playwright-core';

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
/** How long a story may take to render (and run its play function). */
const RENDER_TIMEOUT_MS = 15_000;
// Storybook render phases after which nothing more happens to the story (see RenderPhase in storybook).
const SETTLED_PHASES = ['finished', 'errored', 'aborted'];

/** A journey or layout check that found something wrong; its message is one problem per line. */
export class CheckFailure extends Error {}

/**
 * Starts Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium) headless.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/**
 * Opens a story in the preview iframe and waits until Storybook has finished rendering it (play function included).
 * addon-a11y's own axe run after every render is turned off (`a11y.manual`): the story checks run axe themselves,
 * and the addon's run would double the time of every story.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl where the built Storybook is served
 * @param {string} id story id
 * @param {string} [theme] value of the `theme` global
 * @returns {Promise<string>} the render phase it settled in: "finished" unless the story failed
 */
export async function openStory(page, baseUrl, id, theme = 'light') {
  await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=theme:${theme};a11y.manual:!true`);
  const handle = await page.waitForFunction(
    (settled) => {
      const current = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return settled.includes(current) && current;
    },
    SETTLED_PHASES,
    { timeout: RENDER_TIMEOUT_MS },
  );
  return handle.jsonValue();
}

/**
 * Runs in the page (pass it to `page.evaluate`): resolves after two animation frames, when React has committed and
 * run its effects and the browser has laid out.
 * @returns {Promise<void>}
 */
export function nextFrames() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** What {@link watchProblems} has seen in a page. */
export class PageProblems {
  /** @type {string[]} console errors and warnings, uncaught exceptions, requests that failed to complete */
  problems = [];
  /** @type {{ url: string, problem: string }[]} 4xx/5xx answers, and the console errors the browser logs for them */
  failedRequests = [];

  /**
   * Every problem, one line each, less the failed requests whose URL contains one of `allowedUrls`.
   * @param {readonly string[]} [allowedUrls] URL substrings a story fails on purpose
   * @returns {string[]}
   */
  list(allowedUrls = []) {
    const unexpected = this.failedRequests.filter(({ url }) => !allowedUrls.some((allowed) => url.includes(allowed)));
    return [...this.problems, ...unexpected.map(({ problem }) => problem)];
  }
}

/**
 * Collects console errors and warnings, uncaught exceptions and failed requests of a page from now on.
 * @param {import('playwright-core').Page} page
 * @returns {PageProblems} filled as the page runs
 */
export function watchProblems(page) {
  const seen = new PageProblems();
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const problem = `console ${message.type()}: ${summarize(message.text())} (${message.location().url})`;
    if (message.text().startsWith('Failed to load resource: the server responded with a status of')) {
      seen.failedRequests.push({ url: message.location().url, problem });
    } else {
      seen.problems.push(problem);
    }
  });
  page.on('pageerror', (error) => seen.problems.push(`page error: ${summarize(error.message)}`));
  page.on('requestfailed', (request) => seen.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.failedRequests.push({ url: response.url(), problem: `HTTP ${response.status()}: ${response.url()}` });
  });
  return seen;
}

/**
 * A message without colour codes and stack frames, cut to a few lines, for the report.
 * @param {string} text
 * @returns {string}
 */
export function summarize(text) {
  const lines = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  return lines.slice(0, 6).join(' | ');
}
