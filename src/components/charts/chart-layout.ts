/**
 * Chart geometry: margins, the plot box and the x/y scales every userscope chart shares.
 * @module
 */
import { scaleLinear } from '@visx/scale';
import type { MsRange } from '../../core/engine/time';

/** Space around the plot, px: markers sit in the top margin, the time axis in the bottom, values on the left. */
export const CHART_MARGIN = { top: 30, right: 16, bottom: 28, left: 60 } as const;

/** A linear scale as @visx/scale builds it. */
export type LinearScale = ReturnType<typeof scaleLinear<number>>;

/** Outer size of a chart and the size of its plot area inside {@link CHART_MARGIN}. */
export interface PlotBox {
  /** Outer width, px. */
  width: number;
  /** Outer height, px. */
  height: number;
  /** Plot width, px (≥ 0). */
  innerWidth: number;
  /** Plot height, px (≥ 0). */
  innerHeight: number;
}

/** The plot box of a chart `width` × `height` px. */
export function plotBox(width: number, height: number): PlotBox {
  return {
    width,
    height,
    innerWidth: Math.max(0, width - CHART_MARGIN.left - CHART_MARGIN.right),
    innerHeight: Math.max(0, height - CHART_MARGIN.top - CHART_MARGIN.bottom),
  };
}

/** Time (epoch ms) to x inside the plot: `domain.from` at 0, `domain.to` at `innerWidth`. */
export function timeScale(domain: MsRange, innerWidth: number): LinearScale {
  return scaleLinear<number>({ domain: [domain.from, domain.to], range: [0, innerWidth] });
}

/** Value to y inside the plot, larger values higher; rounded outward to nice ticks. */
export function valueScale(domain: readonly [number, number], innerHeight: number): LinearScale {
  return scaleLinear<number>({ domain: [domain[0], domain[1]], range: [innerHeight, 0], nice: 4 });
}
