/**
 * The time axis of the feedback trend and comment momentum charts: margins and span labels (the spans themselves
 * are `charts/time-spans`).
 * @module
 */
import { bucketSizeMs } from '../../core/engine/time';
import type { Granularity } from '../../core/model';
import type { Span } from '../charts/time-spans';
import { periodLabel } from './series';

/** Space around a time plot (px): room for the axes and the change markers. */
export const TIME_MARGIN = { top: 22, right: 44, bottom: 24, left: 44 } as const;

/** Label of a drawn span: one period, or "first – last" when several periods were summed into it. */
export function spanLabel<T>(span: Span<T>, granularity: Granularity, locale: string, weekTemplate: string): string {
  const lastStart = span.to - bucketSizeMs(granularity);
  const first = periodLabel(span.from, granularity, locale, weekTemplate);
  return lastStart <= span.from ? first : `${first} – ${periodLabel(lastStart, granularity, locale, weekTemplate)}`;
}
