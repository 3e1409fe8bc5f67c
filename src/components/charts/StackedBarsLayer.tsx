import { memo, useMemo } from 'react';
import type { Granularity } from '../../core/model';
import { bucketSizeMs, type MsRange } from '../../core/engine/time';
import type { LinearScale } from './chart-layout';
import { bucketsInDomain } from './time-buckets';

/** One layer of a stack: a colour and a value per bucket. */
export interface StackLayer {
  /** Stable id. */
  id: string;
  /** Fill colour (CSS). */
  color: string;
  /** Value per bucket (≥ 0). */
  values: Float64Array;
}

/** Props of {@link StackedBarsLayer}. */
export interface StackedBarsLayerProps {
  /** Bucket starts, epoch ms. */
  starts: Float64Array;
  /** Bucket size. */
  granularity: Granularity;
  /** Layers, bottom first. */
  layers: readonly StackLayer[];
  /** Visible span. */
  domain: MsRange;
  /** Time → x. */
  x: LinearScale;
  /** Value → y. */
  y: LinearScale;
}

/** Path data of every layer: one rectangle per visible bucket with a non-zero value, stacked bottom first. */
function stackPaths({ starts, granularity, layers, domain, x, y }: StackedBarsLayerProps): string[] {
  const { lo, hi } = bucketsInDomain(starts, granularity, domain);
  const size = bucketSizeMs(granularity);
  const paths = layers.map(() => [] as string[]);
  for (let b = lo; b < hi; b++) {
    const x0 = x(starts[b] as number);
    const full = x((starts[b] as number) + size) - x0;
    const gap = full > 4 ? 1 : 0;
    const w = Math.max(0.5, full - gap);
    let base = 0;
    layers.forEach((layer, k) => {
      const v = layer.values[b] as number;
      if (!(v > 0)) return;
      const top = y(base + v);
      const bottom = y(base);
      (paths[k] as string[]).push(`M${(x0 + gap / 2).toFixed(2)},${top.toFixed(2)}h${w.toFixed(2)}V${bottom.toFixed(2)}h${(-w).toFixed(2)}Z`);
      base += v;
    });
  }
  return paths.map((p) => p.join(''));
}

/**
 * Stacked bars, one path per layer (so a year of hourly buckets is still a handful of SVG elements; bars narrower
 * than a pixel merge into an area). Memoised: the crosshair moving does not redraw it.
 */
export const StackedBarsLayer = memo(function StackedBarsLayer(props: StackedBarsLayerProps) {
  const { starts, granularity, layers, domain, x, y } = props;
  const paths = useMemo(() => stackPaths({ starts, granularity, layers, domain, x, y }), [starts, granularity, layers, domain, x, y]);
  return (
    <g className="us-chart__bars" data-slot="stacked-bars">
      {layers.map((layer, k) => (
        <path key={layer.id} data-layer={layer.id} d={paths[k]} fill={layer.color} />
      ))}
    </g>
  );
});
