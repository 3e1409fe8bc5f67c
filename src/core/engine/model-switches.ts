/**
 * Model-switch detection, independent of any bucket size: a switch is a lasting change of the model a user's traces
 * are *settled* on. The rule is stated in docs/metrics.md ("Model switch"); the numbers are `switchWindow` and
 * `switchShare` of `REGRESSION_RULE`.
 * @module
 */
import type { TraceIndex } from './trace-index';

/** A detected switch: `pos` is the position in `rows` of its first trace on `to`. */
export interface RawSwitch {
  /** Position in `rows` of the first trace on the new model. */
  pos: number;
  /** Model code switched from. */
  from: number;
  /** Model code switched to. */
  to: number;
}

/**
 * The split between the last window settled on `from` and the first settled on `to` (`known[lo..hi]`): the earliest
 * trace on `to` that leaves the most traces on `from` before it plus traces on `to` from it on.
 */
function bestSplit(codes: Int32Array, known: Int32Array, lo: number, hi: number, from: number, to: number): number {
  let totalTo = 0;
  for (let k = lo; k <= hi; k++) if (codes[known[k] as number] === to) totalTo++;
  let best = -1;
  let bestScore = -1;
  let fromBefore = 0;
  let toBefore = 0;
  for (let k = lo; k <= hi; k++) {
    const code = codes[known[k] as number] as number;
    if (code === to) {
      const score = fromBefore + totalTo - toBefore;
      if (score > bestScore) {
        best = k;
        bestScore = score;
      }
      toBefore++;
    } else if (code === from) fromBefore++;
  }
  return best;
}

/**
 * Model switches among `rows` (start order). Traces without a model are left out. Going through the traces with a
 * model, each run of `window` consecutive ones is *settled* on a model holding at least `share` of it. The first
 * settled model is the baseline; each later settled model that differs from the current one is a switch, located by
 * {@link bestSplit} between the last window settled on the old model and the first settled on the new one (and never
 * before the previous switch). A stable mix in which no model reaches `share` never settles, so never switches.
 */
export function detectModelSwitches(idx: TraceIndex, rows: Int32Array, window: number, share: number): RawSwitch[] {
  const codes = idx.model.codes;
  const knownList: number[] = [];
  for (let p = 0; p < rows.length; p++) if ((codes[rows[p] as number] as number) >= 0) knownList.push(p);
  const known = Int32Array.from(knownList, (p) => rows[p] as number);
  const out: RawSwitch[] = [];
  // Exact: count / window ≥ share, as a whole number of traces (24 of 30 for 0.8).
  const need = Math.ceil(window * share - 1e-9);
  const counts = new Map<number, number>();
  let settled = -1;
  let current = -1;
  let lastStart = 0; // start (in `known`) of the last window settled on `current`
  let floor = 0; // a split never goes before the previous switch
  for (let k = 0; k < known.length; k++) {
    const added = codes[known[k] as number] as number;
    counts.set(added, (counts.get(added) ?? 0) + 1);
    if (k >= window) {
      const removed = codes[known[k - window] as number] as number;
      counts.set(removed, (counts.get(removed) as number) - 1);
    }
    if (k < window - 1) continue;
    if (k === window - 1) {
      for (const [code, count] of counts) if (count >= need) settled = code;
    } else {
      // Sliding by one trace: only the model just added can newly settle.
      if (settled >= 0 && (counts.get(settled) as number) < need) settled = -1;
      if ((counts.get(added) as number) >= need) settled = added;
    }
    if (settled < 0) continue;
    const start = k - window + 1;
    if (current >= 0 && settled !== current) {
      const split = bestSplit(codes, known, Math.max(lastStart, floor), k, current, settled);
      out.push({ pos: knownList[split] as number, from: current, to: settled });
      floor = split + 1;
    }
    current = settled;
    lastStart = start;
  }
  return out;
}
