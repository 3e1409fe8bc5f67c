import { localPoint } from '@visx/event';
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Granularity } from '../../core/model';
import { bucketSizeMs, type MsRange } from '../../core/engine/time';
import { CHART_MARGIN, type LinearScale } from './chart-layout';
import { lastBucketAtOrBefore } from './time-buckets';

/** Options of {@link usePlotInteraction}. */
export interface PlotInteractionOptions {
  /** Bucket starts, epoch ms, ascending. */
  starts: Float64Array;
  /** Bucket size. */
  granularity: Granularity;
  /** Buckets `[lo, hi)` visible in the plot. */
  visible: { lo: number; hi: number };
  /** Time → x inside the plot. */
  x: LinearScale;
  /** Zooms to a range of whole buckets (drag or Shift+arrows then Enter). Omit to turn selection off. */
  onZoom?: (range: MsRange) => void;
  /** Zooms out (minus key). */
  onZoomOut?: () => void;
}

/** What {@link usePlotInteraction} returns. */
export interface PlotInteraction {
  /** Bucket under the crosshair, or `null`. */
  hoverIndex: number | null;
  /** Selected buckets `[lo, hi]` (inclusive) while dragging or Shift-selecting, or `null`. */
  selection: { lo: number; hi: number } | null;
  /** True when the crosshair was last moved from the keyboard (announce it). */
  fromKeyboard: boolean;
  /** Spread on the focusable plot element. */
  handlers: {
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerLeave: () => void;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onBlur: () => void;
  };
}

/**
 * Crosshair and selection of a time-bucket plot, by pointer and keyboard: the pointer moves the crosshair and drags
 * a selection; arrows move it bucket by bucket, Home/End jump to the ends, Shift+arrows select, Enter zooms to the
 * selection, minus zooms out and Escape clears.
 */
export function usePlotInteraction({ starts, granularity, visible, x, onZoom, onZoomOut }: PlotInteractionOptions): PlotInteraction {
  const [hoverIndex, setHoverIndex] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fromKeyboard, setFromKeyboard] = useState(false);
  const empty = visible.hi <= visible.lo;
  const clamp = (i: number) => Math.min(visible.hi - 1, Math.max(visible.lo, i));
  const selection = anchor !== null && hoverIndex !== null ? { lo: Math.min(anchor, hoverIndex), hi: Math.max(anchor, hoverIndex) } : null;

  const indexAt = (event: PointerEvent<HTMLElement>): number | null => {
    const point = localPoint(event.currentTarget, event);
    if (!point || empty) return null;
    return clamp(lastBucketAtOrBefore(starts, x.invert(point.x - CHART_MARGIN.left)));
  };
  const zoomTo = (lo: number, hi: number) => {
    onZoom?.({ from: starts[lo] as number, to: (starts[hi] as number) + bucketSizeMs(granularity) });
  };
  const clear = () => {
    setAnchor(null);
    setDragging(false);
  };

  const handlers: PlotInteraction['handlers'] = {
    onPointerMove: (event) => {
      const i = indexAt(event);
      setFromKeyboard(false);
      setHoverIndex(i);
    },
    onPointerDown: (event) => {
      if (!onZoom || event.button !== 0) return;
      const i = indexAt(event);
      if (i === null) return;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      setAnchor(i);
      setHoverIndex(i);
      setDragging(true);
    },
    onPointerUp: (event) => {
      if (!dragging) return;
      const i = indexAt(event);
      if (anchor !== null && i !== null && i !== anchor) zoomTo(Math.min(anchor, i), Math.max(anchor, i));
      clear();
    },
    onPointerLeave: () => {
      if (dragging) return;
      setHoverIndex(null);
    },
    onKeyDown: (event) => {
      if (empty) return;
      const current = hoverIndex ?? (event.key === 'ArrowLeft' ? visible.hi : visible.lo - 1);
      let next: number | null = null;
      if (event.key === 'ArrowRight') next = clamp(current + 1);
      else if (event.key === 'ArrowLeft') next = clamp(current - 1);
      else if (event.key === 'Home') next = visible.lo;
      else if (event.key === 'End') next = visible.hi - 1;
      if (next !== null) {
        event.preventDefault();
        const selecting = event.shiftKey && onZoom !== undefined;
        if (selecting && anchor === null) setAnchor(hoverIndex ?? next);
        if (!selecting) setAnchor(null);
        setFromKeyboard(true);
        setHoverIndex(next);
        return;
      }
      if (event.key === 'Enter' && selection && selection.hi > selection.lo) {
        event.preventDefault();
        zoomTo(selection.lo, selection.hi);
        clear();
      } else if ((event.key === '-' || event.key === '_') && onZoomOut) {
        event.preventDefault();
        onZoomOut();
      } else if (event.key === 'Escape' && (anchor !== null || hoverIndex !== null)) {
        event.preventDefault();
        if (anchor !== null) setAnchor(null);
        else setHoverIndex(null);
      }
    },
    onBlur: () => {
      clear();
      setHoverIndex(null);
    },
  };
  return { hoverIndex: hoverIndex !== null && !empty ? clamp(hoverIndex) : null, selection, fromKeyboard, handlers };
}
