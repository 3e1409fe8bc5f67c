// Keyboard journeys through the built Storybook: only `page.keyboard`, no mouse. Every key press also checks that
// focus stays on a visible element with a focus ring (see keyboard-journey.mjs).
import { KeyboardJourney } from './keyboard-journey.mjs';
import { CheckFailure, summarize } from './storybook.mjs';

/** Focus problems listed per journey; a journey that breaks focus everywhere would otherwise print every key. */
const MAX_FOCUS_PROBLEMS = 8;

/**
 * A keyboard journey through one story.
 * @param {string} name
 * @param {string} story story id
 * @param {(journey: KeyboardJourney) => Promise<void>} steps
 * @returns {import('./run-checks.mjs').BrowserCheck}
 */
function journey(name, story, steps) {
  return {
    name: `journey: ${name}`,
    stories: [story],
    run: async (page, baseUrl) => {
      const keyboard = new KeyboardJourney(page);
      let failure = null;
      try {
        await keyboard.open(baseUrl, story);
        await steps(keyboard);
      } catch (error) {
        failure = error;
      }
      const problems = keyboard.focusProblems();
      if (problems.length > MAX_FOCUS_PROBLEMS) problems.splice(MAX_FOCUS_PROBLEMS, Infinity, `… and ${problems.length - MAX_FOCUS_PROBLEMS} more focus problems`);
      if (failure instanceof CheckFailure) problems.push(failure.message);
      else if (failure) problems.push(summarize(failure instanceof Error ? failure.message : String(failure)));
      if (problems.length > 0) throw new CheckFailure(problems.join('\n'));
    },
  };
}

/** Runs in the page: the 0-based body row and the column of the focused grid cell, or null outside a grid body. */
function focusedGridCell() {
  const cell = document.activeElement?.closest('[role="grid"] tbody :is(td, th)');
  if (!cell) return null;
  return { row: Array.from(cell.parentElement.parentElement.children).indexOf(cell.parentElement), col: cell.cellIndex, text: cell.parentElement.textContent };
}

/**
 * Moves down the grid body with ArrowDown until the focused cell is in body row `row`, checking each press moves.
 * @param {KeyboardJourney} keyboard
 * @param {number} row 0-based body row (counting rendered rows)
 */
async function arrowDownToRow(keyboard, row) {
  for (let presses = 0; presses <= row + 1; presses += 1) {
    const cell = await keyboard.page.evaluate(focusedGridCell);
    if (cell?.row === row) return cell;
    await keyboard.press('ArrowDown');
    const moved = await keyboard.page.evaluate(focusedGridCell);
    if (cell && moved?.row !== cell.row + 1) throw keyboard.fail(`ArrowDown did not move from body row ${cell.row} to the next row`);
  }
  throw keyboard.fail(`ArrowDown did not reach body row ${row}`);
}

/** Users list: Tab into the grid, arrows to a row and back, Enter opens that user (the story's onUserOpen action). */
const usersList = journey('users list: Tab into the table, arrows to a row, Enter opens the user', 'users-userspage--normal', async (keyboard) => {
  await keyboard.waitFor('the users table to show rows', () => document.querySelector('[role="grid"] tbody tr [role="gridcell"]') !== null);
  await keyboard.tabTo('[role="grid"] :is(th, td)', 'a cell of the users grid');
  const row = await arrowDownToRow(keyboard, 2);
  await keyboard.press('ArrowRight');
  const right = await keyboard.page.evaluate(focusedGridCell);
  if (right?.row !== row.row || right.col !== row.col + 1) throw keyboard.fail('ArrowRight did not move to the next cell of the row');
  await keyboard.press('ArrowLeft');
  await keyboard.press('Enter');
  await keyboard.waitFor('onUserOpen to be called', () => window.__journeyActions.some((a) => a.name === 'onUserOpen'));
  const calls = await keyboard.actionCalls('onUserOpen');
  const user = /** @type {{ id: string, displayName?: string }} */ (calls[0]?.[0]);
  if (calls.length !== 1) throw keyboard.fail(`Enter called onUserOpen ${calls.length} times, expected once`);
  if (!row.text.includes(user.displayName ?? user.id)) {
    throw keyboard.fail(`Enter opened ${user.displayName ?? user.id}, not the user of the focused row ("${row.text.slice(0, 60)}")`);
  }
});

