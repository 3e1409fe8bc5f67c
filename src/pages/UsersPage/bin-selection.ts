/**
 * What a click on a distribution bar does to the users list: `listUsers` has no filter on a measure's range, so the
 * list is sorted by the measure, worst first, and, when nothing else narrows it, opened at the page where the bin's
 * users start (the bins above it hold exactly the users sorted before them; unknown values sort last).
 * @module
 */
import type { OffsetPagination, SortingItem } from '../../core/contract';
import type { DistributionBin, DistributionMetric } from '../../core/results';

/** A picked bar: the measure and the bin's edges (bins are matched by edges when the answer reloads). */
export interface BinSelection {
  /** The binned measure. */
  metric: DistributionMetric;
  /** Lower edge of the bin. */
  from: number;
  /** Upper edge of the bin. */
  to: number;
}

/** The `listUsers` sort that puts the highest values of `metric` first (error rate: lowest success rate first). */
export function sortingFor(metric: DistributionMetric): SortingItem[] {
  return metric === 'errorRate' ? [{ id: 'successRate', desc: false }] : [{ id: metric, desc: true }];
}

/** True when `sorting` is the sort a bin selection of `metric` set. */
export function isSortedFor(sorting: readonly SortingItem[], metric: DistributionMetric): boolean {
  const [want] = sortingFor(metric);
  return sorting.length === 1 && sorting[0]?.id === want?.id && sorting[0]?.desc === want?.desc;
}

/** Rows of the list (sorted by {@link sortingFor}) that hold the users of bin `index`: `[first, last]`, 0-based. */
export function binRows(bins: readonly DistributionBin[], index: number): { first: number; last: number } {
  let first = 0;
  for (let i = bins.length - 1; i > index; i--) first += (bins[i] as DistributionBin).userCount;
  return { first, last: first + (bins[index]?.userCount ?? 0) - 1 };
}

/** The page that shows row `first`. */
export function pageOfRow(first: number, pagination: OffsetPagination): OffsetPagination {
  return { ...pagination, pageIndex: Math.floor(first / pagination.pageSize) };
}
