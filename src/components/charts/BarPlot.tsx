/**
 * Count bar charts drawn in an `ItemChartFrame` (the feedback panel's Score Distribution and Comment Momentum): one
 * size, a count axis on the left and an x axis below.
 * @module
 */
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import type { ReactNode } from 'react';
import { CountBarAxes, type CountBarAxesProps } from './CountBarAxes';

/** Height of a bar chart, px. */
export const BAR_PLOT_HEIGHT = 180;
/** Room around the bars for the axes, px. */
export const BAR_PLOT_MARGIN = { top: 8, right: 12, bottom: 24, left: 40 } as const;

/** A bar chart laid out for a width: the bars' box and the count scale. */
export interface BarPlotLayout {
  /** Width of the chart, px. */
  width: number;
  /** Width of the bars' box, px. */
  innerW: number;
  /** Height of the bars' box, px (the baseline's y). */
  innerH: number;
  /** Counts → y inside the box, 0 at the baseline, with nice ticks. */
  y: ReturnType<typeof scaleLinear<number>>;
}

/** Width of the bars' box in a chart `width` px wide. */
export function barPlotInnerWidth(width: number): number {
  return Math.max(1, width - BAR_PLOT_MARGIN.left - BAR_PLOT_MARGIN.right);
}

/** The bars' box at `width`, with a count scale up to the largest of `counts`. */
export function barPlotLayout(width: number, counts: readonly number[]): BarPlotLayout {
  const innerW = barPlotInnerWidth(width);
  const innerH = BAR_PLOT_HEIGHT - BAR_PLOT_MARGIN.top - BAR_PLOT_MARGIN.bottom;
  return { width, innerW, innerH, y: scaleLinear<number>({ domain: [0, Math.max(1, ...counts)], range: [innerH, 0], nice: true }) };
}

/** Props of {@link BarPlot}. */
export interface BarPlotProps<T> extends Pick<CountBarAxesProps<T>, 'x' | 'xTicks' | 'xFormat' | 'locale'> {
  /** The layout from {@link barPlotLayout}. */
  layout: BarPlotLayout;
  /** The bars (and highlight), in the box's coordinates. */
  children: ReactNode;
}

/** The SVG of a count bar chart: the bars, then the baseline and axes over them. Decorative: the frame names it. */
export function BarPlot<T>({ layout, x, xTicks, xFormat, locale, children }: BarPlotProps<T>) {
  return (
    <svg width={layout.width} height={BAR_PLOT_HEIGHT} aria-hidden="true" focusable="false">
      <Group left={BAR_PLOT_MARGIN.left} top={BAR_PLOT_MARGIN.top}>
        {children}
        <CountBarAxes counts={layout.y} x={x} width={layout.innerW} baseline={layout.innerH} xTicks={xTicks} xFormat={xFormat} locale={locale} />
      </Group>
    </svg>
  );
}
