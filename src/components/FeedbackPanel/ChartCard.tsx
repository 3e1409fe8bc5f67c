import { type HeadingLevel } from '../primitives/heading-level';
import { useId, type ReactNode } from 'react';
import { ChartDataTable, type ChartTableColumn, type ChartTableRow } from '../charts/ChartDataTable';
import { ChartLegend, type LegendItem } from '../charts/ChartLegend';

/** What a chart card passes to its chart: the ids that name and describe it. */
export interface ChartA11yIds {
  /** Id of the title. */
  labelledBy: string;
  /** Ids of the description and the summary. */
  describedBy: string;
}

/** Props of {@link ChartCard}. */
export interface ChartCardProps {
  /** Chart id, set as `data-chart` (e.g. `trends`). */
  id: string;
  /** Title, a heading at `headingLevel`. */
  title: string;
  /** The question the chart answers; shown under the title. */
  description: string;
  /** A sentence with the key numbers that describes the chart (visually hidden: the table has them all). */
  summary: string;
  /** Heading level of the title. */
  headingLevel: HeadingLevel;
  /** The chart; `null` when there is nothing to plot: then `empty` shows instead of the chart and its table. */
  chart: ((ids: ChartA11yIds) => ReactNode) | null;
  /** Shown instead of the chart and its table when `chart` is null. */
  empty: string;
  /** The table alternative: its columns (the first heads each row) and its rows, built when it is opened. */
  table: { columns: readonly ChartTableColumn[]; getRows: () => ChartTableRow[] };
  /** Texts of the table toggle. */
  tableLabels: { viewTable: string; hideTable: string };
  /** The series (and markers) of the chart, shown above it. */
  legend?: readonly LegendItem[];
  /** Shown under the chart and its table (notes, change list). */
  footer?: ReactNode;
  /** Extra class, e.g. to span the grid. */
  className?: string;
}

/**
 * A feedback chart card: title, description, legend, the chart, and the chart's table alternative behind a
 * "View as table" toggle, like every userscope chart (`charts/ChartDataTable`).
 */
export function ChartCard(props: ChartCardProps) {
  const { id, title, description, summary, headingLevel, chart, empty, table, tableLabels, legend, footer, className } = props;
  const base = useId();
  const ids: ChartA11yIds = { labelledBy: `${base}-title`, describedBy: `${base}-description ${base}-summary` };
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      className={className ? `us-feedback-card ${className}` : 'us-feedback-card'}
      data-slot="feedback-chart"
      data-chart={id}
      aria-labelledby={ids.labelledBy}
    >
      <Heading id={ids.labelledBy} className="us-feedback-card__title">
        {title}
      </Heading>
      <p id={`${base}-description`} className="us-feedback-card__description">
        {description}
      </p>
      {chart === null ? (
        <p className="us-feedback-card__empty">{empty}</p>
      ) : (
        <>
          <p id={`${base}-summary`} className="us-visually-hidden">
            {summary}
          </p>
          {legend ? <ChartLegend items={legend} /> : null}
          {chart(ids)}
          <ChartDataTable caption={title} columns={table.columns} getRows={table.getRows} labels={tableLabels} />
        </>
      )}
      {footer}
    </section>
  );
}
