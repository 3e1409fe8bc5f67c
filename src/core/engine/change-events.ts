/**
 * The changes of a user's model usage: model switches and new releases, grouped when too close to tell apart, each
 * measured on before/after windows that stop at the neighbouring changes, then judged by the regression rule.
 * The rules are stated in docs/metrics.md ("Models, releases and regressions").
 * @module
 */
import type { ChangeEvent, ChangeRef, WindowMetrics } from '../results';
import { detectModelSwitches } from './model-switches';
import { REGRESSION_RULE, regressionMeasures, windowStats, type WindowStats } from './models-changes';
import { toIso } from './time';
import type { TraceIndex } from './trace-index';

/** A detected change before it is measured: `cut` is the position in `rows` of the first trace at or after `at`. */
interface RawChange {
  kind: ChangeEvent['kind'];
  cut: number;
  at: number;
  from: string | null;
  to: string;
}

/** The change at `rows[pos]`, cut by time so traces sharing its start are all "after". */
function located(idx: TraceIndex, rows: Int32Array, pos: number): { cut: number; at: number } {
  const at = idx.startMs[rows[pos] as number] as number;
  let cut = pos;
  while (cut > 0 && (idx.startMs[rows[cut - 1] as number] as number) >= at) cut--;
  return { cut, at };
}

/** Each release value first seen after the first trace in range. */
function releaseChanges(idx: TraceIndex, rows: Int32Array): RawChange[] {
  const out: RawChange[] = [];
  const codes = idx.release.codes;
  const names = idx.release.values;
  const seen = new Set<number>();
  let last = -1;
  for (let p = 0; p < rows.length; p++) {
    const code = codes[rows[p] as number] as number;
    if (code < 0) continue;
    if (!seen.has(code)) {
      seen.add(code);
      const from = last < 0 ? null : (names[last] as string);
      if (p > 0) out.push({ kind: 'release', ...located(idx, rows, p), from, to: names[code] as string });
    }
    last = code;
  }
  return out;
}

function modelChanges(idx: TraceIndex, rows: Int32Array): RawChange[] {
  const names = idx.model.values;
  const { switchWindow, switchShare } = REGRESSION_RULE;
  return detectModelSwitches(idx, rows, switchWindow, switchShare).map((s) => ({
    kind: 'model-switch',
    ...located(idx, rows, s.pos),
    from: names[s.from] as string,
    to: names[s.to] as string,
  }));
}

/** Consecutive changes fewer than `minSample` traces apart (or at the same instant) form one group. */
function groupsOf(changes: RawChange[]): RawChange[][] {
  const groups: RawChange[][] = [];
  for (const c of changes) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group !== undefined && last !== undefined && c.cut - last.cut < REGRESSION_RULE.minSample) group.push(c);
    else groups.push([c]);
  }
  return groups;
}

function publicWindow(w: WindowStats): WindowMetrics {
  return { traceCount: w.traceCount, successRate: w.successRate, latencyP95Ms: w.latencyP95Ms, costPerTraceUsd: w.costPerTraceUsd };
}

function refOf(c: RawChange): ChangeRef {
  return { kind: c.kind, at: toIso(c.at), to: c.to };
}

/**
 * Measures each group: *before* runs from the previous group's last change (or the first trace) to the group's first
 * change, *after* from the group's last change to the next group's first (or the last trace); both are cut to
 * `N = min(|before|, |after|, maxWindow)` traces nearest the group.
 */
function measureGroups(idx: TraceIndex, rows: Int32Array, groups: RawChange[][]): ChangeEvent[] {
  const out: ChangeEvent[] = [];
  groups.forEach((group, g) => {
    const first = group[0] as RawChange;
    const last = group[group.length - 1] as RawChange;
    const previous = groups[g - 1];
    const beforeLo = previous === undefined ? 0 : (previous[previous.length - 1] as RawChange).cut;
    const afterHi = groups[g + 1]?.[0]?.cut ?? rows.length;
    const n = Math.min(first.cut - beforeLo, afterHi - last.cut, REGRESSION_RULE.maxWindow);
    const before = windowStats(idx, rows, first.cut - n, first.cut);
    const after = windowStats(idx, rows, last.cut, last.cut + n);
    const regressedOn = regressionMeasures(before, after);
    for (const c of group) {
      const event: ChangeEvent = {
        kind: c.kind,
        at: toIso(c.at),
        from: c.from,
        to: c.to,
        before: publicWindow(before),
        after: publicWindow(after),
        regression: regressedOn.length > 0,
        regressedOn: [...regressedOn],
      };
      if (group.length > 1) event.overlapsWith = group.filter((o) => o !== c).map(refOf);
      out.push(event);
    }
  });
  return out;
}

/**
 * Model switches and releases among `rows` (a selection's rows in start order, all inside the range), in time order
 * (ties: model switches first, then by `to`), each with before/after windows bounded by its neighbours and the
 * regression verdict. Bucket size plays no part.
 */
export function detectChanges(idx: TraceIndex, rows: Int32Array): ChangeEvent[] {
  const raw = [...modelChanges(idx, rows), ...releaseChanges(idx, rows)];
  raw.sort((a, b) => a.at - b.at || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return measureGroups(idx, rows, groupsOf(raw));
}
