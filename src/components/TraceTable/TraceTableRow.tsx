import type { Row } from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import type { TraceRow } from '../../core/results';
import { GridRow } from '../primitives/GridRows';
import type { traceTableFeatures } from './trace-table-columns';

/** Props of {@link TraceTableRow}. */
export interface TraceTableRowProps {
  /** The TanStack row. */
  row: Row<typeof traceTableFeatures, TraceRow>;
  /** Body row index (0-based). */
  index: number;
  /** Column of the grid's tab stop when it is in this row, else `null`. */
  activeCol: number | null;
  /** Row click. */
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, trace: TraceRow) => void;
}

/**
 * One body row of `TraceTable`. Not memoised itself: {@link GridRow} memoises on the row's cells, which TanStack
 * rebuilds when the columns change (locale, labels, link functions), so while the grid scrolls only rows that enter
 * the window (or gain or lose the tab stop) render their cells.
 */
export function TraceTableRow({ row, index, activeCol, onRowClick }: TraceTableRowProps) {
  const trace = row.original;
  return (
    <GridRow
      cells={row.getAllCells()}
      index={index}
      activeCol={activeCol}
      state={trace.status}
      identity={{ 'data-trace-id': trace.id }}
      onClick={(event) => onRowClick(event, trace)}
    />
  );
}
