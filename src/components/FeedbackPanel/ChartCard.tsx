import { useId, useState, type ReactNode } from 'react';

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
  headingLevel: 3 | 4 | 5 | 6;
  /** Text of the chart/table toggle. */
  viewAsTableLabel: string;
  /** The chart; `null` draws nothing (e.g. nothing to plot) and hides the toggle. */
  chart: ((ids: ChartA11yIds) => ReactNode) | null;
  /** The data-table alternative; shown on its own when `chart` is null (then it may be a message instead). */
  table: ReactNode;
  /** Shown under the chart or table (legend notes, change list). */
  footer?: ReactNode;
  /** Shown between the description and the chart (legend). */
  legend?: ReactNode;
  /** Extra class, e.g. to span the grid. */
  className?: string;
}

/**
 * A feedback chart card: title, description, a "View as table" toggle (`aria-pressed`) and either the chart or its
 * data table. `data-view` is `chart` or `table`.
 */
export function ChartCard(props: ChartCardProps) {
  const { id, title, description, summary, headingLevel, viewAsTableLabel, chart, table, footer, legend, className } = props;
  const [asTable, setAsTable] = useState(false);
  const base = useId();
  const ids: ChartA11yIds = { labelledBy: `${base}-title`, describedBy: `${base}-description ${base}-summary` };
  const Heading = `h${headingLevel}` as const;
  const showTable = asTable || chart === null;
  return (
    <section
      className={className ? `us-feedback-card ${className}` : 'us-feedback-card'}
      data-slot="feedback-chart"
      data-chart={id}
      data-view={showTable ? 'table' : 'chart'}
      aria-labelledby={ids.labelledBy}
    >
      <div className="us-feedback-card__header">
        <Heading id={ids.labelledBy} className="us-feedback-card__title">
          {title}
        </Heading>
        {chart !== null ? (
          <button
            type="button"
            className="us-button us-feedback-card__toggle"
            data-variant="ghost"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {viewAsTableLabel}
          </button>
        ) : null}
      </div>
      <p id={`${base}-description`} className="us-feedback-card__description">
        {description}
      </p>
      {chart !== null ? (
        <p id={`${base}-summary`} className="us-visually-hidden">
          {summary}
        </p>
      ) : null}
      {showTable ? table : (
        <>
          {legend}
          {chart(ids)}
        </>
      )}
      {footer}
    </section>
  );
}
