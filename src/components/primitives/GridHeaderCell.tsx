import type { KeyboardEvent } from 'react';
import type { SortingItem } from '../../core/contract';
import { SortIndicator } from './SortIndicator';
import { cellKey } from './use-grid-navigation';

/** How a grid column reads: its header text, alignment and fixed width (tables use `table-layout: fixed`). */
export interface GridColumnMeta {
  /** Header text (also the column picker's name). */
  label: string;
  /** Numbers align to the end. */
  align: 'start' | 'end';
  /** Fixed width in px. */
  width: number;
}

/** The sorting side of a TanStack column (`rowSortingFeature`), as a header cell uses it. */
export interface SortableColumn {
  /** Column id: a provider sort id. */
  id: string;
  /** Whether the column can sort at all. */
  getCanSort: () => boolean;
  /** Its direction when it is one of the sort keys. */
  getIsSorted: () => false | 'asc' | 'desc';
  /** Its position among the sort keys (0-based). */
  getSortIndex: () => number;
  /** Click handler that toggles it (Shift adds it as another key). */
  getToggleSortingHandler: () => undefined | ((event: unknown) => void);
  /** Toggles it; `multi` adds it as another key. */
  toggleSorting: (desc?: boolean, multi?: boolean) => void;
}

/** Props of {@link GridHeaderCell}. */
export interface GridHeaderCellProps {
  /** The column. */
  column: SortableColumn;
  /** Its header text and alignment. */
  meta: GridColumnMeta;
  /** The sorting shown (the first key gets `aria-sort`; with several keys each shows its position). */
  sorting: readonly SortingItem[];
  /** Visible column index (0-based), for keyboard navigation. */
  col: number;
  /** `0` when this header holds the grid's tab stop. */
  tabIndex: 0 | -1;
  /** Stick to the left edge while the grid scrolls sideways (the first column). */
  sticky?: boolean;
}

/**
 * A column header of a data grid: the label as a sort button with its direction arrow (and position when several
 * keys sort), `aria-sort` on the primary key, and `data-state="sorted-asc" | "sorted-desc" | "unsorted"`. The button
 * is not a tab stop: the grid's roving tab index is, and Enter or Space on the header sorts.
 */
export function GridHeaderCell({ column, meta, sorting, col, tabIndex, sticky = false }: GridHeaderCellProps) {
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
  const primary = sorting[0]?.id === column.id;
  return (
    <th
      scope="col"
      className="us-grid__th"
      data-align={meta.align}
      data-sticky={sticky ? '' : undefined}
      data-cell={cellKey(-1, col)}
      tabIndex={tabIndex}
      aria-sort={canSort ? (primary && sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : 'none') : undefined}
      data-state={sorted ? `sorted-${sorted}` : 'unsorted'}
    >
      {canSort ? (
        <button type="button" tabIndex={-1} className="us-grid__sort" onClick={column.getToggleSortingHandler()}>
          <span>{meta.label}</span>
          <SortIndicator direction={sorted} index={sorting.length > 1 && sorted ? column.getSortIndex() + 1 : undefined} />
        </button>
      ) : (
        <span className="us-grid__header-text">{meta.label}</span>
      )}
    </th>
  );
}

/** Enter or Space on a header: sorts by that column (Shift adds it as another key); unsortable columns ignore it. */
export function sortFromHeader(column: SortableColumn | undefined, event: KeyboardEvent): void {
  if (column?.getCanSort()) column.toggleSorting(undefined, event.shiftKey);
}
