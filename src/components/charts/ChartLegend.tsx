import type { SeriesVariant } from './series';

/** One legend entry. */
export interface LegendItem {
  /** Stable id. */
  id: string;
  /** Text. */
  label: string;
  /** Swatch style: a line of the series' variant, or a filled box (stacked areas and bars). */
  variant: SeriesVariant | 'box';
  /** Swatch colour (CSS). */
  color: string;
}

/** The series of a chart as a list, each with a swatch drawn like its line (solid, dashed, dotted) or a box. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="us-chart__legend" data-slot="chart-legend">
      {items.map((item) => (
        <li key={item.id} className="us-chart__legend-item" data-variant={item.variant}>
          <svg className="us-chart__swatch" width={18} height={10} aria-hidden="true" focusable="false">
            {item.variant === 'box' ? (
              <rect x={1} y={0} width={16} height={10} rx={2} fill={item.color} />
            ) : (
              <line className="us-chart__line" data-variant={item.variant} x1={1} x2={17} y1={5} y2={5} stroke={item.color} />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
