import type { ReactNode } from 'react';
import { CHART_MARGIN } from './chart-layout';
import { useTooltipPlacement } from './use-tooltip-placement';

/** Distance between the crosshair and the tooltip, px. */
const TOOLTIP_GAP = 12;

/** Props of {@link ChartTooltip}. */
export interface ChartTooltipProps {
  /** Crosshair x inside the plot, px. */
  x: number;
  /** Plot width, px: the tooltip stays inside the chart frame around it (plot plus margins). */
  innerWidth: number;
  /** Content. */
  children: ReactNode;
}

/**
 * The crosshair tooltip, beside the crosshair inside the chart frame: to its right in the left half of the plot, to
 * its left in the right half, and moved inside the frame when it would not fit there (its width is measured). Visual
 * only (`aria-hidden`): the chart announces the same text in a live region when the crosshair moves from the
 * keyboard, and the table alternative has it all.
 */
export function ChartTooltip({ x, innerWidth, children }: ChartTooltipProps) {
  const frameWidth = CHART_MARGIN.left + innerWidth + CHART_MARGIN.right;
  const { ref, left, side } = useTooltipPlacement(CHART_MARGIN.left + x, frameWidth, TOOLTIP_GAP);
  return (
    <div
      ref={ref}
      className="us-chart__tooltip"
      data-slot="chart-tooltip"
      data-side={side === 'end' ? 'right' : 'left'}
      aria-hidden="true"
      style={{ left, top: CHART_MARGIN.top }}
    >
      {children}
    </div>
  );
}
