// The checks every story gets: it renders without console errors or warnings, uncaught exceptions or failed
// requests, is not blank, has no serious or critical axe violation, in the light and the dark theme; and a
// screenshot of each theme.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openStory, summarize, watchProblems } from './storybook.mjs';

/** Axe impacts that fail a story. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/**
 * The axe rules whose outcome depends on colours. The dark theme only changes the `--us-color-*` variables (see
 * src/theme/styles.css), so every other rule sees the same DOM, names and roles as in the light theme and is run
 * once, in the light theme.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** How long the theme switch may take to re-render a story. */
const THEME_SWITCH_TIMEOUT_MS = 15_000;

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Opens a story in the light theme, checks it and screenshots it, then switches the same page to the dark theme
 * (as the Storybook toolbar does) and checks and screenshots it again.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl where the built Storybook is served
 * @param {string} id story id
 * @param {string} screenshotDir where `<id>.png` and `<id>--dark.png` go
 * @returns {Promise<string[]>} what is wrong, each line prefixed with its theme; empty when nothing is
 */
export async function checkStory(browser, baseUrl, id, screenshotDir) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const seen = watchProblems(page);
  const problems = [];
  let theme = 'light';
  let allowedFailures = [];
  // Problems the page logged so far are filed under the theme being checked.
  const file = () => {
    problems.push(...seen.list(allowedFailures).map((problem) => `[${theme}] ${problem}`));
    seen.problems.length = 0;
    seen.failedRequests.length = 0;
  };
  try {
    const phase = await openStory(page, baseUrl, id, theme);
    if (phase !== 'finished') problems.push(`[${theme}] story render ended in phase "${phase}"`);
    allowedFailures = await page.evaluate(() => window.__STORYBOOK_PREVIEW__.currentRender.story?.parameters?.userscope?.allowFailedRequests ?? []);
    await inspect(page, theme, problems, `${screenshotDir}/${id}.png`);
    file();
    theme = 'dark';
    await page.evaluate(switchTheme, [theme, THEME_SWITCH_TIMEOUT_MS]);
    await inspect(page, theme, problems, `${screenshotDir}/${id}--dark.png`, COLOUR_RULES);
  } catch (error) {
    problems.push(`[${theme}] ${summarize(error instanceof Error ? error.message : String(error))}`);
  } finally {
    await page.close();
  }
  file();
  return problems;
}

/**
 * Blank-render check, axe and a full-page screenshot of the story as it is now.
 * @param {import('playwright-core').Page} page
 * @param {string} theme
 * @param {string[]} problems appended to
 * @param {string} screenshot path
 * @param {string[]} [rules] only these axe rules (default: all)
 */
async function inspect(page, theme, problems, screenshot, rules) {
  const blank = await page.evaluate(findBlankRender);
  if (blank) problems.push(`[${theme}] ${blank}`);
  problems.push(...(await runAxe(page, rules)).map((problem) => `[${theme}] ${problem}`));
  await page.screenshot({ path: screenshot, fullPage: true });
}

/**
 * Runs in the page: sets the `theme` global through the preview's channel and resolves once the story has
 * re-rendered (at once when the story fixes its theme, e.g. a "Dark" story).
 * @param {[string, number]} args theme and timeout in ms
 */
function switchTheme([theme, timeout]) {
  const frame = document.querySelector('#storybook-root [data-theme]');
  if (frame?.getAttribute('data-theme') === theme) return Promise.resolve();
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the story did not re-render in the ${theme} theme within ${timeout} ms`)), timeout);
    const finished = () => {
      clearTimeout(timer);
      channel.off('storyFinished', finished);
      resolve();
    };
    channel.on('storyFinished', finished);
    channel.emit('updateGlobals', { globals: { theme } });
  });
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
 * Injects axe-core (once per page) and checks the story root. Axe refuses to run twice at once ("Axe is already
 * running"), which happens when addon-a11y's own run is on, so that error is retried every 200 ms, for up to 10 s.
 * @param {import('playwright-core').Page} page
 * @param {string[]} [rules] only these rules (default: all)
 * @returns {Promise<string[]>} one line per serious or critical violation
 */
async function runAxe(page, rules) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (only) => {
    const options = only ? { runOnly: { type: 'rule', values: only } } : {};
    for (let attempt = 1; ; attempt += 1) {
      try {
        const results = await window.axe.run(document.querySelector('#storybook-root'), options);
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
  }, rules ?? null);
  return violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact))
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}
