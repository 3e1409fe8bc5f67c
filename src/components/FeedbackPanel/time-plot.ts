/**
 * The time axis shared by the feedback trend and comment momentum charts.
 * @module
 */
import { scaleUtc } from '@visx/scale';
import { bucketSizeMs } from '../../core/engine/time';
import type { Granularity } from '../../core/model';
import { periodLabel, type Span } from './series';

/** Space around a time plot (px): room for the axes and the change markers. */
export const TIME_MARGIN = { top: 22, right: 44, bottom: 24, left: 44 } as const;

/** Fewest px per drawn bar: longer series are summed into wider buckets. */
const MIN_BAR_PX = 4;

/** Most bars that fit a plot of `innerWidth` px. */
export function maxBars(innerWidth: number): number {
  return Math.max(1, Math.floor(innerWidth / MIN_BAR_PX));
}

/** A UTC time scale over `[from, to)` of the series (epoch ms) onto `[0, innerWidth]`. */
export function timeScale(from: number, to: number, innerWidth: number) {
  return scaleUtc<number>({ domain: [new Date(from), new Date(to)], range: [0, innerWidth] });
}

/** Index of the span whose `[from, to)` contains `ms`, or `null`. */
export function spanIndexAt<T>(spans: readonly Span<T>[], ms: number): number | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span<T>;
    if (ms < s.from) hi = mid - 1;
    else if (ms >= s.to) lo = mid + 1;
    else return mid;
  }
  return null;
}

/** Label of a drawn span: one period, or "first – last" when several periods were summed into it. */
export function spanLabel<T>(span: Span<T>, granularity: Granularity, locale: string, weekTemplate: string): string {
  const lastStart = span.to - bucketSizeMs(granularity);
  const first = periodLabel(span.from, granularity, locale, weekTemplate);
  return lastStart <= span.from ? first : `${first} – ${periodLabel(lastStart, granularity, locale, weekTemplate)}`;
}

/** Where a span's bar goes on a time scale: its left edge, the span's full width, and the bar's width (px). */
export function spanBar<T>(x: ReturnType<typeof timeScale>, span: Span<T>): { x0: number; full: number; width: number } {
  const x0 = x(new Date(span.from));
  const full = x(new Date(span.to)) - x0;
  // A 1 px gap between bars once they are wide enough to show it.
  return { x0, full, width: Math.max(1, full - (full >= 4 ? 1 : 0)) };
}
