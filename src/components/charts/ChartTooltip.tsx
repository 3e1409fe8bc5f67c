import type { ReactNode } from 'react';
import { CHART_MARGIN } from './chart-layout';

/** Props of {@link ChartTooltip}. */
export interface ChartTooltipProps {
  /** Crosshair x inside the plot, px. */
  x: number;
  /** Plot width, px: past its middle the tooltip opens to the left of the crosshair. */
  innerWidth: number;
  /** Content. */
  children: ReactNode;
}

/**
 * The crosshair tooltip, beside the crosshair inside the chart frame. Visual only (`aria-hidden`): the chart announces
 * the same text in a live region when the crosshair moves from the keyboard, and the table alternative has it all.
 */
export function ChartTooltip({ x, innerWidth, children }: ChartTooltipProps) {
  const left = x <= innerWidth / 2;
  const style = left ? { left: CHART_MARGIN.left + x + 12 } : { right: CHART_MARGIN.right + innerWidth - x + 12 };
  return (
    <div className="us-chart__tooltip" data-slot="chart-tooltip" data-side={left ? 'right' : 'left'} aria-hidden="true" style={{ ...style, top: CHART_MARGIN.top }}>
      {children}
    </div>
  );
}
