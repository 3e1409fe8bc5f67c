import type { ReactNode } from 'react';
import { useTooltipPlacement } from './use-tooltip-placement';

/** Distance between the anchor (crosshair, bar, row) and the tooltip, px. */
const TOOLTIP_GAP = 12;

/** Props of {@link ChartTooltip}. */
export interface ChartTooltipProps {
  /** Anchor x inside the chart frame, px. */
  x: number;
  /** Width of the chart frame, px: the tooltip stays inside it. */
  frameWidth: number;
  /** Top of the tooltip inside the frame, px. */
  top: number;
  /** Content: a `us-chart__tooltip-title` line, then one line per value. */
  children: ReactNode;
}

/**
 * The tooltip of every userscope chart, beside its anchor inside the chart frame: to its right in the left half of
 * the frame, to its left in the right half, and moved inside the frame when it would not fit there (its width is
 * measured). Visual only (`aria-hidden`): the chart announces the same text in a live region when the keyboard moves
 * the highlight, and the table alternative has it all.
 */
export function ChartTooltip({ x, frameWidth, top, children }: ChartTooltipProps) {
  const { ref, left, side } = useTooltipPlacement(x, frameWidth, TOOLTIP_GAP);
  return (
    <div
      ref={ref}
      className="us-chart__tooltip"
      data-slot="chart-tooltip"
      data-side={side === 'end' ? 'right' : 'left'}
      aria-hidden="true"
      style={{ left, top }}
    >
      {children}
    </div>
  );
}
