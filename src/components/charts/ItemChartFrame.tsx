import { localPoint } from '@visx/event';
import { useId, type PointerEvent, type ReactNode } from 'react';
import { ChartTooltip } from './ChartTooltip';
import { useElementWidth } from './use-element-width';
import { useItemCursor } from './use-item-cursor';

/** What a chart lays out at a given width: anything the drawing needs, plus how many items the keyboard visits. */
export interface ItemChartModel {
  /** Width the model was laid out for (px). */
  width: number;
  /** Number of items (buckets, bins, keys) the keyboard steps through. */
  count: number;
}

/** Props of {@link ItemChartFrame}. */
export interface ItemChartFrameProps<M extends ItemChartModel> {
  /** Height of the chart in px; the width follows the parent. */
  height: number;
  /** Id of the chart's title. */
  labelledBy: string;
  /** Ids of the chart's description and summary. */
  describedBy: string;
  /** Read after the description: how to explore the chart with the keyboard. */
  keyboardHint: string;
  /** Lays the chart out for the measured width (called on every render; keep it cheap). */
  layout: (width: number) => M;
  /** The item under the pointer at `(x, y)` px inside the frame, or `null`. */
  hitTest: (model: M, x: number, y: number) => number | null;
  /** Horizontal position (px, inside the frame) the tooltip of an item points at. */
  anchorX: (model: M, index: number) => number;
  /** The SVG, with the highlighted item. */
  renderChart: (model: M, active: number | null) => ReactNode;
  /** The tooltip content of an item (see `ChartTooltip`). */
  renderTooltip: (model: M, index: number) => ReactNode;
  /** The sentence announced when the keyboard selects an item. */
  describe: (model: M, index: number) => string;
}

/** Top of the tooltip inside the frame, px. */
const TOOLTIP_TOP = 10;

/**
 * The frame of a chart whose items are indexes (bins, keys, spans of buckets) rather than the zoomable time buckets
 * of `ChartFrame`: sized by its parent, one tab stop, arrow keys (and the pointer) highlight an item and show its
 * `ChartTooltip`, and the keyboard's selection is announced in a polite live region. The plot is one image for
 * assistive technology, named by the chart title and described by its description, summary and keyboard hint; the
 * exact numbers are in the chart's table alternative (`ChartDataTable`).
 */
export function ItemChartFrame<M extends ItemChartModel>(props: ItemChartFrameProps<M>) {
  const { height, labelledBy, describedBy, keyboardHint, layout, hitTest, anchorX, renderChart, renderTooltip, describe } = props;
  // Measured before the first paint, so the chart shows in the same frame as its card; a ResizeObserver follows.
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const model = layout(width);
  const cursor = useItemCursor(model.count);
  const hintId = useId();
  const active = cursor.active;

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const p = localPoint(event.currentTarget, event);
    cursor.point(p ? hitTest(model, p.x, p.y) : null);
  };

  return (
    <>
      <div ref={ref} className="us-chart__frame" data-slot="chart-frame" style={{ height }}>
        <div
          className="us-chart__plot"
          data-slot="chart-plot"
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
        </div>
        {active !== null && width > 0 ? (
          <ChartTooltip x={anchorX(model, active)} frameWidth={width} top={TOOLTIP_TOP}>
            {renderTooltip(model, active)}
          </ChartTooltip>
        ) : null}
      </div>
      <span id={hintId} className="us-visually-hidden">
        {keyboardHint}
      </span>
      <span className="us-visually-hidden" aria-live="polite">
        {cursor.fromKeyboard && active !== null ? describe(model, active) : ''}
      </span>
    </>
  );
}
