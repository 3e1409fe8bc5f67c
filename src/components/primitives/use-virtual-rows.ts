import { elementScroll, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type Key, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** Options of {@link useVirtualRows}. */
export interface VirtualRowsOptions {
  /** Rows that can show (0 while loading or empty). */
  count: number;
  /** Render every row up to this many; above, only the rows in view (plus `overscan`) render. */
  virtualizeAbove: number;
  /** The scrolling element. */
  scroller: RefObject<HTMLElement | null>;
  /** Fixed row height, px. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the view. Default 8. */
  overscan?: number;
  /** A sticky header inside the scroller above the first row (its height offsets the rows). */
  header?: RefObject<HTMLElement | null>;
  /** Measure the header again when this changes (e.g. the labels it shows). */
  headerKey?: unknown;
  /** Stable key of a row, so rows keep their measurements when rows are added. */
  getItemKey?: (index: number) => Key;
  /** The scroller's `maxHeight`: when a number, its height (px) until measured; otherwise 12 rows are assumed. */
  maxHeight?: number | string;
}

/** What {@link useVirtualRows} returns: the window of rows to render and the space around it. */
export interface VirtualRows {
  /** Rows are virtualised (`count` is above `virtualizeAbove`). */
  virtual: boolean;
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Space above the window, px (0 when not virtualised). */
  padTop: number;
  /** Space below the window, px. */
  padBottom: number;
  /** Scrolls a row into view so it renders; `undefined` when not virtualised (every row is in the DOM). */
  scrollToRow: ((index: number) => void) | undefined;
}

/**
 * The scroller's size as the virtualiser needs it, from a ResizeObserver alone: its first callback comes once the
 * browser has laid the page out, so nothing is measured in the middle of React's commit (TanStack's default reads
 * `clientHeight` at once, which lays the page out an extra time in that task). Without ResizeObserver: read at once.
 */
function observeScrollerRect(instance: Virtualizer<HTMLElement, Element>, onRect: (rect: { width: number; height: number }) => void) {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const read = () => onRect({ width: element.clientWidth, height: element.clientHeight });
  if (typeof ResizeObserver === 'undefined') {
    read();
    return undefined;
  }
  const observer = new ResizeObserver(read);
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * Fixed-height row virtualisation (`@tanstack/react-virtual`) for lists and grids whose rows sit in normal flow:
 * returns the window of rows to render and the padding that stands in for the rest. Up to `virtualizeAbove` rows,
 * the window is every row.
 */
export function useVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const { count, scroller, rowHeight, overscan = 8, header, headerKey, getItemKey } = options;
  const viewportHeight = typeof options.maxHeight === 'number' ? options.maxHeight : rowHeight * 12;
  const enabled = count > options.virtualizeAbove;
  const [headerHeight, setHeaderHeight] = useState(0);
  // A scroller that just mounted is at the top: its offset is read only later (reading it lays the page out).
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);
  // The header's height only matters to a virtual window. It is read when the browser has laid the page out anyway
  // (a ResizeObserver's callback), never forced from an effect: reading `offsetHeight` while React commits a page
  // makes the browser lay it out in the middle of the task, once more than the frame needs.
  useIsomorphicLayoutEffect(() => {
    const element = header?.current;
    if (!enabled || !element) return undefined;
    if (typeof ResizeObserver === 'undefined') {
      if (element.offsetHeight > 0) setHeaderHeight(element.offsetHeight);
      return undefined;
    }
    const observer = new ResizeObserver(() => {
      if (element.offsetHeight > 0) setHeaderHeight(element.offsetHeight);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, header, headerKey]);
  const virtualizer = useVirtualizer({
    count: enabled ? count : 0,
    enabled,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin: headerHeight,
    // Virtualising can start in a list already scrolled (a page arrives that takes it past `virtualizeAbove`): the
    // virtualizer starts from this offset and scrolls to it when it attaches, so the default 0 would jump to the top.
    initialOffset: () => (mounted.current ? (scroller.current?.scrollTop ?? 0) : 0),
    initialRect: { width: 0, height: viewportHeight },
    observeElementRect: observeScrollerRect,
    // On attaching to its scroller the virtualiser scrolls it to where it starts. A scroller mounted with the rows is
    // at the top already, and scrolling it there would lay the page out in the middle of React's commit.
    scrollToFn: (offset, scroll, instance) => {
      if (!mounted.current && offset + (scroll.adjustments ?? 0) === 0) return;
      elementScroll(offset, scroll, instance);
    },
    getItemKey,
  });
  if (!enabled) return { virtual: false, start: 0, end: count, padTop: 0, padBottom: 0, scrollToRow: undefined };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    virtual: true,
    start: first?.index ?? 0,
    end: last ? last.index + 1 : 0,
    padTop: first ? first.start - headerHeight : 0,
    padBottom: last ? virtualizer.getTotalSize() - (last.end - headerHeight) : 0,
    scrollToRow: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