/** Runs in the page: the selected tab, whether it has focus, and whether the panel it controls shows a drawn chart. */
function selectedTab() {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const tab = tabs.find((t) => t.getAttribute('aria-selected') === 'true');
  const panel = tab && document.getElementById(tab.getAttribute('aria-controls'));
  const svg = panel?.querySelector('svg');
  return {
    index: tab ? tabs.indexOf(tab) : -1,
    count: tabs.length,
    focused: tab !== undefined && document.activeElement === tab,
    chart: svg ? svg.getBoundingClientRect().width > 0 && !panel.hidden : false,
  };
}

/** Trend charts: arrow keys, Home and End move between the metric tabs (Radix), each showing its chart. */
const trendTabs = journey('trend charts: arrow keys switch the metric tabs', 'user-detail-trendcharts--steady-user', async (keyboard) => {
  await keyboard.waitFor('the first chart', () => document.querySelector('[role="tabpanel"] svg') !== null);
  await keyboard.tabTo('[role="tab"][aria-selected="true"]', 'the selected metric tab');
  const expectTab = async (index, key) => {
    const tab = await keyboard.waitFor(`tab ${index + 1} to be selected with its chart`, (i) => {
      const t = window.selectedTab();
      return t.index === i && t.chart && t;
    }, index);
    if (!tab.focused) throw keyboard.fail(`${key} selected tab ${index + 1} but focus is not on it`);
  };
  await keyboard.install(selectedTab);
  const { count } = await keyboard.page.evaluate(() => window.selectedTab());
  if (count < 2) throw keyboard.fail(`expected several metric tabs, found ${count}`);
  for (let index = 1; index < count; index += 1) {
    await keyboard.press('ArrowRight');
    await expectTab(index, 'ArrowRight');
  }
  await keyboard.press('ArrowLeft');
  await expectTab(count - 2, 'ArrowLeft');
  await keyboard.press('Home');
  await expectTab(0, 'Home');
  await keyboard.press('End');
  await expectTab(count - 1, 'End');
  // Into the shown chart: its plot takes focus and the arrow keys move the crosshair with a tooltip.
  await keyboard.press('Tab');
  await keyboard.press('ArrowRight');
  await keyboard.waitFor('the chart tooltip after ArrowRight on the plot', () => document.querySelector('[data-slot="chart-tooltip"]') !== null);
});

/** Runs in the page: the trace table's total ("N of M traces"), the conversation chip's text, the selected option. */
function conversationState() {
  const result = document.querySelector('[data-slot="trace-table"] [role="status"]')?.textContent ?? '';
  const total = /of ([\d,]+) traces/.exec(result)?.[1];
  const selected = document.querySelector('[role="listbox"] [role="option"][aria-selected="true"]');
  const steps = selected && /([\d,]+) (?:steps?|traces?)/.exec(selected.textContent)?.[1];
  return {
    total: total === undefined ? null : Number(total.replace(/,/g, '')),
    chip: document.querySelector('[data-slot="conversation-filter"]')?.textContent ?? null,
    selectedSteps: steps ? Number(steps.replace(/,/g, '')) : null,
    fetching: document.querySelector('[data-slot="trace-table"][data-fetching]') !== null,
  };
}

/**
 * Selecting a conversation in the listbox narrows the trace table to its steps (the chip names it); the chip's
 * Clear brings every trace back.
 * @param {KeyboardJourney} keyboard
 */
