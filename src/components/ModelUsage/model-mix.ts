/**
 * The model-mix chart's data: the most used models each get a layer in their fixed colour, the rest share one
 * "other" layer; counts per bucket as typed arrays, oldest bucket first.
 * @module
 */
import type { ModelUsage } from '../../core/results';
import { bucketStartsMs } from '../charts/time-buckets';
import { oneLineText } from '../primitives/display-text';

/** The palette of model colours. Which model gets which one: {@link modelColors}. */
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

/** FNV-1a hash of a model id (32-bit, unsigned). */
function hashModel(model: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < model.length; i += 1) {
    h ^= model.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A fixed colour per model: each model's own palette slot is a hash of its id, so a model keeps its colour whatever
 * the range, zoom or the other models. When two models hash to the same slot, the one earlier in `models` (pass them
 * most used first) keeps it and the other takes the next free slot; once the palette is used up, later models get
 * none (they join "Other models").
 */
export function modelColors(models: readonly string[], palette: readonly string[] = MODEL_COLORS): Map<string, string> {
  const taken = new Set<number>();
  const out = new Map<string, string>();
  for (const model of models) {
    if (out.has(model) || taken.size >= palette.length) continue;
    let slot = hashModel(model) % palette.length;
    while (taken.has(slot)) slot = (slot + 1) % palette.length;
    taken.add(slot);
    out.set(model, palette[slot] as string);
  }
  return out;
}

/**
 * Builds the stack of `usage.mix`: the `maxLayers` (≤ 5) most used models that have a colour in `colors` each get a
 * layer, the rest share one "other" layer.
 */
export function modelMix(usage: ModelUsage, maxLayers: number, otherLabel: string, colors: ReadonlyMap<string, string>): ModelMixData {
  const n = usage.mix.length;
  const starts = bucketStartsMs(usage.mix);
  const keep = Math.min(maxLayers, MODEL_COLORS.length);
  const layers: MixLayer[] = usage.models
    .filter((m) => colors.has(m.model))
    .slice(0, keep)
    .map((m) => ({ id: m.model, label: oneLineText(m.model), color: colors.get(m.model) as string, values: new Float64Array(n) }));
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
