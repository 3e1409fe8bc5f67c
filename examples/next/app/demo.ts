import { DEMO_DEFAULT_NOW } from 'userscope/adapters/demo';

/** Base URL of the REST contract, served by app/api/userscope/[...path]/route.ts. */
export const API_BASE_URL = '/api/userscope';

/**
 * "Now" of the pages' range presets: the demo dataset ends at a fixed instant, so the example shows the same data
 * on every run. A host with live data leaves `now` out.
 */
export const DEMO_NOW = Date.parse(DEMO_DEFAULT_NOW);
