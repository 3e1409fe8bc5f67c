// Checks on real layout in the built Storybook: charts follow their container's width, chart tooltips stay in the
// viewport, long names truncate with an ellipsis and a title, and scrolled tables keep their header in place.
import { heapCheck } from './heap-check.mjs';
import { longNameArgs } from './long-names.mjs';
import { CheckFailure, nextFrames, openStory } from './storybook.mjs';

/** Narrow viewport width for the resize and tooltip checks (a phone held sideways, a side panel). */
const NARROW = 640;
/** How far a chart's SVG may be from its container's width, px (the width is floored to whole pixels). */
const WIDTH_TOLERANCE = 2;
/** Stories with each kind of chart: trends (charts/ChartFrame), model mix (same frame), feedback (charts/ItemChartFrame). */
const CHART_STORIES = ['user-detail-trendcharts--steady-user', 'user-detail-modelusage--steady-user', 'user-detail-feedbackpanel--rich-feedback'];
/** A chart's tooltip, in either frame. */
const TOOLTIP = '[data-slot="chart-tooltip"]';
/** A chart's plot: the element that reacts to the pointer and the keyboard. */
const PLOT = '[data-slot="chart-plot"]';

/**
 * One layout check: opens `story` at 1280 × 800 and runs `inspect`, which returns what is wrong (one line each).
 * @param {string} name
 * @param {string} story story id
 * @param {(page: import('playwright-core').Page) => Promise<string[]>} inspect
 * @returns {import('./run-checks.mjs').BrowserCheck}
 */
function layoutCheck(name, story, inspect) {
  return {
    name: `layout: ${name} (${story})`,
    stories: [story],
    run: async (page, baseUrl) => {
      const phase = await openStory(page, baseUrl, story);
      if (phase !== 'finished') throw new CheckFailure(`story ${story} did not render (phase "${phase}")`);
      const problems = await inspect(page);
      if (problems.length > 0) throw new CheckFailure(problems.join('\n'));
    },
  };
}

/** Runs in the page: the width of every chart's SVG and of the plot it is drawn in. */
function chartWidths(plotSelector) {
  return Array.from(document.querySelectorAll(plotSelector), (plot) => ({
    container: plot.getBoundingClientRect().width,
    svg: plot.querySelector(':scope > svg')?.getBoundingClientRect().width ?? null,
  })).filter((chart) => chart.svg !== null);
}

/**
 * Sets the viewport width, then waits until every chart's SVG is as wide as its container (or 3 s pass).
 * @param {import('playwright-core').Page} page
 * @param {number} width
 */
