import { useEffect, useRef } from 'react';

/**
 * Once, after mount: when the URL's fragment names one of `anchorIds`, scrolls that element into view. Browsers do
 * this by themselves only for a fragment present when the document loads, not for a page a client-side router
 * renders later.
 */
export function useScrollToHash(anchorIds: readonly string[]): void {
  const atMount = useRef(anchorIds);
  useEffect(() => {
    if (window.location.hash.length < 2) return;
    let target: string;
    try {
      target = decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return;
    }
    if (atMount.current.includes(target)) document.getElementById(target)?.scrollIntoView?.();
  }, []);
}
