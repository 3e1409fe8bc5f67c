/**
 * UTC time helpers: parsing, bucket alignment (ISO weeks start Monday) and automatic granularity.
 * @module
 */
import { ProviderError } from '../errors';
import type { Granularity, TimeRange } from '../model';

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** One week in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; the first Monday on or before epoch is 1969-12-29, 3 days earlier. */
const MONDAY_OFFSET_MS = 3 * DAY_MS;

/** Parses an ISO-8601 timestamp to epoch ms; `NaN` when unparsable. */
export function toMs(iso: string): number {
  return Date.parse(iso);
}

/** Formats epoch ms as an ISO-8601 UTC string. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Range bounds in epoch ms. */
export interface MsRange {
  /** Inclusive start. */
  from: number;
  /** Exclusive end. */
  to: number;
}

/** Converts a {@link TimeRange} to epoch ms bounds. */
export function rangeToMs(range: TimeRange): MsRange {
  return { from: toMs(range.from), to: toMs(range.to) };
}

/** The previous period: the range of equal length ending where `range` starts. */
export function previousRange(range: MsRange): MsRange {
  return { from: range.from - (range.to - range.from), to: range.from };
}

/** Length of one bucket of `granularity` in ms. */
export function bucketSizeMs(granularity: Granularity): number {
  return granularity === 'hour' ? HOUR_MS : granularity === 'day' ? DAY_MS : WEEK_MS;
}

/** Start (epoch ms, UTC-aligned) of the bucket containing `ms`. Weeks start on Monday 00:00 UTC. */
export function bucketStart(ms: number, granularity: Granularity): number {
  const size = bucketSizeMs(granularity);
  const offset = granularity === 'week' ? MONDAY_OFFSET_MS : 0;
  return Math.floor((ms + offset) / size) * size - offset;
}

/**
 * Hard bound of {@link bucketStarts}, a safety net behind the param checks (`MAX_SERIES_BUCKETS` in `limits.ts`,
 * which is smaller): no series is ever built longer than this.
 */
export const BUCKET_STARTS_HARD_LIMIT = 10_000;

/**
 * Starts of every bucket that overlaps `[from, to)`, oldest first. Empty when the range is empty.
 * @throws ProviderError `invalid-data` (field `granularity`) beyond {@link BUCKET_STARTS_HARD_LIMIT} buckets.
 */
export function bucketStarts(range: MsRange, granularity: Granularity): number[] {
  const out: number[] = [];
  if (!(range.to > range.from)) return out;
  const size = bucketSizeMs(granularity);
  const first = bucketStart(range.from, granularity);
  if ((range.to - first) / size > BUCKET_STARTS_HARD_LIMIT) {
    throw new ProviderError('invalid-data', `granularity: "${granularity}" gives more than ${BUCKET_STARTS_HARD_LIMIT} buckets over this range`, {
      field: 'granularity',
    });
  }
  for (let t = first; t < range.to; t += size) out.push(t);
  return out;
}

/**
 * The granularity used when none is asked for: hourly up to 2 days, daily up to 120 days, weekly beyond.
 * Keeps a chart between roughly 24 and 120 buckets for common ranges.
 */
export function autoGranularity(range: MsRange): Granularity {
  const span = range.to - range.from;
  if (span <= 2 * DAY_MS) return 'hour';
  if (span <= 120 * DAY_MS) return 'day';
  return 'week';
}
