import { DEMO_DEFAULT_NOW } from 'userscope/adapters/demo';

/**
 * "Now" of the pages' range presets: the demo dataset ends at a fixed instant, so the example shows the same data
 * on every run. A host with live data leaves `now` out (the pages use the time of mount).
 */
export const DEMO_NOW = Date.parse(DEMO_DEFAULT_NOW);
