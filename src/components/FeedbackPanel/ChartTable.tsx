import type { ReactNode } from 'react';

/** One column of a {@link ChartTable}. */
export interface ChartTableColumn {
  /** Header text. */
  header: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/** Props of {@link ChartTable}. */
export interface ChartTableProps {
  /** Caption (the chart's title). */
  caption: string;
  /** Columns; the first one heads each row. */
  columns: readonly ChartTableColumn[];
  /** Cells, row by row, in column order. */
  rows: readonly (readonly ReactNode[])[];
  /** Stable key of each row. */
  rowKeys: readonly string[];
}

/**
 * The data-table alternative of a chart: a captioned table in a focusable scroll region, so long series stay
 * reachable by keyboard.
 */
export function ChartTable({ caption, columns, rows, rowKeys }: ChartTableProps) {
  return (
    <div className="us-feedback-table" data-slot="chart-table" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="us-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" data-numeric={c.numeric ? '' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={rowKeys[r]}>
              {cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} data-numeric={columns[i]?.numeric ? '' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
