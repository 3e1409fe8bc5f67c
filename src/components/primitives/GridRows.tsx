/**
 * The body parts of a data grid (`role="grid"` table): rows of data cells, loading placeholders, a full-width message
 * row for the error and empty states, and the spacer rows that stand in for virtualised rows above and below the
 * window.
 * @module
 */
import { FlexRender, type Cell, type RowData, type TableFeatures } from '@tanstack/react-table';
import { memo, useCallback, useRef, type MouseEvent, type ReactNode } from 'react';
import type { GridColumnMeta } from './GridHeaderCell';
import { cellKey } from './use-grid-navigation';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** Props of {@link GridCell}. */
interface GridCellProps {
  /** Column id, set as `data-column`. */
  column: string;
  /** Alignment. */
  align: GridColumnMeta['align'];
  /** Body row index (0-based). */
  row: number;
  /** Visible column index (0-based). */
  col: number;
  /** `0` when this cell holds the grid's tab stop. */
  tabIndex: 0 | -1;
  /** Stick to the left edge while the grid scrolls sideways (the first column). */
  sticky?: boolean;
  /** Content. */
  children: ReactNode;
}

/** A data cell, addressed by `data-cell="row:col"` for keyboard navigation. */
function GridCell({ column, align, row, col, tabIndex, sticky = false, children }: GridCellProps) {
  return (
    <td
      role="gridcell"
      className="us-grid__td"
      data-align={align}
      data-column={column}
      data-sticky={sticky ? '' : undefined}
      data-cell={cellKey(row, col)}
      tabIndex={tabIndex}
    >
      {children}
    </td>
  );
}

/** Props of {@link GridRow}. */
export interface GridRowProps<TFeatures extends TableFeatures, TData extends RowData> {
  /** The row's cells in display order (TanStack `getVisibleCells()` or `getAllCells()`). */
  cells: readonly Cell<TFeatures, TData, unknown>[];
  /** Body row index (0-based). */
  index: number;
  /** Column of the grid's tab stop when it is in this row, else `null`. */
  activeCol: number | null;
  /** `data-state` of the row, for styling (e.g. `attention`, `error`). */
  state: string;
  /** Attributes that identify the row for hosts and tests, e.g. `{ 'data-trace-id': id }`. */
  identity: Record<`data-${string}`, string>;
  /** The first column sticks to the left while the grid scrolls sideways. */
  stickyFirstColumn?: boolean;
  /** Row click. */
  onClick: (event: MouseEvent<HTMLTableRowElement>) => void;
}

function GridRowBody<TFeatures extends TableFeatures, TData extends RowData>(props: GridRowProps<TFeatures, TData>) {
  const { index, activeCol } = props;
  return (
    <tr className="us-grid__row" aria-rowindex={index + 2} data-state={props.state} {...props.identity} onClick={props.onClick}>
      {props.cells.map((cell, col) => (
        <GridCell
          key={cell.id}
          column={cell.column.id}
          align={(cell.column.columnDef.meta as GridColumnMeta).align}
          row={index}
          col={col}
          tabIndex={activeCol === col ? 0 : -1}
          sticky={props.stickyFirstColumn === true && col === 0}
        >
          <FlexRender cell={cell} />
        </GridCell>
      ))}
    </tr>
  );
}

function sameIdentity(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Whether a row would render the same. Cells are compared one by one: TanStack keeps a cell object per row and
 * column object, so a new row, new column definitions, or a new column order or visibility all show up here.
 * `onClick` is not compared: {@link GridRow} passes a stable handler that calls the latest one.
 */
function sameRow<TFeatures extends TableFeatures, TData extends RowData>(
  a: GridRowProps<TFeatures, TData>,
  b: GridRowProps<TFeatures, TData>,
): boolean {
  return (
    a.index === b.index &&
    a.activeCol === b.activeCol &&
    a.state === b.state &&
    a.stickyFirstColumn === b.stickyFirstColumn &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => cell === b.cells[i]) &&
    sameIdentity(a.identity, b.identity)
  );
}

const MemoGridRowBody = memo(GridRowBody, sameRow) as typeof GridRowBody;

/**
 * A body row of a data grid: one {@link GridCell} per cell, rendered by its column definition. Memoised: the cells
 * render again only when the row's cells (row, column definitions, order, visibility), index, tab stop, state or
 * identity change, so a sort click or a parent re-render with equal rows leaves them alone. `onClick` and
 * `identity` may be new on every render.
 */
export function GridRow<TFeatures extends TableFeatures, TData extends RowData>(props: GridRowProps<TFeatures, TData>) {
  const latestOnClick = useRef(props.onClick);
  useIsomorphicLayoutEffect(() => {
    latestOnClick.current = props.onClick;
  });
  const onClick = useCallback((event: MouseEvent<HTMLTableRowElement>) => latestOnClick.current(event), []);
  return <MemoGridRowBody {...props} onClick={onClick} />;
}

/** Placeholder rows while the first page loads: one skeleton bar per cell, hidden from assistive technology. */
export function GridSkeletonRows({ columns, count }: { columns: readonly { id: string; align: GridColumnMeta['align'] }[]; count: number }) {
  return Array.from({ length: count }, (_, i) => (
    <tr key={i} className="us-grid__row" data-state="skeleton" aria-hidden="true">
      {columns.map((c) => (
        <td key={c.id} className="us-grid__td" data-align={c.align}>
          <span className="us-skeleton" />
        </td>
      ))}
    </tr>
  ));
}

/** A row across every column holding a message (the error or empty state). */
export function GridMessageRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="us-grid__message">
        {children}
      </td>
    </tr>
  );
}

/** Empty space the height of the virtualised rows it stands in for; nothing when there are none. */
export function GridSpacerRow({ colSpan, height }: { colSpan: number; height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="us-grid__spacer">
      <td colSpan={colSpan} style={{ height }} />
    </tr>
  );
}
