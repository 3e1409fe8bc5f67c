/**
 * The regression callout: one plain sentence that connects a regression to the model switch or release it followed,
 * e.g. "Success rate fell from 97% to 84% after the switch from gpt-4o-mini to gpt-4.1 on Nov 12 (n = 200 → 200)".
 * Built only for changes the engine flagged (`ChangeEvent.regression`, rule in docs/metrics.md).
 * @module
 */
import type { ChangeEvent } from '../results';
import type { RegressionMeasure } from './models-changes';

/** Formatters the callout uses for its numbers and date; the UI passes its `Intl` formatters. */
export interface ChangeCalloutFormat {
  /** BCP 47 locale, for capitalising the sentence and joining the measures into a list. */
  locale: string;
  /** A 0..1 fraction as a percentage. */
  percent: (value: number | null) => string;
  /** A duration in ms. */
  duration: (ms: number | null) => string;
  /** A USD amount. */
  usd: (value: number | null) => string;
  /** A count of traces. */
  count: (value: number) => string;
  /** The day of the change (ISO UTC in). */
  date: (iso: string) => string;
}

/**
 * Default English templates of the callout (keys prefixed `callout` so they merge into a component's labels).
 * Placeholders: `{measure}`, `{before}`, `{after}` in `calloutFell` and `calloutRose`; `{changes}`, `{from}`, `{to}`,
 * `{date}`, `{nBefore}`, `{nAfter}` in the sentence templates.
 */
export const changeCalloutLabels = {
  calloutSuccessRate: 'success rate',
  calloutLatencyP95Ms: 'p95 latency',
  calloutCostPerTraceUsd: 'cost per trace',
  calloutFell: '{measure} fell from {before} to {after}',
  calloutRose: '{measure} rose from {before} to {after}',
  calloutModelSwitch: '{changes} after the switch from {from} to {to} on {date} (n = {nBefore} → {nAfter})',
  calloutFirstModel: '{changes} after the switch to {to} on {date} (n = {nBefore} → {nAfter})',
  calloutRelease: '{changes} after release {to} on {date} (n = {nBefore} → {nAfter})',
};

/** Strings of the callout (see {@link changeCalloutLabels}). */
export type ChangeCalloutLabels = typeof changeCalloutLabels;

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

function measureText(change: ChangeEvent, measure: RegressionMeasure, format: ChangeCalloutFormat, l: ChangeCalloutLabels): string {
  const before = change.before[measure];
  const after = change.after[measure];
  if (measure === 'successRate') {
    return fill(l.calloutFell, { measure: l.calloutSuccessRate, before: format.percent(before), after: format.percent(after) });
  }
  const latency = measure === 'latencyP95Ms';
  const value = latency ? format.duration : format.usd;
  return fill(l.calloutRose, { measure: latency ? l.calloutLatencyP95Ms : l.calloutCostPerTraceUsd, before: value(before), after: value(after) });
}

/**
 * The callout sentence of a change, or `null` unless the change is a flagged regression. Lists every regressed
 * measure (success rate, p95 latency, cost per trace, in that order) with its before and after values, then the
 * change and its day, then the sizes of the before / after windows the comparison used.
 */
export function buildChangeCallout(
  change: ChangeEvent,
  format: ChangeCalloutFormat,
  labels: Partial<ChangeCalloutLabels> = {},
): string | null {
  if (!change.regression || change.regressedOn.length === 0) return null;
  const l: ChangeCalloutLabels = { ...changeCalloutLabels, ...labels };
  const measures = change.regressedOn.map((m) => measureText(change, m, format, l));
  const template = change.kind === 'release' ? l.calloutRelease : change.from === null ? l.calloutFirstModel : l.calloutModelSwitch;
  const sentence = fill(template, {
    changes: new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(measures),
    from: change.from ?? '',
    to: change.to,
    date: format.date(change.at),
    nBefore: format.count(change.before.traceCount),
    nAfter: format.count(change.after.traceCount),
  });
  return sentence.charAt(0).toLocaleUpperCase(format.locale) + sentence.slice(1);
}
