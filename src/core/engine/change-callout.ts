/**
 * The regression callout: one plain sentence that connects a regression to the model switch or release it followed,
 * e.g. "Success rate fell from 97% to 84% after the switch from gpt-4o-mini to gpt-4.1 on Nov 12 (n = 200 → 200)".
 * Built only for changes the engine flagged (`ChangeEvent.regression`, rule in docs/metrics.md).
 * @module
 */
import type { ChangeEvent, ChangeRef } from '../results';
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
 * `{date}`, `{nBefore}`, `{nAfter}` in the sentence templates; `{group}` (the group's changes as a list, each named by
 * `calloutGroupRelease` / `calloutGroupSwitch` with `{to}`) in `calloutGroup`.
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
  calloutGroup: '{changes} after {group} on {date}, too close together to tell which (n = {nBefore} → {nAfter})',
  calloutGroupRelease: 'release {to}',
  calloutGroupSwitch: 'the switch to {to}',
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

/** The change and those it overlaps (`overlapsWith`), in list order: time, model switches first, then by `to`. */
function groupOf(change: ChangeEvent): ChangeRef[] {
  const all: ChangeRef[] = [{ kind: change.kind, at: change.at, to: change.to }, ...(change.overlapsWith ?? [])];
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a.kind, b.kind) || order(a.to, b.to));
}

/**
 * The callout sentence of a change, or `null` unless the change is a flagged regression. Lists every regressed
 * measure (success rate, p95 latency, cost per trace, in that order) with its before and after values, then the
 * change and its day (for a group of changes too close to tell apart, every change of the group and "too close
 * together to tell which"), then the sizes of the before / after windows the comparison used.
 */
export function buildChangeCallout(
  change: ChangeEvent,
  format: ChangeCalloutFormat,
  labels: Partial<ChangeCalloutLabels> = {},
): string | null {
  if (!change.regression || change.regressedOn.length === 0) return null;
  const l: ChangeCalloutLabels = { ...changeCalloutLabels, ...labels };
  const measures = change.regressedOn.map((m) => measureText(change, m, format, l));
  const list = (items: string[]): string => new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(items);
  const group = groupOf(change);
  const template =
    group.length > 1 ? l.calloutGroup : change.kind === 'release' ? l.calloutRelease : change.from === null ? l.calloutFirstModel : l.calloutModelSwitch;
  const days = [...new Set(group.map((c) => format.date(c.at)))];
  const sentence = fill(template, {
    changes: list(measures),
    group: list(group.map((c) => fill(c.kind === 'release' ? l.calloutGroupRelease : l.calloutGroupSwitch, { to: c.to }))),
    from: change.from ?? '',
    to: change.to,
    date: days.length > 1 ? `${days[0]} – ${days[days.length - 1]}` : format.date(change.at),
    nBefore: format.count(change.before.traceCount),
    nAfter: format.count(change.after.traceCount),
  });
  return sentence.charAt(0).toLocaleUpperCase(format.locale) + sentence.slice(1);
}

/**
 * The flagged regressions of `changes`, one per group of changes too close to tell apart (the group's first member,
 * whose callout names the whole group), in list order. What a page shows as its regression callouts.
 */
export function flaggedRegressions(changes: readonly ChangeEvent[]): ChangeEvent[] {
  const key = (c: ChangeRef): string => `${c.kind}|${c.at}|${c.to}`;
  const listed = new Set<string>();
  const out: ChangeEvent[] = [];
  for (const change of changes) {
    const grouped = (change.overlapsWith ?? []).some((other) => listed.has(key(other)));
    listed.add(key(change));
    if (!grouped && change.regression && change.regressedOn.length > 0) out.push(change);
  }
  return out;
}
