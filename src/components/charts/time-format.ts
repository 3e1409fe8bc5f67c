/**
 * UTC date formatting for chart axes, tooltips and tables (cached `Intl.DateTimeFormat` per locale and style).
 * @module
 */
import type { Granularity } from '../../core/model';
import { DAY_MS } from '../../core/engine/time';

type DateStyle = 'time' | 'day' | 'dayYear' | 'hourYear';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  day: { month: 'short', day: 'numeric' },
  dayYear: { year: 'numeric', month: 'short', day: 'numeric' },
  hourYear: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/** Formats epoch ms in UTC with one of the chart date styles. */
export function formatUtc(ms: number, style: DateStyle, locale: string): string {
  const key = `${locale}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...OPTIONS[style] });
    cache.set(key, f);
  }
  return f.format(ms);
}

/** A tick label: the time of day for ticks inside a day, else the day (with the year on long spans). */
export function formatTick(ms: number, spanMs: number, locale: string): string {
  if (ms % DAY_MS !== 0) return formatUtc(ms, 'time', locale);
  return formatUtc(ms, spanMs > 300 * DAY_MS ? 'dayYear' : 'day', locale);
}

/** A bucket as a reader names it: `Nov 13, 2026, 14:00 UTC`, `Nov 13, 2026`, or (weeks) the Monday it starts. */
export function formatBucket(start: number, granularity: Granularity, locale: string): string {
  return formatUtc(start, granularity === 'hour' ? 'hourYear' : 'dayYear', locale);
}
