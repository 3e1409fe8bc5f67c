// Memory: mounting and unmounting the user detail page 100 times leaves no growth of the JS heap beyond noise.
// Measured through the Chrome DevTools Protocol (forced garbage collection, then Runtime.getHeapUsage).
import { CheckFailure, openStory } from './storybook.mjs';

const STORY = 'user-detail-page--mount-cycle';
/** Mount/unmount cycles measured, after the warm-up ones. */
const CYCLES = 100;
const WARM_UP = 10;
/** Allowed growth over the 100 cycles: a leaked page (hundreds of KB each) would exceed it many times over. */
const MAX_GROWTH_BYTES = 2 * 1024 * 1024;

/** Heap in use after forced garbage collections (three, so weak references and finalisers settle). */
async function usedHeap(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function cycle(page) {
  const toggle = page.locator('[data-testid="mount-toggle"]');
  await toggle.click();
  await page.waitForSelector('[data-slot="user-detail-page"]', { state: 'detached' });
  await toggle.click();
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-slot="user-detail-page"]');
    return root !== null && root.querySelector('[data-state="loading"]') === null;
  });
}

/** @type {import('./run-checks.mjs').BrowserCheck} */
export const heapCheck = {
  name: `memory: mount/unmount the detail page ${CYCLES} times (${STORY})`,
  stories: [STORY],
  run: async (page, baseUrl) => {
    const phase = await openStory(page, baseUrl, STORY);
    if (phase !== 'finished') throw new CheckFailure(`story ${STORY} did not render (phase "${phase}")`);
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < WARM_UP; i++) await cycle(page);
    const noiseA = await usedHeap(cdp);
    const before = await usedHeap(cdp);
    for (let i = 0; i < CYCLES / 2; i++) await cycle(page);
    const half = await usedHeap(cdp);
    for (let i = 0; i < CYCLES / 2; i++) await cycle(page);
    const after = await usedHeap(cdp);
    const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
    console.log(
      `  heap: before ${mb(before)}, after ${CYCLES / 2} cycles ${mb(half)}, after ${CYCLES} ${mb(after)}; growth ${mb(half - before)} then ${mb(after - half)}; GC noise ${mb(Math.abs(before - noiseA))}`,
    );
    if (after - before > MAX_GROWTH_BYTES) {
      throw new CheckFailure(`the JS heap grew by ${mb(after - before)} over ${CYCLES} mount/unmount cycles (allowed ${mb(MAX_GROWTH_BYTES)})`);
    }
  },
};
