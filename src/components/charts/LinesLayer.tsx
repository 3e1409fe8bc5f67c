import { LinePath } from '@visx/shape';
import { memo, useMemo } from 'react';
import type { MsRange } from '../../core/engine/time';
import type { LinearScale } from './chart-layout';
import { downsampleSeries, type ChartSeries } from './series';

/** Radius of a point drawn alone between gaps, px. */
const DOT_RADIUS = 2.5;

/** Props of {@link LinesLayer}. */
export interface LinesLayerProps {
  /** Series, drawn in order (later on top). */
  series: readonly ChartSeries[];
  /** Visible span: only its points (and one neighbour each side) are drawn. */
  domain: MsRange;
  /** Downsampling target: about this many points per series (normally the plot width in px). */
  maxPoints: number;
  /** Time → x. */
  x: LinearScale;
  /** Value → y. */
  y: LinearScale;
}

/**
 * Draws each series as one SVG path through its visible points downsampled with LTTB (so a long series costs about
 * one point per pixel), broken where values are unknown, with a dot for each known point that stands alone between
 * gaps. Line style comes from the series variant (CSS). Memoised: the crosshair moving does not redraw it.
 */
export const LinesLayer = memo(function LinesLayer({ series, domain, maxPoints, x, y }: LinesLayerProps) {
  const drawn = useMemo(() => series.map((s) => downsampleSeries(s, domain, maxPoints)), [series, domain, maxPoints]);
  return (
    <g className="us-chart__lines" data-slot="lines">
      {drawn.map(({ series: s, indices, isolated }) => (
        <g key={s.id} data-series={s.id} data-points={indices.length}>
          <LinePath<number>
            className="us-chart__line"
            data-variant={s.variant}
            data={indices}
            x={(i) => x(s.x[i] as number)}
            y={(i) => y(s.y[i] as number)}
            defined={(i) => !Number.isNaN(s.y[i] as number)}
            stroke={s.color}
          />
          {isolated.map((i) => (
            <circle key={i} className="us-chart__dot" cx={x(s.x[i] as number)} cy={y(s.y[i] as number)} r={DOT_RADIUS} fill={s.color} />
          ))}
        </g>
      ))}
    </g>
  );
});
