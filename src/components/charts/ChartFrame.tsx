import { Group } from '@visx/group';
import { useMemo, type ReactNode } from 'react';
import type { Granularity } from '../../core/model';
import { bucketSizeMs, type MsRange } from '../../core/engine/time';
import { Axis } from './Axis';
import type { ChartMarker } from './change-markers';
import { CHART_MARGIN, plotBox, timeScale, valueScale, type LinearScale, type PlotBox } from './chart-layout';
import { ChartTooltip } from './ChartTooltip';
import { MarkerLines, MarkersLayer, placeMarkers } from './MarkersLayer';
import { bucketCenter, bucketsInDomain } from './time-buckets';
import { formatTick } from './time-format';
import { timeTicks } from './time-ticks';
import { useElementWidth } from './use-element-width';
import { usePlotInteraction } from './use-plot-interaction';

/** Scales and size handed to a chart's layers. */
export interface ChartContext {
  /** Time (epoch ms) → x inside the plot. */
  x: LinearScale;
  /** Value → y inside the plot. */
  y: LinearScale;
  /** Size of the chart and its plot. */
  box: PlotBox;
  /** Buckets `[lo, hi)` overlapping the domain. */
  visible: { lo: number; hi: number };
}

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  /** Fixed width in px; by default the frame takes its parent's width. */
  width?: number;
  /** Outer height in px. */
  height: number;
  /** Ids of the chart's title (the plot's accessible name). */
  labelledBy: string;
  /** Ids of the chart's description and keyboard help. */
  describedBy: string;
  /** Visible time span (epoch ms). */
  domain: MsRange;
  /** Bucket size. */
  granularity: Granularity;
  /** Bucket starts, epoch ms, ascending. */
  starts: Float64Array;
  /** Value range to show (the y scale rounds it to nice ticks). */
  yDomain: readonly [number, number];
  /** Y tick label. */
  yFormat: (value: number) => string;
  /** Markers for model switches and releases. */
  markers: readonly ChartMarker[];
  /** Accessible name of the markers group. */
  markersLabel: string;
  /** Called when a marker is activated. */
  onMarkerSelect?: (marker: ChartMarker) => void;
  /** Draws the data (SVG, inside the plot group). */
  renderData: (ctx: ChartContext) => ReactNode;
  /** Draws the crosshair highlights of bucket `index` (SVG dots). */
  renderCrosshair?: (index: number, ctx: ChartContext) => ReactNode;
  /** Tooltip content of bucket `index`. */
  renderTooltip: (index: number) => ReactNode;
  /** Text announced when the crosshair moves to bucket `index` from the keyboard. */
  announce: (index: number) => string;
  /** Zoom to a range of whole buckets; omit to turn selection off. */
  onZoom?: (range: MsRange) => void;
  /** Zoom out (minus key). */
  onZoomOut?: () => void;
  /** Locale of tick labels. */
  locale: string;
}

/**
 * The frame every userscope time chart draws in: sized by its parent, time axis with ticks on bucket boundaries,
 * value axis with grid lines, marker lines and buttons, crosshair with a tooltip, drag or keyboard selection. The
 * plot is one focusable group named by the chart title; its SVG is hidden from assistive technology, which gets the
 * description, the keyboard-announced buckets and the table alternative instead.
 */
export function ChartFrame(props: ChartFrameProps) {
  const { width: fixedWidth, height, domain, granularity, starts, yDomain, yFormat, markers, locale } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>(fixedWidth);
  const box = plotBox(width, height);
  const x = useMemo(() => timeScale(domain, box.innerWidth), [domain, box.innerWidth]);
  const y = useMemo(() => valueScale(yDomain, box.innerHeight), [yDomain, box.innerHeight]);
  const visible = useMemo(() => bucketsInDomain(starts, granularity, domain), [starts, granularity, domain]);
  const ctx: ChartContext = { x, y, box, visible };
  const interaction = usePlotInteraction({ starts, granularity, visible, x, onZoom: props.onZoom, onZoomOut: props.onZoomOut });
  const placed = useMemo(() => placeMarkers(markers, domain, x), [markers, domain, x]);
  const ticks = timeTicks(domain, granularity, box.innerWidth);
  const yTicks = y.ticks(Math.max(2, Math.min(5, Math.floor(box.innerHeight / 40))));
  const hover = interaction.hoverIndex;
  const hoverX = hover === null ? null : x(bucketCenter(starts[hover] as number, granularity));
  const size = bucketSizeMs(granularity);
  const sel = interaction.selection;

  return (
    <>
      <div ref={ref} className="us-chart__frame" data-slot="chart-frame" style={{ height }}>
        {width > 0 ? (
          <>
            <div
              className="us-chart__plot"
              data-slot="chart-plot"
              data-state={sel ? 'selecting' : hover !== null ? 'active' : 'idle'}
              role="group"
              tabIndex={0}
              aria-labelledby={props.labelledBy}
              aria-describedby={props.describedBy}
              {...interaction.handlers}
            >
              <svg width={box.width} height={box.height} aria-hidden="true" focusable="false">
                <Group left={CHART_MARGIN.left} top={CHART_MARGIN.top}>
                  <g className="us-chart__grid">
                    {yTicks.map((t) => (
                      <line key={t} x1={0} x2={box.innerWidth} y1={y(t)} y2={y(t)} />
                    ))}
                  </g>
                  {sel ? (
                    <rect
                      className="us-chart__selection"
                      x={x(starts[sel.lo] as number)}
                      width={x((starts[sel.hi] as number) + size) - x(starts[sel.lo] as number)}
                      y={0}
                      height={box.innerHeight}
                    />
                  ) : null}
                  {props.renderData(ctx)}
                  <MarkerLines placed={placed} innerHeight={box.innerHeight} />
                  {hoverX !== null && hover !== null ? (
                    <g className="us-chart__crosshair">
                      <line x1={hoverX} x2={hoverX} y1={0} y2={box.innerHeight} />
                      {props.renderCrosshair?.(hover, ctx)}
                    </g>
                  ) : null}
                  <Axis side="left" values={yTicks} position={y} format={yFormat} />
                  <Axis
                    side="bottom"
                    top={box.innerHeight}
                    values={ticks}
                    position={x}
                    format={(t) => formatTick(t, domain.to - domain.from, locale)}
                    tickMarks
                    line={[0, box.innerWidth]}
                  />
                </Group>
              </svg>
            </div>
            <MarkersLayer placed={placed} label={props.markersLabel} onSelect={props.onMarkerSelect} />
            {hover !== null && hoverX !== null ? (
              <ChartTooltip x={CHART_MARGIN.left + hoverX} frameWidth={box.width} top={CHART_MARGIN.top}>
                {props.renderTooltip(hover)}
              </ChartTooltip>
            ) : null}
          </>
        ) : null}
      </div>
      <p className="us-visually-hidden" role="status" aria-live="polite">
        {hover !== null && interaction.fromKeyboard ? props.announce(hover) : ''}
      </p>
    </>
  );
}
