/**
 * The dated events of the demo world, anchored on `now`: each happens at 15:00 UTC a fixed number of days before
 * the UTC day of `now`, so the default `now` always gives the same calendar dates.
 * @module
 */
import { DAY_MS, HOUR_MS, toIso } from '../../core/engine/time';
import { DEMO_MODEL_SWITCH, DEMO_RELEASES, ENTERPRISE_UPGRADE_DAYS_BEFORE_NOW } from './catalog';

/** Absolute times (epoch ms) of the demo's dated events. */
export interface DemoTimelineMs {
  /** Pro-plan traffic moves from gpt-4o-mini to gpt-4.1. */
  modelSwitch: number;
  /** Enterprise traffic moves from gpt-4o-2024-05-13 to gpt-4o-2024-08-06. */
  enterpriseUpgrade: number;
  /** Releases, oldest first. */
  releases: { version: string; at: number }[];
}

/** The dated events of the demo world, as ISO UTC strings. */
export interface DemoTimeline {
  /** When pro-plan traffic moves from gpt-4o-mini to gpt-4.1 (the regression). */
  modelSwitch: string;
  /** When enterprise traffic moves to the newer gpt-4o snapshot (no regression). */
  enterpriseUpgrade: string;
  /** App releases, oldest first. */
  releases: { version: string; at: string }[];
}

/** 15:00 UTC, `days` days before the UTC day of `nowMs`. */
function daysBefore(nowMs: number, days: number): number {
  return Math.floor(nowMs / DAY_MS) * DAY_MS - days * DAY_MS + 15 * HOUR_MS;
}

/** The demo timeline for `nowMs`, in epoch ms. */
export function timelineMs(nowMs: number): DemoTimelineMs {
  return {
    modelSwitch: daysBefore(nowMs, DEMO_MODEL_SWITCH.daysBeforeNow),
    enterpriseUpgrade: daysBefore(nowMs, ENTERPRISE_UPGRADE_DAYS_BEFORE_NOW),
    releases: DEMO_RELEASES.map((r) => ({ version: r.version, at: daysBefore(nowMs, r.daysBeforeNow) })),
  };
}

/** The demo timeline for `now` (ISO), in ISO strings: use it to place story ranges around the switch. */
export function demoTimeline(now: string): DemoTimeline {
  const t = timelineMs(Date.parse(now));
  return {
    modelSwitch: toIso(t.modelSwitch),
    enterpriseUpgrade: toIso(t.enterpriseUpgrade),
    releases: t.releases.map((r) => ({ version: r.version, at: toIso(r.at) })),
  };
}