async function selectConversationAndClear(keyboard) {
  await keyboard.install(conversationState);
  const before = await keyboard.waitFor('the trace table total', () => {
    const s = window.conversationState();
    return s.total !== null && !s.fetching && s;
  });
  await keyboard.tabTo('[role="listbox"]', 'the conversation list');
  await keyboard.press('ArrowDown', 2);
  await keyboard.press('Enter');
  const filtered = await keyboard.waitFor('the trace table to narrow to the selected conversation', () => {
    const s = window.conversationState();
    return s.chip !== null && s.selectedSteps !== null && !s.fetching && s.total === s.selectedSteps && s;
  });
  if (filtered.total >= before.total) throw keyboard.fail(`selecting a conversation left ${filtered.total} of ${before.total} traces`);
  await keyboard.tabTo('[data-slot="conversation-filter"] button', 'the Clear button of the conversation chip');
  await keyboard.press('Enter');
  await keyboard.waitFor('every trace back after Clear', (total) => {
    const s = window.conversationState();
    return s.chip === null && s.selectedSteps === null && !s.fetching && s.total === total;
  }, before.total);
}

/** Conversations and traces: keyboard selection filters the table, the chip's Clear un-filters. */
const conversationFilter = journey(
  'conversations: select one with the keyboard to filter the traces, Clear to show all',
  'user-detail-tracetable--with-conversations',
  selectConversationAndClear,
);

/** Feedback: Tab from the charts to a comment's trace link; Enter opens that trace (onTraceOpen). */
const feedbackTraceLink = journey('feedback: a comment\'s trace link is reachable and opens the trace', 'user-detail-feedbackpanel--rich-feedback', async (keyboard) => {
  await keyboard.tabTo('[data-slot="comment-trace"] [data-slot="trace-link"]', 'the trace link of the first comment', 80);
  await keyboard.press('Tab');
  const href = await keyboard.page.evaluate(() => document.activeElement.closest('[data-slot="comment-trace"]') && document.activeElement.getAttribute('href'));
  if (!href) throw keyboard.fail('Tab from the first comment\'s trace link did not reach the second comment\'s');
  await keyboard.press('Enter');
  await keyboard.waitFor('onTraceOpen to be called', () => window.__journeyActions.some((a) => a.name === 'onTraceOpen'));
  const [[traceId]] = await keyboard.actionCalls('onTraceOpen');
  if (!decodeURIComponent(href).endsWith(`/${traceId}`)) throw keyboard.fail(`Enter on the link to ${href} opened trace ${traceId}`);
});

/**
 * The user detail page: Tab along the section nav to the conversations link, Enter and Tab lead into that section,
 * then the conversation journey on the page itself.
 */
const userDetailPage = journey('user detail page: section links, select a conversation, Clear', 'user-detail-page--regression-user', async (keyboard) => {
  await keyboard.waitFor('the conversation list', () => document.querySelector('[role="listbox"]') !== null);
  await keyboard.tabTo('[data-slot="user-detail-nav"] a', 'the first link of the section nav');
  const links = await keyboard.page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-slot="user-detail-nav"] a'), (a) => ({
      href: a.getAttribute('href'),
      conversations: document.getElementById(a.hash.slice(1))?.querySelector('[role="listbox"]') != null,
    })),
  );
  const target = links.findIndex((link) => link.conversations);
  if (target === -1) throw keyboard.fail('no section link leads to the section with the conversation list');
  for (let i = 1; i <= target; i += 1) {
    await keyboard.press('Tab');
    const href = await keyboard.page.evaluate(() => document.activeElement.getAttribute('href'));
    if (href !== links[i].href) throw keyboard.fail(`Tab from section link ${i} went to ${href ?? 'an element that is not the next section link'}`);
  }
  await keyboard.press('Enter');
  await keyboard.press('Tab');
  const inSection = await keyboard.page.evaluate((id) => document.getElementById(id)?.contains(document.activeElement) ?? false, links[target].href.slice(1));
  if (!inSection) throw keyboard.fail(`after Enter on the section link ${links[target].href}, Tab did not move into that section`);
  await selectConversationAndClear(keyboard);
});

/** Every keyboard journey. */
export const journeys = [usersList, trendTabs, conversationFilter, feedbackTraceLink, userDetailPage];
