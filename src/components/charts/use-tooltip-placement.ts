import { useRef, useState, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../primitives/use-isomorphic-layout-effect';

/** Which side of its anchor a tooltip opens on: `start` (to the left) or `end` (to the right). */
export type TooltipSide = 'start' | 'end';

/** Where a tooltip goes along x inside the box it is positioned in. */
export interface TooltipPlacement {
  /** Left edge, px from the box's left edge. */
  left: number;
  /** The side of the anchor it opens on. */
  side: TooltipSide;
}

/**
 * Places a tooltip `width` px wide beside an anchor at `x` inside a box `bounds` px wide, `gap` px from the anchor:
 * on the `prefer`red side when it fits there, else on the other side when it fits there, else as close to the
 * preferred side as the box allows. It never leaves the box (unless it is wider than the box: then it starts at 0).
 */
export function placeTooltip(x: number, width: number, bounds: number, gap: number, prefer: TooltipSide): TooltipPlacement {
  const after = x + gap;
  const before = x - gap - width;
  const fitsAfter = after + width <= bounds;
  const fitsBefore = before >= 0;
  const side: TooltipSide = prefer === 'end' ? (fitsAfter || !fitsBefore ? 'end' : 'start') : fitsBefore || !fitsAfter ? 'start' : 'end';
  const left = Math.max(0, Math.min(side === 'end' ? after : before, bounds - width));
  return { left, side };
}

/** What {@link useTooltipPlacement} returns. */
export interface TooltipPosition<T extends HTMLElement> extends TooltipPlacement {
  /** Attach to the tooltip, so its width is measured. */
  ref: RefObject<T | null>;
}

/**
 * {@link placeTooltip} with the tooltip's own width, measured after every render before the browser paints, so a
 * tooltip whose text grows is moved back inside the box in the same frame. The side is preferred from the anchor's
 * half of the box (the right half opens to the left). Before it is measured (and without layout, as in jsdom) the
 * tooltip counts as 0 px wide.
 */
export function useTooltipPlacement<T extends HTMLElement = HTMLDivElement>(x: number, bounds: number, gap: number): TooltipPosition<T> {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useIsomorphicLayoutEffect(() => {
    const measured = ref.current?.offsetWidth ?? 0;
    if (measured !== width) setWidth(measured);
  });
  return { ref, ...placeTooltip(x, width, bounds, gap, x > bounds / 2 ? 'start' : 'end') };
}
