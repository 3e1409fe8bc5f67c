/**
 * "Ours" in the chart bench: the chart TrendCharts draws for one metric (ChartFrame + LinesLayer: LTTB in core, then
 * one visx LinePath), given one series as typed arrays.
 * @module
 */
import { useMemo } from 'react';
import { ChartFrame } from '../../src/components/charts/ChartFrame';
import { LinesLayer } from '../../src/components/charts/LinesLayer';
import { seriesExtent, type ChartSeries } from '../../src/components/charts/series';
import { formatCount } from '../../src/components/primitives/format';

/** Props of {@link OursChart}. */
export interface OursChartProps {
  /** Bucket starts (hourly), epoch ms. */
  starts: Float64Array;
  /** Bucket centres (where points are drawn), epoch ms. */
  centres: Float64Array;
  /** Values. */
  values: Float64Array;
  /** Outer size, px. */
  width: number;
  height: number;
}

/** One line over hourly buckets, drawn like a TrendCharts tab. */
export function OursChart({ starts, centres, values, width, height }: OursChartProps) {
  const series = useMemo<ChartSeries[]>(
    () => [{ id: 'y', label: 'y', variant: 'main', color: 'var(--us-color-chart-1)', x: centres, y: values }],
    [centres, values],
  );
  const domain = useMemo(() => ({ from: starts[0] as number, to: (starts[starts.length - 1] as number) + 3_600_000 }), [starts]);
  const extent = useMemo(() => seriesExtent(series, domain) ?? [0, 1], [series, domain]);
  return (
    <div className="us-chart">
      <span id="bench-title">Bench</span>
      <ChartFrame
        width={width}
        height={height}
        labelledBy="bench-title"
        describedBy="bench-title"
        domain={domain}
        granularity="hour"
        starts={starts}
        yDomain={[Math.min(0, extent[0]), extent[1]]}
        yFormat={(v) => formatCount(v, 'en-US', true)}
        markers={[]}
        markersLabel="Markers"
        renderData={(ctx) => <LinesLayer series={series} domain={domain} maxPoints={ctx.box.innerWidth} x={ctx.x} y={ctx.y} />}
        renderTooltip={() => null}
        announce={() => ''}
        locale="en-US"
      />
    </div>
  );
}
