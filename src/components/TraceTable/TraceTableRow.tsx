import type { Row } from '@tanstack/react-table';
import { memo, type MouseEvent } from 'react';
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
  /** Row click (stable across renders, so rows re-render only when they change). */
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, trace: TraceRow) => void;
}

/**
 * One body row of `TraceTable`. Memoised: while the grid scrolls, only rows that enter the window (or gain or lose
 * the tab stop) render.
 */
export const TraceTableRow = memo(function TraceTableRow({ row, index, activeCol, onRowClick }: TraceTableRowProps) {
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
});
