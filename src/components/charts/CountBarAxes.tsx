import { formatCount } from '../primitives/format';
import { Axis } from './Axis';
import type { LinearScale } from './chart-layout';

/** Props of {@link CountBarAxes}. */
export interface CountBarAxesProps<T> {
  /** Counts → y inside the plot (0 at the baseline). */
  counts: LinearScale;
  /** The bars' x scale. */
  x: (value: T) => number;
  /** Plot width, px. */
  width: number;
  /** y of the baseline (the bars' bottom), px. */
  baseline: number;
  /** x tick values. */
  xTicks: readonly T[];
  /** x tick label. */
  xFormat: (value: T) => string;
  /** Locale of the count labels. */
  locale: string;
}

/**
 * The axes of a count bar chart (`BarPlot`, the counts panel of the feedback trend): a baseline, a count axis on the
 * left (three compact ticks, no line) and the x axis below it. Drawn inside the plot group, after the bars.
 */
export function CountBarAxes<T>({ counts, x, width, baseline, xTicks, xFormat, locale }: CountBarAxesProps<T>) {
  return (
    <>
      <line className="us-chart__baseline" x1={0} x2={width} y1={baseline} y2={baseline} />
      <Axis side="left" values={counts.ticks(3)} position={counts} format={(v) => formatCount(v, locale, true)} />
      <Axis
        side="bottom"
        top={baseline}
        values={xTicks}
        position={x}
        format={xFormat}
        tickLength={3}
        tickMarks
      />
    </>
  );
}
