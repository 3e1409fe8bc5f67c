/**
 * Data props deferred as one: a new answer renders in a background (interruptible) render, so a list's new page or a
 * section's charts never share one long main-thread task with the rest of the page.
 * @module
 */
import { useDeferredValue, useMemo } from 'react';

/**
 * `values` (an object literal of data props, always with the same keys at a call site) as React's
 * `useDeferredValue` of them together: when any changes, the component first renders again with the previous
 * values (cheap: what it draws from them is memoised), then renders the new ones in a transition that React splits
 * into short slices, yields between components, and abandons if newer values arrive. The values stay consistent
 * with each other (never new rows with an old status: no empty flash). On the first render and under `act()` they
 * are current at once.
 */
export function useDeferredProps<T extends Record<string, unknown>>(values: T): T {
  // The keys are fixed per call site, so the values are a dependency list of fixed length.
  const current = useMemo(() => values, Object.values(values));
  return useDeferredValue(current);
}
