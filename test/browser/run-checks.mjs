// Runs checks a few at a time and reports each as "ok" or "FAIL" with its problems; runs one journey or layout check
// in a fresh page.
import { CheckFailure, summarize, watchProblems } from './storybook.mjs';

/** Viewport every journey and layout check starts with (a check may resize it). */
const VIEWPORT = { width: 1280, height: 800 };

/**
 * A journey or layout check (journeys.mjs, layout-checks.mjs).
 * @typedef {object} BrowserCheck
 * @property {string} name what is checked, in words
 * @property {string[]} stories ids of the stories it opens (STORY=<substring> selects checks by them)
 * @property {(page: import('playwright-core').Page, baseUrl: string) => Promise<void>} run throws a CheckFailure
 */

/**
 * @typedef {object} Task
 * @property {string} name printed after ok / FAIL
 * @property {() => Promise<string[]>} check what went wrong, empty when nothing did
 */

/**
 * Runs `tasks`, `parallel` at a time, printing a line per task as it ends.
 * @param {Task[]} tasks
 * @param {number} parallel
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function runTasks(tasks, parallel) {
  const queue = [...tasks];
  const counts = { passed: 0, failed: 0 };
  const worker = async () => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      const problems = await task.check();
      if (problems.length === 0) {
        counts.passed += 1;
        console.log(`ok    ${task.name}`);
      } else {
        counts.failed += 1;
        console.log(`FAIL  ${task.name}\n${problems.map((p) => `        ${p}`).join('\n')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return counts;
}

/**
 * A journey or layout check as a task: it fails when it throws, when one of its stories is not in the Storybook,
 * or when its page logs a console error or warning, throws an uncaught exception or has a request fail.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl where the built Storybook is served
 * @param {BrowserCheck} browserCheck
 * @param {readonly string[]} storyIds every story id in the Storybook
 * @returns {Task}
 */
export function browserCheckTask(browser, baseUrl, browserCheck, storyIds) {
  return {
    name: browserCheck.name,
    check: async () => {
      const missing = browserCheck.stories.filter((id) => !storyIds.includes(id));
      if (missing.length > 0) return [`story ${missing.join(', ')} is not in the Storybook (renamed or removed?)`];
      const page = await browser.newPage({ viewport: VIEWPORT });
      const seen = watchProblems(page);
      const problems = [];
      try {
        await browserCheck.run(page, baseUrl);
      } catch (error) {
        if (error instanceof CheckFailure) problems.push(...error.message.split('\n'));
        else problems.push(summarize(error instanceof Error ? error.message : String(error)));
      } finally {
        await page.close();
      }
      return [...problems, ...seen.list()];
    },
  };
}
