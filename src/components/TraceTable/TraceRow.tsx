import { FlexRender, type Row } from '@tanstack/react-table';
import { memo, type MouseEvent } from 'react';
import type { Trace } from '../../core/model';
import { cellKey } from '../UsersTable/use-grid-navigation';
import type { TraceColumnMeta, traceTableFeatures } from './trace-table-columns';

/** Props of {@link TraceRow}. */
export interface TraceRowProps {
  /** The TanStack row. */
  row: Row<typeof traceTableFeatures, Trace>;
  /** Body row index (0-based). */
  index: number;
  /** Column of the grid's tab stop when it is in this row, else `null`. */
  activeCol: number | null;
  /** Row click (stable across renders, so rows re-render only when they change). */
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, trace: Trace) => void;
}

/**
 * One body row of `TraceTable`. Memoised: while the grid scrolls, only rows that enter the window (or gain or lose
 * the tab stop) render.
 */
export const TraceRow = memo(function TraceRow({ row, index, activeCol, onRowClick }: TraceRowProps) {
  const trace = row.original;
  return (
    <tr
      className="us-trace-table__row"
      aria-rowindex={index + 2}
      data-state={trace.status}
      data-trace-id={trace.id}
      onClick={(event) => onRowClick(event, trace)}
    >
      {row.getAllCells().map((cell, col) => {
        const meta = cell.column.columnDef.meta as TraceColumnMeta;
        return (
          <td
            key={cell.id}
            role="gridcell"
            className="us-trace-table__td"
            data-align={meta.align}
            data-column={cell.column.id}
            data-cell={cellKey(index, col)}
            tabIndex={activeCol === col ? 0 : -1}
          >
            <FlexRender cell={cell} />
          </td>
        );
      })}
    </tr>
  );
});