async function resizeAndSettle(page, width) {
  await page.setViewportSize({ width, height: 800 });
  await page
    .waitForFunction(
      ([plot, tolerance]) => {
        const frames = Array.from(document.querySelectorAll(plot));
        return frames.every((f) => Math.abs((f.querySelector(':scope > svg')?.getBoundingClientRect().width ?? 0) - f.getBoundingClientRect().width) <= tolerance);
      },
      [PLOT, WIDTH_TOLERANCE],
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.evaluate(nextFrames);
}

/** Charts draw at their container's width, and follow it when the viewport narrows and widens again. */
function chartsResize(story) {
  return layoutCheck('charts resize with their container', story, async (page) => {
    await page.waitForSelector(`:is(${PLOT}) > svg`);
    const problems = [];
    const measure = async (width) => {
      await resizeAndSettle(page, width);
      const charts = await page.evaluate(chartWidths, PLOT);
      charts.forEach((chart, i) => {
        if (Math.abs(chart.svg - chart.container) > WIDTH_TOLERANCE) {
          problems.push(`at a ${width} px viewport chart ${i + 1} is ${chart.svg} px wide in a ${chart.container} px container`);
        }
      });
      return charts;
    };
    const wide = await measure(1280);
    const narrow = await measure(NARROW);
    if (wide.length === 0) problems.push('no chart SVG found');
    if (narrow.length !== wide.length) problems.push(`${wide.length} charts at 1280 px but ${narrow.length} at ${NARROW} px`);
    narrow.forEach((chart, i) => {
      if (wide[i] && chart.svg >= wide[i].svg) problems.push(`chart ${i + 1} did not shrink with the viewport (${wide[i].svg} px → ${chart.svg} px)`);
    });
    const again = await measure(1280);
    again.forEach((chart, i) => {
      if (wide[i] && Math.abs(chart.svg - wide[i].svg) > WIDTH_TOLERANCE) problems.push(`chart ${i + 1} did not grow back (${wide[i].svg} px → ${chart.svg} px)`);
    });
    return [...new Set(problems)];
  });
}

/** Runs in the page: the visible tooltip's box and whether it fits in the viewport, or null when none shows. */
function tooltipBox(tooltipSelector) {
  const tip = Array.from(document.querySelectorAll(tooltipSelector)).find((t) => t.getBoundingClientRect().width > 0);
  if (!tip) return null;
  const box = tip.getBoundingClientRect();
  // The viewport less its scrollbars.
  const { clientWidth: width, clientHeight: height } = document.documentElement;
  const inside = box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
  return { inside, box: `left ${Math.round(box.left)}, right ${Math.round(box.right)}, top ${Math.round(box.top)}, bottom ${Math.round(box.bottom)}`, viewport: `${width} × ${height}` };
}

/**
 * For every chart plot: the tooltip at its right edge and at its left edge, by pointer and by keyboard (End and
 * Home), fits inside the viewport; at 1280 px and at {@link NARROW} px.
 */
function tooltipsInView(story) {
  return layoutCheck('chart tooltips stay inside the viewport', story, async (page) => {
    await page.waitForSelector(`:is(${PLOT}) > svg`);
    const problems = [];
    for (const width of [1280, NARROW]) {
      await resizeAndSettle(page, width);
      const plots = await page.$$(PLOT);
      for (const [i, plot] of plots.entries()) {
        await plot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const box = await plot.boundingBox();
        if (!box) continue;
        const probes = [
          ['pointer at the right edge', () => page.mouse.move(box.x + box.width - 2, box.y + box.height / 2)],
          ['pointer at the left edge', () => page.mouse.move(box.x + 2, box.y + box.height / 2)],
          ['End key', async () => (await plot.focus(), page.keyboard.press('End'))],
          ['Home key', () => page.keyboard.press('Home')],
        ];
        let shown = 0;
        for (const [how, probe] of probes) {
          await probe();
          await page.evaluate(nextFrames);
          const tip = await page.evaluate(tooltipBox, TOOLTIP);
          if (!tip) continue;
          shown += 1;
          if (!tip.inside) problems.push(`at ${width} px, chart ${i + 1}, ${how}: the tooltip (${tip.box}) leaves the ${tip.viewport} viewport`);
        }
        if (shown === 0) problems.push(`at ${width} px, chart ${i + 1} showed no tooltip for the pointer or the keyboard`);
        // Leave the plot, so its tooltip is gone before the next plot is probed.
        await page.mouse.move(0, 0);
        await plot.evaluate((el) => el.blur());
      }
    }
    return problems;
  });
}

/**
 * Runs in the page: every element whose text is cut off (wider content than box, overflow hidden) without an
 * ellipsis, or without a title (on it or an ancestor) holding its full text.
 * @returns {string[]}
 */
function findBadTruncation() {
  const root = document.querySelector('#storybook-root');
  const clean = (text) => text.replace(/\s+/g, ' ').trim();
  const describe = (el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${clean(el.textContent).slice(0, 40)}…"`;
  const problems = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('svg, .us-visually-hidden, [aria-hidden="true"]')) continue;
    const ownText = clean(Array.from(el.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : '')).join(''));
    if (ownText === '') continue;
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' || el.scrollWidth <= el.clientWidth + 1) continue;
    const text = clean(el.textContent);
    if (style.textOverflow !== 'ellipsis') problems.push(`${describe(el)} is cut off without an ellipsis`);
    const titled = el.closest('[title]');
    const title = titled ? clean(titled.getAttribute('title')) : '';
    if (!title.includes(text.slice(0, 200))) {
      problems.push(`${describe(el)} is truncated but ${titled ? `its title is "${title.slice(0, 40)}…", not its full text` : 'has no title with its full text'}`);
    }
  }
  return problems;
}

/**
 * Runs in the page: each of `names` must show on one line, cut off: the element holding it is narrower than its
 * text (not wrapped, not overflowing its cell).
 * @param {string[]} names
 * @returns {string[]}
 */
function findUntruncatedNames(names) {
  const holders = Array.from(document.querySelectorAll('#storybook-root *'));
  return names.flatMap((name) => {
    const start = name.slice(0, 30);
    const holder = holders.find((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.includes(start)));
    if (!holder) return [`the long name "${start}…" is not shown`];
    const style = getComputedStyle(holder);
    const cut = holder.scrollWidth > holder.clientWidth + 1 && style.overflowX !== 'visible';
    return cut ? [] : [`the long name "${start}…" is not truncated (white-space ${style.whiteSpace}, overflow ${style.overflowX})`];
  });
}

/**
 * Long names truncate with an ellipsis and keep their full text in a title; `args` (see long-names.mjs) are put
 * into the story first, as the Controls panel would.
 */
function longNamesTruncate(story, args) {
  return layoutCheck('long names truncate with an ellipsis and a title', story, async (page) => {
    if (args) {
      await page.evaluate(
        ([id, updatedArgs]) => window.__STORYBOOK_PREVIEW__.onUpdateArgs({ storyId: id, updatedArgs }),
        [story, args.args],
      );
    }
    await page.evaluate(nextFrames);
    // New rows draw in a deferred render (a few tasks after the args change): wait until they are shown.
    const names = args?.names ?? [];
    await page
      .waitForFunction((expected) => expected.every((name) => (document.querySelector('#storybook-root')?.textContent ?? '').includes(name.slice(0, 30))), names, { timeout: 5000 })
      .catch(() => undefined);
    const problems = await page.evaluate(findUntruncatedNames, names);
    problems.push(...(await page.evaluate(findBadTruncation)));
    return problems;
  });
}

