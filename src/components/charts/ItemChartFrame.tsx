import { localPoint } from '@visx/event';
import { useId, type PointerEvent, type ReactNode } from 'react';
import { useElementWidth } from '../charts/use-element-width';
import { useTooltipPlacement } from '../charts/use-tooltip-placement';
import { useChartCursor } from './use-chart-cursor';

/** What a chart lays out at a given width: anything the drawing needs, plus how many items the keyboard visits. */
export interface ChartModel {
  /** Width the model was laid out for (px). */
  width: number;
  /** Number of items (buckets, bins, keys) the keyboard steps through. */
  count: number;
}

/** Props of {@link FeedbackChartFrame}. */
export interface FeedbackChartFrameProps<M extends ChartModel> {
  /** Height of the plot in px; the width follows the parent. */
  height: number;
  /** Id of the chart's title. */
  labelledBy: string;
  /** Ids of the chart's description and summary. */
  describedBy: string;
  /** Read after the description: how to explore the chart with the keyboard. */
  keyboardHint: string;
  /** Lays the chart out for the measured width (called on every render; keep it cheap). */
  layout: (width: number) => M;
  /** The item under the pointer at `(x, y)` px inside the plot, or `null`. */
  hitTest: (model: M, x: number, y: number) => number | null;
  /** Horizontal position (px) the tooltip of an item points at. */
  anchorX: (model: M, index: number) => number;
  /** The SVG, with the highlighted item. */
  renderChart: (model: M, active: number | null) => ReactNode;
  /** The tooltip of an item. */
  renderTooltip: (model: M, index: number) => ReactNode;
  /** The sentence announced when the keyboard selects an item. */
  describe: (model: M, index: number) => string;
}

/** Tooltip distance from its anchor (px). */
const TOOLTIP_GAP = 10;

/**
 * The interactive frame every feedback chart is drawn in: sized by its parent, one tab stop, arrow keys (and the
 * pointer) highlight an item and show its tooltip, and the keyboard's selection is announced in a polite live
 * region. The tooltip opens beside its item and is kept inside the plot (its width is measured). The plot is one
 * image for assistive technology, named by the chart title and described by its description and summary; the exact
 * numbers are in the chart's table view. Items are indexes (bins, keys, spans),
 * unlike `charts/ChartFrame`, the time-bucket frame of TrendCharts and ModelUsage with markers and zoom.
 */
export function FeedbackChartFrame<M extends ChartModel>(props: FeedbackChartFrameProps<M>) {
  const { height, labelledBy, describedBy, keyboardHint, layout, hitTest, anchorX, renderChart, renderTooltip, describe } = props;
  // Measured before the first paint, so the chart shows in the same frame as its card; a ResizeObserver follows.
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const model = layout(width);
  const cursor = useChartCursor(model.count);
  const hintId = useId();
  const active = cursor.active;

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const p = localPoint(event.currentTarget, event);
    cursor.point(p ? hitTest(model, p.x, p.y) : null);
  };

  const showTooltip = active !== null && width > 0;
  const placement = useTooltipPlacement(showTooltip ? anchorX(model, active) : 0, width, TOOLTIP_GAP);
  const tooltip = showTooltip ? (
    <div
      ref={placement.ref}
      className="us-feedback-chart__tooltip"
      data-side={placement.side}
      style={{ left: placement.left, top: TOOLTIP_GAP }}
      aria-hidden="true"
    >
      {renderTooltip(model, active)}
    </div>
  ) : null;

  return (
    <div className="us-feedback-chart__frame" data-slot="chart-frame">
      <div
        ref={ref}
        className="us-feedback-chart__plot"
        style={{ height }}
        role="img"
        tabIndex={0}
        aria-labelledby={labelledBy}
        aria-describedby={`${describedBy} ${hintId}`}
        data-state={active === null ? 'idle' : 'active'}
        onKeyDown={cursor.onKeyDown}
        onBlur={cursor.onBlur}
        onPointerMove={onPointerMove}
        onPointerLeave={() => cursor.point(null)}
      >
        {width > 0 ? renderChart(model, active) : null}
        {tooltip}
      </div>
      <span id={hintId} className="us-visually-hidden">
        {keyboardHint}
      </span>
      <span className="us-visually-hidden" aria-live="polite">
        {cursor.fromKeyboard && active !== null ? describe(model, active) : ''}
      </span>
    </div>
  );
}
