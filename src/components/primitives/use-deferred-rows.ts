/**
 * A list's rows and load state, deferred as one: a new page is rendered in a background (interruptible) render, so
 * a sort or page change never blocks the main thread for the whole list at once.
 * @module
 */
import { useDeferredValue, useMemo } from 'react';
import type { ListLoadProps } from './list-props';

/** What a list renders its body from; the fields change together. */
export interface ListContent<Row> {
  /** The rows of the current page. */
  rows: readonly Row[];
  /** Load state of those rows. */
  status: NonNullable<ListLoadProps['status']>;
  /** Rows matching across all pages, when known. */
  rowCount: number | undefined;
}

/**
 * `rows`, `status` and `rowCount` as React's `useDeferredValue` of the three together: when they change, the list
 * first renders again with the previous ones (cheap: its memoised rows are unchanged), then renders the new page in
 * a transition that React splits into short slices and abandons if newer rows arrive. The three stay consistent
 * with each other, so the list never shows new rows with an old status (no empty flash). Under `act()` and on the
 * first render the value is current at once.
 */
export function useDeferredRows<Row>(
  rows: readonly Row[],
  status: ListContent<Row>['status'],
  rowCount: number | undefined,
): ListContent<Row> {
  const content = useMemo(() => ({ rows, status, rowCount }), [rows, status, rowCount]);
  return useDeferredValue(content);
}
