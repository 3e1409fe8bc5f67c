// A keyboard-only walk through a story: every key press is followed by a check that focus is still on an element
// of the story (never lost to <body>), shows a focus ring, and is on screen. Storybook actions (the `fn()` args of
// a story) are recorded so a journey can assert what a key press called.
import { CheckFailure, nextFrames, openStory } from './storybook.mjs';

/**
 * Runs in the page before any script: remembers every moment focus fell back to <body> after having been on an
 * element, so a loss that code repairs a frame later is caught too.
 */
function watchFocusLoss() {
  window.__focusLosses = [];
  document.addEventListener('focusout', (event) => {
    if (event.relatedTarget) return;
    const from = event.target;
    const label = `<${from.tagName.toLowerCase()}${from.getAttribute('data-slot') ? ` data-slot="${from.getAttribute('data-slot')}"` : ''}> "${(from.getAttribute('aria-label') ?? from.textContent ?? '').trim().slice(0, 40)}"`;
    setTimeout(() => {
      if (document.hasFocus() && (document.activeElement === document.body || document.activeElement === null)) {
        window.__focusLosses.push(label);
      }
    }, 0);
  });
}

/**
 * Runs in the page: where focus is and whether it can be seen. The ring is drawn on the focused element, or, for a
 * listbox or grid that keeps focus and points at an option with `aria-activedescendant`, on that option.
 * @returns {{ lost: boolean, element: string, ring?: string | null, hidden?: string | null }}
 */
function readFocus() {
  const describe = (node) => {
    if (!node) return 'nothing';
    const attrs = ['role', 'data-slot', 'data-cell', 'aria-selected']
      .filter((name) => node.hasAttribute(name))
      .map((name) => ` ${name}="${node.getAttribute(name)}"`)
      .join('');
    const text = (node.getAttribute('aria-label') ?? node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return `<${node.tagName.toLowerCase()}${attrs}>${text ? ` "${text}"` : ''}`;
  };
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { lost: true, element: describe(el) };
  const activeId = el.getAttribute('aria-activedescendant');
  let target = (activeId && document.getElementById(activeId)) || el;
  // A visually hidden control (e.g. the radio input of a segmented button) shows its ring on the visible label around it.
  for (let up = 0; up < 3 && target.parentElement; up += 1) {
    const box = target.getBoundingClientRect();
    if (box.width > 2 && box.height > 2) break;
    target = target.parentElement;
  }
  const ringOf = (node) => {
    const style = getComputedStyle(node);
    const transparent = /transparent|rgba\([^)]*,\s*0\)/.test(style.outlineColor);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent) {
      return `outline ${style.outlineWidth} ${style.outlineStyle}`;
    }
    return style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : null;
  };
  const ring = ringOf(target) ?? (target === el ? null : ringOf(el));
  const box = target.getBoundingClientRect();
  let hidden = null;
  if (box.width === 0 || box.height === 0) hidden = 'it has no size';
  else if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) hidden = 'it is outside the viewport';
  else {
    // Visible when any of five points (centre and corners, inset) shows the element or its content.
    const inset = Math.min(4, box.width / 4, box.height / 4);
    const xs = [box.left + inset, box.left + box.width / 2, box.right - inset];
    const ys = [box.top + inset, box.top + box.height / 2, box.bottom - inset];
    const points = [[xs[1], ys[1]], [xs[0], ys[0]], [xs[2], ys[0]], [xs[0], ys[2]], [xs[2], ys[2]]];
    const hits = points
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
      .map(([x, y]) => document.elementFromPoint(x, y));
    if (!hits.some((hit) => hit && target.contains(hit))) {
      hidden = hits[0] ? `it is covered by ${describe(hits[0])}` : 'it is scrolled out of view';
    }
  }
  return { lost: false, element: describe(target === el ? el : target), ring, hidden };
}

