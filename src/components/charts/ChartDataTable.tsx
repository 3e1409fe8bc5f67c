import { useId, useState } from 'react';

/** One column of a chart's table. */
export interface ChartTableColumn {
  /** Stable id. */
  id: string;
  /** Header text. */
  label: string;
  /** Text columns (names, kinds) align to the start; numbers, the default, to the end. The first column heads rows. */
  align?: 'start' | 'end';
}

/** One row: a key and one formatted cell per column. */
export interface ChartTableRow {
  /** Stable key (e.g. the bucket start). */
  key: string;
  /** Formatted cells, in column order; the first is the row header. */
  cells: string[];
}

/** Props of {@link ChartDataTable}. */
export interface ChartDataTableProps {
  /** Table caption (the chart's title). */
  caption: string;
  /** Columns; the first one heads each row. */
  columns: readonly ChartTableColumn[];
  /** Rows, built only when the table is opened. */
  getRows: () => ChartTableRow[];
  /** Toggle text when closed / open. */
  labels: { viewTable: string; hideTable: string };
  /** Open at first. Default false. */
  defaultOpen?: boolean;
}

/**
 * The "view as table" alternative of a chart: a toggle button (`aria-expanded`) that shows the chart's data as a
 * table with a caption and row headers, in a focusable scroll region.
 */
export function ChartDataTable({ caption, columns, getRows, labels, defaultOpen = false }: ChartDataTableProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div className="us-chart-table" data-slot="chart-table" data-state={open ? 'open' : 'closed'}>
      <button type="button" className="us-button" data-variant="ghost" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? labels.hideTable : labels.viewTable}
      </button>
      <div id={id} className="us-chart-table__scroll" role="region" aria-label={caption} tabIndex={0} hidden={!open}>
        {open ? (
          <table className="us-chart-table__table">
            <caption className="us-visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.id} scope="col" data-align={c.align}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {getRows().map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={columns[i]?.id ?? i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={columns[i]?.id ?? i} data-align={columns[i]?.align}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
