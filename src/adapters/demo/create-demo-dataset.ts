/**
 * `createDemoDataset`: the seeded, realistic dataset behind the embedded demo and Storybook. Deterministic (same
 * options, deep-equal output) and fast enough for a million traces. It contains a dated model switch that regresses
 * pro-plan users, app releases, every error type, sparse feedback with comments, and a handful of users who clearly
 * need attention (`DEMO_USERS`).
 * @module
 */
import { generateDemoDataset, type DemoDataset } from './generate';
import { MIN_DEMO_USERS } from './special-users';

export { DEMO_MODEL_SWITCH, DEMO_RELEASES } from './catalog';
export { DEMO_USERS, MIN_DEMO_USERS, type DemoUserIds } from './special-users';
export { demoTimeline, type DemoTimeline } from './timeline';

/** The default `now` of the demo dataset: its window ends here. */
export const DEMO_DEFAULT_NOW = '2026-11-25T12:00:00.000Z';

/** Options of {@link createDemoDataset}. */
export interface DemoDatasetOptions {
  /** Integer seed. Default 42. */
  seed?: number;
  /** Number of users, at least {@link MIN_DEMO_USERS} (the notable users are always among them). Default 300. */
  users?: number;
  /**
   * Days of activity, ending at `now`. Default 90 (was 30), so the default 30-day view has a previous period to
   * compare with and the dated model switch and releases fall inside it.
   */
  days?: number;
  /** End of the window (ISO UTC, exclusive). Default {@link DEMO_DEFAULT_NOW}. */
  now?: string;
  /** Mean traces per user over the window. Default ≈ 5.6 a day: ≈ 500 in 90 days, ≈ 150k traces for 300 users. */
  tracesPerUser?: number;
}

/** Default mean traces per user per day: 300 users × 30 days ≈ 50k traces. */
const TRACES_PER_USER_PER_DAY = 50_000 / (300 * 30);

/**
 * Generates the demo dataset `{ users, traces, feedback }`. Throws `RangeError` for invalid options.
 * Defaults: 300 users, 90 days ending at {@link DEMO_DEFAULT_NOW}, ≈ 150k traces (≈ 50k in the last 30 days). Scales to 1M traces
 * (e.g. `{ users: 6000 }`) in a few seconds.
 */
export function createDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const { seed = 42, users = 300, days = 90, now = DEMO_DEFAULT_NOW } = options;
  const tracesPerUser = options.tracesPerUser ?? days * TRACES_PER_USER_PER_DAY;
  const nowMs = Date.parse(now);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(users) || users < MIN_DEMO_USERS) {
    throw new RangeError(`users must be an integer ≥ ${MIN_DEMO_USERS}, got ${users}`);
  }
  if (!(Number.isFinite(days) && days > 0)) throw new RangeError(`days must be a positive number, got ${days}`);
  if (!Number.isFinite(nowMs)) throw new RangeError(`now must be an ISO timestamp, got ${JSON.stringify(now)}`);
  if (!(Number.isFinite(tracesPerUser) && tracesPerUser >= 0)) {
    throw new RangeError(`tracesPerUser must be a number ≥ 0, got ${tracesPerUser}`);
  }
  return generateDemoDataset({ seed, users, days, now: nowMs, tracesPerUser });
}