/** The keyboard side of a journey: key presses with focus checks, waits with clear messages, recorded actions. */
export class KeyboardJourney {
  /** @type {string[]} keys pressed so far */
  #keys = [];
  /** @type {Map<string, string>} focus problem → the same with the keys that led to it */
  #focusProblems = new Map();

  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    /** The page the journey drives. */
    this.page = page;
  }

  /**
   * Opens a story with focus-loss watching and action recording in place.
   * @param {string} baseUrl where the built Storybook is served
   * @param {string} id story id
   */
  async open(baseUrl, id) {
    await this.page.addInitScript(watchFocusLoss);
    const phase = await openStory(this.page, baseUrl, id);
    if (phase !== 'finished') throw new CheckFailure(`story ${id} did not render (phase "${phase}")`);
    await this.page.evaluate(() => {
      window.__journeyActions = [];
      window.__STORYBOOK_ADDONS_CHANNEL__.on('storybook/actions/action-event', (event) => {
        window.__journeyActions.push({ name: event.data.name, args: event.data.args });
      });
    });
  }

  /**
   * Presses a key (`times` times); after each press focus must still be on a visible, ringed element of the story.
   * @param {string} key Playwright key name, e.g. "Tab", "ArrowDown", "Shift+Tab"
   * @param {number} [times]
   */
  async press(key, times = 1) {
    for (let i = 0; i < times; i += 1) {
      await this.page.keyboard.press(key);
      this.#keys.push(key);
      await this.page.evaluate(nextFrames);
      await this.expectFocusVisible();
    }
  }

  /**
   * Notes a problem unless focus is on an element with a focus ring that is on screen, and was never lost to <body>.
   * Focus problems do not stop the journey, so one run reports every step where focus went wrong.
   */
  async expectFocusVisible() {
    const focus = await this.page.evaluate(readFocus);
    const losses = await this.page.evaluate(() => window.__focusLosses.splice(0));
    if (losses.length > 0) this.#focusProblem(`focus fell back to <body> after leaving ${losses.join(', ')}`);
    else if (focus.lost) this.#focusProblem('focus was lost to <body>');
    else if (!focus.ring) this.#focusProblem(`focus is on ${focus.element} but it shows no focus ring (outline and box-shadow are none)`);
    else if (focus.hidden) this.#focusProblem(`focus is on ${focus.element} but it cannot be seen: ${focus.hidden}`);
  }

  /** The focus problems noted so far, each with the keys that led to it. */
  focusProblems() {
    return [...this.#focusProblems.values()];
  }

  /** @param {string} message */
  #focusProblem(message) {
    if (!this.#focusProblems.has(message)) this.#focusProblems.set(message, `${message} [keys: ${this.#keyTrail()}]`);
  }

  /**
   * Presses Tab until the focused element matches `selector`.
   * @param {string} selector CSS selector of the element to reach
   * @param {string} what the element in words, for the failure message
   * @param {number} [max] most Tab presses
   */
  async tabTo(selector, what, max = 60) {
    for (let i = 0; i <= max; i += 1) {
      if (await this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      if (i < max) await this.press('Tab');
    }
    const focus = await this.page.evaluate(readFocus);
    throw this.fail(`${what} (${selector}) not reached with ${max} Tab presses; focus is on ${focus.element}`);
  }

  /**
   * Waits until `fn(arg)` returns a truthy value in the page, and returns it.
   * @template T
   * @param {string} what the awaited state in words, for the failure message
   * @param {(arg: any) => T} fn
   * @param {unknown} [arg]
   * @param {number} [timeout] ms
   * @returns {Promise<T>}
   */
  async waitFor(what, fn, arg, timeout = 10_000) {
    try {
      return await (await this.page.waitForFunction(fn, arg, { timeout })).jsonValue();
    } catch {
      throw this.fail(`timed out after ${timeout / 1000} s waiting for ${what}`);
    }
  }

  /**
   * Defines a function in the page as `window[fn.name]`, for `waitFor` predicates and `page.evaluate` to call.
   * @param {Function} fn self-contained (it is sent as source)
   */
  install(fn) {
    return this.page.evaluate(`window[${JSON.stringify(fn.name)}] = ${fn}`);
  }

  /**
   * Arguments of every call of the story's action `name` (a `fn()` arg) so far.
   * @param {string} name e.g. "onUserOpen"
   * @returns {Promise<unknown[][]>}
   */
  actionCalls(name) {
    return this.page.evaluate((n) => window.__journeyActions.filter((a) => a.name === n).map((a) => a.args), name);
  }

  /**
   * A failure that says which keys led to it.
   * @param {string} message
   * @returns {CheckFailure}
   */
  fail(message) {
    return new CheckFailure(`${message} [keys: ${this.#keyTrail() || 'none'}]`);
  }

  /** "Tab×5, ArrowDown×2, Enter" */
  #keyTrail() {
    const runs = [];
    for (const key of this.#keys) {
      const last = runs[runs.length - 1];
      if (last?.key === key) last.count += 1;
      else runs.push({ key, count: 1 });
    }
    return runs.map(({ key, count }) => (count > 1 ? `${key}×${count}` : key)).join(', ');
  }
}
