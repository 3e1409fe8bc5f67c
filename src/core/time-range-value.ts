/**
 * Time-range presets of the pages: the last 24 hours, 7, 30 or 90 days before `now`, or custom UTC days.
 * @module
 */
import type { TimeRange } from './model';
import { MAX_RANGE_DAYS } from './limits';

/** A preset relative to `now`. */
export type TimeRangePreset = '24h' | '7d' | '30d' | '90d';

/** Every preset, shortest first. */
export const TIME_RANGE_PRESETS: readonly TimeRangePreset[] = ['24h', '7d', '30d', '90d'];

/**
 * What a time-range picker holds: a preset (resolved against `now`) or custom whole UTC days,
 * `from` and `to` as `YYYY-MM-DD`, both inclusive.
 */
export type TimeRangeValue = { preset: TimeRangePreset } | CustomTimeRange;

/** Custom whole UTC days, `YYYY-MM-DD`, both inclusive. */
export interface CustomTimeRange {
  /** Always `custom`. */
  preset: 'custom';
  /** First day. */
  from: string;
  /** Last day (inclusive). */
  to: string;
}

const DAY_MS = 86_400_000;
const PRESET_MS: Record<TimeRangePreset, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of an epoch-ms instant, in UTC. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms of the start of a `YYYY-MM-DD` UTC day, or `NaN` when it is not one. */
export function parseUtcDay(day: string): number {
  return ISO_DAY.test(day) ? Date.parse(`${day}T00:00:00.000Z`) : NaN;
}

/**
 * The half-open range a value stands for: presets end at `now` (epoch ms); custom days run from the start of
 * `from` to the end of `to` (UTC). A custom value whose days are invalid, reversed or longer than `MAX_RANGE_DAYS`
 * falls back to the last 7 days.
 */
export function resolveTimeRange(value: TimeRangeValue, now: number): TimeRange {
  if (value.preset === 'custom') {
    if (customRangeProblem(value) === null) {
      return { from: `${value.from}T00:00:00.000Z`, to: new Date(parseUtcDay(value.to) + DAY_MS).toISOString() };
    }
    return resolveTimeRange({ preset: '7d' }, now);
  }
  return { from: new Date(now - PRESET_MS[value.preset]).toISOString(), to: new Date(now).toISOString() };
}

/**
 * What is wrong with a custom range, or `null`: `reversed` (a day is not a day, or the start is after the end) or
 * `tooLong` (more than `maxDays` days, start and end included).
 */
export function customRangeProblem(value: Pick<CustomTimeRange, 'from' | 'to'>, maxDays: number = MAX_RANGE_DAYS): 'reversed' | 'tooLong' | null {
  const from = parseUtcDay(value.from);
  const to = parseUtcDay(value.to);
  if (!(from <= to)) return 'reversed';
  return (to - from) / DAY_MS + 1 > maxDays ? 'tooLong' : null;
}

/** A custom value covering the same UTC days as `range` (its last instant's day is the inclusive end). */
export function customFromRange(range: TimeRange): CustomTimeRange {
  return { preset: 'custom', from: utcDay(Date.parse(range.from)), to: utcDay(Date.parse(range.to) - 1) };
}
