import { useCallback, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../primitives/use-isomorphic-layout-effect';

/** What {@link useElementWidth} returns. */
export interface ElementWidth<T extends HTMLElement> {
  /** Attach to the element whose width the chart follows. */
  ref: (node: T | null) => void;
  /** Its content width in whole px; 0 until measured (and during SSR). */
  width: number;
}

/**
 * The width of an element, so a chart is sized by its parent: read once before the first paint (so the chart draws
 * in the same frame it mounts) and then kept up to date with a `ResizeObserver`. With `fixed`, nothing is measured.
 */
export function useElementWidth<T extends HTMLElement = HTMLDivElement>(fixed?: number): ElementWidth<T> {
  const [node, setNode] = useState<T | null>(null);
  const [measured, setMeasured] = useState(0);
  const frame = useRef(0);
  const ref = useCallback((el: T | null) => setNode(el), []);

  useIsomorphicLayoutEffect(() => {
    if (fixed !== undefined || !node) return undefined;
    setMeasured(Math.floor(node.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => setMeasured(width));
    });
    observer.observe(node);
    return () => {
      cancelAnimationFrame(frame.current);
      observer.disconnect();
    };
  }, [node, fixed]);

  return { ref, width: fixed ?? measured };
}
