/**
 * Model usage of a selection: models seen with per-model metrics, the model mix per bucket and detected changes.
 * @module
 */
import type { Granularity } from '../model';
import type { ModelMixBucket, ModelStat, ModelUsage } from '../results';
import { detectChanges } from './change-events';
import { windowStats } from './models-changes';
import type { RowSlice } from './selection';
import { bucketSizeMs, bucketStart, bucketStarts, toIso, type MsRange } from './time';
import type { TraceIndex } from './trace-index';

/** The model label of traces that carry no model. */
export const UNKNOWN_MODEL = '(unknown)';

/** The rows covered by `slices`, ordered by start time (ties: row order, i.e. input order within a user). */
export function rowsByStart(idx: TraceIndex, slices: readonly RowSlice[]): Int32Array {
  let n = 0;
  for (const s of slices) n += Math.max(0, s.hi - s.lo);
  const rows = new Int32Array(n);
  let k = 0;
  for (const s of slices) for (let r = s.lo; r < s.hi; r++) rows[k++] = r;
  if (slices.length > 1) rows.sort((a, b) => (idx.startMs[a] as number) - (idx.startMs[b] as number) || a - b);
  return rows;
}

function modelLabel(idx: TraceIndex, code: number): string {
  return code < 0 ? UNKNOWN_MODEL : (idx.model.values[code] as string);
}

function modelStats(idx: TraceIndex, rows: Int32Array): ModelStat[] {
  const byModel = new Map<string, number[]>();
  for (const row of rows) {
    const label = modelLabel(idx, idx.model.codes[row] as number);
    let list = byModel.get(label);
    if (list === undefined) byModel.set(label, (list = []));
    list.push(row);
  }
  const out: ModelStat[] = [];
  for (const [model, list] of byModel) {
    const w = windowStats(idx, list);
    out.push({
      model,
      traceCount: list.length,
      share: list.length / rows.length,
      firstSeen: toIso(idx.startMs[list[0] as number] as number),
      lastSeen: toIso(idx.startMs[list[list.length - 1] as number] as number),
      successRate: w.successRate,
      latencyP95Ms: w.latencyP95Ms,
      costPerTraceUsd: w.costPerTraceUsd,
    });
  }
  return out.sort((a, b) => b.traceCount - a.traceCount || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

function modelMix(idx: TraceIndex, rows: Int32Array, range: MsRange, granularity: Granularity): ModelMixBucket[] {
  const starts = bucketStarts(range, granularity);
  const size = bucketSizeMs(granularity);
  const first = starts[0] as number;
  const counts = starts.map(() => new Map<string, number>());
  for (const row of rows) {
    const b = (bucketStart(idx.startMs[row] as number, granularity) - first) / size;
    const bucket = counts[b];
    if (bucket === undefined) continue;
    const label = modelLabel(idx, idx.model.codes[row] as number);
    bucket.set(label, (bucket.get(label) ?? 0) + 1);
  }
  // Object.fromEntries defines own properties, so a model named `__proto__` stays a plain key.
  return starts.map((t, b) => ({ t: toIso(t), counts: Object.fromEntries(counts[b] as Map<string, number>) }));
}

/**
 * Model usage of the traces in `slices` (a user's rows in `range`): models most used first (ties: by name), the
 * per-bucket mix (only models with traces in a bucket appear in its `counts`) and the model switches and releases
 * with before/after windows (the same at every granularity). Traces without a model are grouped under {@link UNKNOWN_MODEL}.
 */
export function computeModelUsage(idx: TraceIndex, slices: readonly RowSlice[], range: MsRange, granularity: Granularity): ModelUsage {
  const rows = rowsByStart(idx, slices);
  return {
    granularity,
    models: modelStats(idx, rows),
    mix: modelMix(idx, rows, range, granularity),
    changes: detectChanges(idx, rows),
  };
}
