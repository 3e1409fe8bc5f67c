/**
 * The demo users who clearly need attention, at fixed ids so stories and tests can open them whatever the seed.
 * @module
 */
import type { DemoPlan } from './catalog';

/** Ids of the demo's notable users. */
export interface DemoUserIds {
  /** Pro user with many traces across the model switch: success rate drops and p95 rises after it. */
  regression: string;
  /** Users whose error rate is above 35 %. */
  highErrors: readonly string[];
  /** Users whose p95 latency is more than 4× the typical user's. */
  slow: readonly string[];
  /** Users whose cost per trace is more than 5× the typical user's (long contexts on an expensive model). */
  expensive: readonly string[];
}

/** Fixed ids of the notable demo users (present in every dataset, whatever the seed). */
export const DEMO_USERS = {
  regression: 'user-00004',
  highErrors: ['user-00008', 'user-00015', 'user-00021'],
  slow: ['user-00012', 'user-00019'],
  expensive: ['user-00006', 'user-00023'],
} as const satisfies DemoUserIds;

/** What makes a user notable. */
export type SpecialKind = 'regression' | 'high-errors' | 'slow' | 'expensive';

/** How a notable user is generated. */
export interface SpecialProfile {
  /** What is wrong. */
  kind: SpecialKind;
  /** Plan. */
  plan: DemoPlan;
  /** Region id. */
  region: string;
  /** Traces relative to the mean user. */
  volume: number;
}

/** Generation profiles of the notable users, by id. */
export const SPECIAL_PROFILES: ReadonlyMap<string, SpecialProfile> = new Map<string, SpecialProfile>([
  [DEMO_USERS.regression, { kind: 'regression', plan: 'pro', region: 'us-east', volume: 4 }],
  [DEMO_USERS.highErrors[0], { kind: 'high-errors', plan: 'free', region: 'us-west', volume: 1 }],
  [DEMO_USERS.highErrors[1], { kind: 'high-errors', plan: 'enterprise', region: 'eu-west', volume: 1.5 }],
  [DEMO_USERS.highErrors[2], { kind: 'high-errors', plan: 'free', region: 'ap-south', volume: 1 }],
  [DEMO_USERS.slow[0], { kind: 'slow', plan: 'free', region: 'us-east', volume: 1 }],
  [DEMO_USERS.slow[1], { kind: 'slow', plan: 'enterprise', region: 'eu-west', volume: 1.2 }],
  [DEMO_USERS.expensive[0], { kind: 'expensive', plan: 'enterprise', region: 'us-west', volume: 1.5 }],
  [DEMO_USERS.expensive[1], { kind: 'expensive', plan: 'enterprise', region: 'eu-west', volume: 1 }],
]);

/** Fewest users a demo dataset can have: every notable user's id must exist. */
export const MIN_DEMO_USERS = 24;

/** The id of the user at zero-based `index`: `user-00001`, `user-00002`, … */
export function demoUserId(index: number): string {
  return `user-${String(index + 1).padStart(5, '0')}`;
}
