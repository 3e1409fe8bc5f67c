import { createDemoDataset, DEMO_DEFAULT_NOW } from '../../src/adapters/demo';
import { createMemoryProvider } from '../../src/adapters/memory';
import type { DataProvider, TimeRange } from '../../src/core';

let cached: DataProvider | undefined;

/** One memory provider over the default demo dataset, shared by every story (built on first use). */
export function demoProvider(): DataProvider {
  cached ??= createMemoryProvider({ ...createDemoDataset(), validate: false });
  return cached;
}

/** The demo's last 30 days, ending at its fixed `now`. */
export const DEMO_RANGE: TimeRange = {
  from: new Date(Date.parse(DEMO_DEFAULT_NOW) - 30 * 86_400_000).toISOString(),
  to: DEMO_DEFAULT_NOW,
};
