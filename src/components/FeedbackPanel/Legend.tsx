/** One legend entry: the series it names (styled through `data-series`) and how it is drawn. */
export interface LegendItem {
  /** Series id, matching the chart's `data-series` attributes. */
  series: string;
  /** Swatch shape: a filled box (bars), a line, a dashed line, or a numbered badge (markers). */
  shape: 'box' | 'line' | 'dash' | 'badge';
  /** Visible name. */
  label: string;
}

/** The legend of a feedback chart (laid out like every chart legend): swatches are decorative, names are text. */
export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="us-chart__legend" data-slot="chart-legend">
      {items.map((item) => (
        <li key={item.series} className="us-chart__legend-item">
          <span className="us-feedback-legend__swatch" data-series={item.series} data-shape={item.shape} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
