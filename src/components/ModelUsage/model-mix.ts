/**
 * The model-mix chart's data: the most used models each get a colour and a layer, the rest share one "other" layer;
 * counts per bucket as typed arrays, oldest bucket first.
 * @module
 */
import type { ModelUsage } from '../../core/results';
import { bucketStartsMs } from '../charts/time-buckets';
import { oneLineText } from '../primitives/display-text';

/** Colours of the model layers, most used first. */
export const MODEL_COLORS = [
  'var(--us-color-chart-1)',
  'var(--us-color-chart-2)',
  'var(--us-color-chart-3)',
  'var(--us-color-chart-4)',
  'var(--us-color-chart-5)',
] as const;

/** Colour of the layer of the remaining models. */
export const OTHER_COLOR = 'var(--us-color-text-muted)';

/** Id of the layer of the remaining models. */
export const OTHER_ID = '(other)';

/** One layer of the stack. */
export interface MixLayer {
  /** Model id, or {@link OTHER_ID}. */
  id: string;
  /** Legend text. */
  label: string;
  /** Fill colour. */
  color: string;
  /** Traces per bucket. */
  values: Float64Array;
}

/** Stack layers (bottom first) and per-bucket totals. */
export interface ModelMixData {
  /** Bucket starts, epoch ms. */
  starts: Float64Array;
  /** Layers, most used model at the bottom; the "other" layer last when present. */
  layers: MixLayer[];
  /** Traces per bucket. */
  totals: Float64Array;
}

/** The colour of each model in `usage.models` order: the first `maxLayers` get a chart colour, the rest "other". */
export function modelColor(index: number, maxLayers: number): string {
  return index < maxLayers ? (MODEL_COLORS[index % MODEL_COLORS.length] as string) : OTHER_COLOR;
}

/** Builds the stack of `usage.mix` with at most `maxLayers` model layers (≤ 5) plus one for the rest. */
export function modelMix(usage: ModelUsage, maxLayers: number, otherLabel: string): ModelMixData {
  const n = usage.mix.length;
  const starts = bucketStartsMs(usage.mix);
  const keep = Math.min(maxLayers, MODEL_COLORS.length);
  const layers: MixLayer[] = usage.models.slice(0, keep).map((m, i) => ({ id: m.model, label: oneLineText(m.model), color: modelColor(i, keep), values: new Float64Array(n) }));
  const index = new Map(layers.map((layer, i) => [layer.id, i]));
  const other: MixLayer = { id: OTHER_ID, label: otherLabel, color: OTHER_COLOR, values: new Float64Array(n) };
  const totals = new Float64Array(n);
  usage.mix.forEach((bucket, b) => {
    for (const [model, count] of Object.entries(bucket.counts)) {
      const i = index.get(model);
      (i === undefined ? other : (layers[i] as MixLayer)).values[b] += count;
      totals[b] += count;
    }
  });
  if (other.values.some((v) => v > 0)) layers.push(other);
  return { starts, layers, totals };
}