/** Runs in the page: marks the first data grid's nearest scroll container `data-layout-scroller`; false when there is none. */
function markGridScroller() {
  let scroller = document.querySelector('[role="grid"]')?.parentElement;
  while (scroller && scroller !== document.body && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
  if (!scroller || scroller === document.body) return false;
  scroller.setAttribute('data-layout-scroller', '');
  return true;
}

/**
 * Runs in the page: where the header's first cell and the first body row's first cell are, relative to the scroll
 * box, and whether the header is painted above the rows.
 */
function gridScrollState() {
  const scroller = document.querySelector('[data-layout-scroller]');
  const grid = scroller.querySelector('[role="grid"]');
  // The header cells stick (the <thead> box itself scrolls away in Chromium), so the first one is measured.
  const headCell = grid.querySelector('thead :is(th, td)');
  const head = headCell.getBoundingClientRect();
  const firstCell = grid.querySelector('tbody tr :is(th, td)').getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const hit = document.elementFromPoint(head.left + Math.min(40, head.width / 2), head.top + head.height / 2);
  return {
    headTop: head.top - box.top - scroller.clientTop,
    firstRowTop: firstCell.top,
    firstColumnLeft: firstCell.left - box.left - scroller.clientLeft,
    scrollTop: scroller.scrollTop,
    scrollLeft: scroller.scrollLeft,
    overflowsSideways: scroller.scrollWidth > scroller.clientWidth,
    headOnTop: hit !== null && headCell.contains(hit),
  };
}

/**
 * Scrolling a data grid's body keeps its header row at the top of the scroll box, painted above the rows; with
 * `firstColumn`, scrolling sideways (in a viewport narrow enough to need it) keeps the first column at the left.
 */
function stickyHeader(story, { firstColumn = false } = {}) {
  const what = firstColumn ? 'tables scroll with a sticky header and first column' : 'tables scroll with a sticky header';
  return layoutCheck(what, story, async (page) => {
    if (firstColumn) await page.setViewportSize({ width: NARROW, height: 800 });
    await page.waitForFunction(() => document.querySelectorAll('[role="grid"] tbody tr').length > 10);
    if (!(await page.evaluate(markGridScroller))) return ['the grid has no scroll container'];
    // The page may hold sections above the grid (the users page's population): bring the grid into view first.
    await page.evaluate(() => document.querySelector('[data-layout-scroller]').scrollIntoView({ block: 'start' }));
    const before = await page.evaluate(gridScrollState);
    await page.evaluate(() => {
      document.querySelector('[data-layout-scroller]').scrollTop = 300;
    });
    await page.evaluate(nextFrames);
    const after = await page.evaluate(gridScrollState);
    const problems = [];
    if (after.scrollTop === 0 || after.firstRowTop >= before.firstRowTop) problems.push('the grid body did not scroll');
    if (Math.abs(after.headTop - before.headTop) > 1) {
      problems.push(`the header moved from ${Math.round(before.headTop)} px to ${Math.round(after.headTop)} px below the top of the scroll box`);
    }
    if (!after.headOnTop) problems.push('after scrolling, body rows are painted over the header');
    if (firstColumn) {
      if (!after.overflowsSideways) return [...problems, `the grid fits a ${NARROW} px viewport, so the sticky first column was not tried`];
      await page.evaluate(() => {
        document.querySelector('[data-layout-scroller]').scrollLeft = 200;
      });
      await page.evaluate(nextFrames);
      const sideways = await page.evaluate(gridScrollState);
      if (sideways.scrollLeft === 0) problems.push('the grid did not scroll sideways');
      if (Math.abs(sideways.firstColumnLeft - after.firstColumnLeft) > 1) {
        problems.push(`the first column moved from ${Math.round(after.firstColumnLeft)} px to ${Math.round(sideways.firstColumnLeft)} px from the left of the scroll box`);
      }
    }
    return problems;
  });
}

/** Every layout check. */
export const layoutChecks = [
  ...CHART_STORIES.map(chartsResize),
  ...CHART_STORIES.map(tooltipsInView),
  longNamesTruncate('users-userstable--no-match', longNameArgs.usersTable),
  longNamesTruncate('user-detail-tracetable--empty', longNameArgs.traceTable),
  longNamesTruncate('user-detail-conversationlist--empty', longNameArgs.conversationList),
  longNamesTruncate('user-detail-userheader--long-metadata'),
  stickyHeader('users-userspage--normal', { firstColumn: true }),
  stickyHeader('user-detail-tracetable--demo-regression-user'),
  heapCheck,
];
