import { AxisBottom, AxisLeft, type AxisScale, type TickFormatter } from '@visx/axis';
import type { scaleLinear, ScaleInput } from '@visx/scale';
import { formatCount } from '../primitives/format';

/** Props of {@link CountBarAxes}. */
export interface CountBarAxesProps<X extends AxisScale> {
  /** Counts → y inside the plot (0 at the baseline). */
  counts: ReturnType<typeof scaleLinear<number>>;
  /** The bars' x scale. */
  x: X;
  /** Plot width, px. */
  width: number;
  /** y of the baseline (the bars' bottom), px. */
  baseline: number;
  /** x ticks: these values, or about this many. */
  xTicks: { values: ScaleInput<X>[] } | { count: number };
  /** x tick label. */
  xFormat: TickFormatter<ScaleInput<X>>;
  /** Locale of the count labels. */
  locale: string;
}

/**
 * The axes of a count bar chart (`BarPlot`, the counts panel of the feedback trend): a baseline, a count axis on the
 * left (three compact ticks, no line) and the x axis below it. Drawn inside the plot group, after the bars.
 */
export function CountBarAxes<X extends AxisScale>({ counts, x, width, baseline, xTicks, xFormat, locale }: CountBarAxesProps<X>) {
  return (
    <>
      <line className="us-chart__baseline" x1={0} x2={width} y1={baseline} y2={baseline} />
      <AxisLeft
        scale={counts}
        numTicks={3}
        tickFormat={(v) => formatCount(Number(v), locale, true)}
        hideAxisLine
        hideTicks
        axisClassName="us-chart__axis"
      />
      <AxisBottom
        scale={x}
        top={baseline}
        tickValues={'values' in xTicks ? xTicks.values : undefined}
        numTicks={'count' in xTicks ? xTicks.count : undefined}
        tickFormat={xFormat}
        hideAxisLine
        tickLength={3}
        axisClassName="us-chart__axis"
      />
    </>
  );
}
