import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Options of {@link useInfiniteScroll}. */
export interface InfiniteScrollOptions {
  /** The scrolling element the sentinel lives in (the observer's root). */
  root: RefObject<HTMLElement | null>;
  /** Load when the sentinel is near: true only while there is a next page and nothing is loading or failing. */
  enabled: boolean;
  /** Loads the next page. */
  onLoadMore: (() => void) | undefined;
  /** Rows loaded so far: observing starts anew when it changes (see below). */
  rowCount: number;
  /** How far before the end loading starts (CSS margin). Default `240px`. */
  rootMargin?: string;
}

/**
 * Infinite scroll with an `IntersectionObserver`: returns a ref for a sentinel element placed after the last row;
 * when it comes within `rootMargin` of the root's viewport, `onLoadMore` is called once. Observing starts anew when
 * rows arrive or loading becomes possible again, so a sentinel still in view after a page arrives loads the next one
 * (keyed on the row count too, because a fast provider can finish a page before a render ever shows it loading).
 * Does nothing where `IntersectionObserver` is missing (jsdom, old browsers): the "Load more" button still works.
 */
export function useInfiniteScroll({ root, enabled, onLoadMore, rowCount, rootMargin = '240px' }: InfiniteScrollOptions): (node: HTMLElement | null) => void {
  const [sentinel, setSentinel] = useState<HTMLElement | null>(null);
  const load = useRef(onLoadMore);
  load.current = onLoadMore;

  useEffect(() => {
    if (!enabled || !sentinel || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          load.current?.();
        }
      },
      { root: root.current, rootMargin },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [enabled, sentinel, root, rootMargin, rowCount]);

  return useCallback((node: HTMLElement | null) => setSentinel(node), []);
}
