import { MARKER_SHAPE, type MarkerKind } from '../primitives/marker-vocabulary';
import type { SeriesVariant } from './series';

/** One legend entry: a series, drawn in its colour, or a kind of change marker, drawn like the chart's markers. */
export type LegendItem =
  | {
      /** Stable id. */
      id: string;
      /** Text. */
      label: string;
      /** Swatch style: a line of the series' variant, or a filled box (stacked areas and bars). */
      variant: SeriesVariant | 'box';
      /** Swatch colour (CSS). */
      color: string;
    }
  | {
      /** Stable id. */
      id: string;
      /** Text. */
      label: string;
      /** The marker of a change kind, shaped as in the marker vocabulary (circle, rounded square; theme colours). */
      variant: MarkerKind;
    };

/** The swatch of one legend entry, drawn like the series or marker it names. */
function Swatch({ item }: { item: LegendItem }) {
  if (!('color' in item)) {
    return MARKER_SHAPE[item.variant] === 'square' ? (
      <rect className="us-chart__marker-swatch" data-kind={item.variant} x={5} y={1} width={8} height={8} rx={1.5} />
    ) : (
      <circle className="us-chart__marker-swatch" data-kind={item.variant} cx={9} cy={5} r={4} />
    );
  }
  if (item.variant === 'box') return <rect x={1} y={0} width={16} height={10} rx={2} fill={item.color} />;
  return <line className="us-chart__line" data-variant={item.variant} x1={1} x2={17} y1={5} y2={5} stroke={item.color} />;
}

/** The series of a chart as a list, each with a swatch drawn like its line (solid, dashed, dotted), box or marker. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="us-chart__legend" data-slot="chart-legend">
      {items.map((item) => (
        <li key={item.id} className="us-chart__legend-item" data-variant={item.variant}>
          <svg className="us-chart__swatch" width={18} height={10} aria-hidden="true" focusable="false">
            <Swatch item={item} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
