import type { ReactNode, Ref } from 'react';
import type { SortingItem } from '../../core/contract';
import { GridHeaderCell, type GridColumnMeta, type SortableColumn } from './GridHeaderCell';
import { GridMessageRow, GridSkeletonRows, GridSpacerRow } from './GridRows';
import type { GridNavigation } from './use-grid-navigation';

/** A visible column of a {@link DataGrid}: a TanStack column with `rowSortingFeature` and {@link GridColumnMeta}. */
export interface DataGridColumn extends SortableColumn {
  /** Its definition; `meta` holds the header text, alignment and width. */
  columnDef: { meta?: GridColumnMeta };
}

/** Props of {@link DataGrid}. */
export interface DataGridProps {
  /** Keyboard navigation from `useGridNavigation` (attached to the table; `tabIndexFor` places the tab stop). */
  navigation: Pick<GridNavigation, 'ref' | 'onKeyDown' | 'onFocus' | 'tabIndexFor'>;
  /** Caption, read by screen readers. */
  caption: string;
  /** The visible columns, in order: their widths make the table's fixed layout. */
  columns: readonly DataGridColumn[];
  /** The sorting the headers show. */
  sorting: readonly SortingItem[];
  /** The first column sticks to the left while the grid scrolls sideways. */
  stickyFirstColumn?: boolean;
  /** `aria-rowcount`: every row including the header row, or -1 when unknown. */
  ariaRowCount: number;
  /** Rows are loading (`aria-busy`). */
  busy: boolean;
  /** Skeleton rows to show while the first page loads (0: none). */
  skeletonRows: number;
  /** The error or empty state, shown across every column; `null` when there are rows. */
  message: ReactNode;
  /** Ref of the header row group (its height offsets virtualised rows). */
  headRef: Ref<HTMLTableSectionElement>;
  /** Space above and below the rendered rows that stands in for virtualised ones, px. */
  padding: { top: number; bottom: number };
  /** The rendered body rows. */
  children: ReactNode;
}

/** The header text, alignment and width of a column. */
export function columnMeta(column: DataGridColumn): GridColumnMeta {
  return column.columnDef.meta as GridColumnMeta;
}

/**
 * The table of a data grid (WAI-ARIA grid pattern): a hidden caption, fixed column widths, a sticky row of sortable
 * headers, then skeleton rows while loading, a message across the grid when it is empty or failed, or the rows with
 * spacers for the virtualised ones. Column widths add up to the table's width, so a narrow container scrolls
 * sideways instead of squeezing the columns.
 */
export function DataGrid(props: DataGridProps) {
  const { navigation, columns, padding } = props;
  const colSpan = Math.max(1, columns.length);
  const metas = columns.map((c) => ({ id: c.id, ...columnMeta(c) }));
  return (
    <table
      ref={navigation.ref}
      role="grid"
      className="us-grid__table"
      aria-rowcount={props.ariaRowCount}
      aria-colcount={columns.length}
      aria-busy={props.busy}
      onKeyDown={navigation.onKeyDown}
      onFocus={navigation.onFocus}
      style={{ width: metas.reduce((sum, c) => sum + c.width, 0) }}
    >
      <caption className="us-visually-hidden">{props.caption}</caption>
      <colgroup>
        {metas.map((c) => (
          <col key={c.id} style={{ width: c.width }} />
        ))}
      </colgroup>
      <thead ref={props.headRef} className="us-grid__head">
        <tr aria-rowindex={1}>
          {columns.map((column, col) => (
            <GridHeaderCell
              key={column.id}
              column={column}
              meta={columnMeta(column)}
              sorting={props.sorting}
              col={col}
              tabIndex={navigation.tabIndexFor(-1, col)}
              sticky={props.stickyFirstColumn === true && col === 0}
            />
          ))}
        </tr>
      </thead>
      <tbody className="us-grid__body">
        <GridSkeletonRows columns={metas} count={props.skeletonRows} />
        {props.message ? <GridMessageRow colSpan={colSpan}>{props.message}</GridMessageRow> : null}
        <GridSpacerRow colSpan={colSpan} height={padding.top} />
        {props.children}
        <GridSpacerRow colSpan={colSpan} height={padding.bottom} />
      </tbody>
    </table>
  );
}
