/**
 * Chart markers for model switches and releases: where they go, their tooltip, and their accessible name and
 * description (which repeat the tooltip, since the tooltip is visual only).
 * @module
 */
import { buildChangeCallout, changeCalloutLabels, type ChangeCalloutFormat, type ChangeCalloutLabels } from '../../core/engine/change-callout';
import { toMs } from '../../core/engine/time';
import type { ChangeEvent } from '../../core/results';
import { formatCount, formatDateTime, formatDuration, formatPercent, formatUsd } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { ChartLabels } from './chart-labels';
import { formatUtc } from './time-format';

/** A change drawn on a chart. */
export interface ChartMarker {
  /** Stable key (kind, time and target). */
  key: string;
  /** When the change took effect, epoch ms. */
  at: number;
  /** Model switch or release. */
  kind: ChangeEvent['kind'];
  /** Whether the regression rule flagged it. */
  regression: boolean;
  /** Tooltip heading, e.g. `Model switch · Nov 13, 2026, 16:22 UTC`. */
  title: string;
  /** Tooltip lines: the change, before → after values, window sizes and the verdict. */
  lines: string[];
  /** Accessible name: kind, change and time (the tooltip lines are the description). */
  name: string;
}

/** Strings the markers need. */
export type MarkerLabels = ChartLabels & ChangeCalloutLabels;

/** The callout formatters of a locale (numbers as elsewhere in userscope, the day as `Nov 13`). */
function calloutFormat(locale: string): ChangeCalloutFormat {
  return {
    locale,
    percent: (v) => formatPercent(v, locale),
    duration: (ms) => formatDuration(ms, locale),
    usd: (v) => formatUsd(v, locale),
    count: (n) => formatCount(n, locale),
    date: (iso) => formatUtc(toMs(iso), 'day', locale),
  };
}

/** The regression sentence of a change (see `buildChangeCallout`), or `null` when it is not a regression. */
export function changeCallout(change: ChangeEvent, locale: string, labels: Partial<ChangeCalloutLabels> = changeCalloutLabels): string | null {
  return buildChangeCallout(change, calloutFormat(locale), labels);
}

/** One marker per change, in the order given. */
export function changeMarkers(changes: readonly ChangeEvent[], locale: string, l: MarkerLabels): ChartMarker[] {
  return changes.map((change) => {
    const kind = change.kind === 'release' ? l.release : l.modelSwitch;
    const time = formatDateTime(change.at, locale);
    const what = change.from === null ? formatLabel(l.changeTo, { to: change.to }) : formatLabel(l.changeFromTo, { from: change.from, to: change.to });
    const pair = (measure: string, before: string, after: string) => formatLabel(l.beforeAfter, { measure, before, after });
    const verdict = changeCallout(change, locale, l) ?? l.noRegression;
    const lines = [
      what,
      pair(l.successRate, formatPercent(change.before.successRate, locale), formatPercent(change.after.successRate, locale)),
      pair(l.latencyP95Ms, formatDuration(change.before.latencyP95Ms, locale), formatDuration(change.after.latencyP95Ms, locale)),
      pair(l.costPerTraceUsd, formatUsd(change.before.costPerTraceUsd, locale), formatUsd(change.after.costPerTraceUsd, locale)),
      formatLabel(l.windowSizes, { before: formatCount(change.before.traceCount, locale), after: formatCount(change.after.traceCount, locale) }),
      verdict,
    ];
    return {
      key: `${change.kind}|${change.at}|${change.to}`,
      at: toMs(change.at),
      kind: change.kind,
      regression: change.regression,
      title: `${kind} · ${time}`,
      lines,
      name: formatLabel(change.regression ? l.markerNameRegression : l.markerName, { kind, change: what, time }),
    };
  });
}
