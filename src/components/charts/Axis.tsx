/** Side of the plot an axis is drawn on; its tick labels face away from the plot. */
export type AxisSide = 'left' | 'right' | 'bottom';

/** Props of {@link Axis}. */
export interface AxisProps<T> {
  /** Where the axis sits; `top`/`left` move it there (a bottom axis at the plot's height, a right one at its width). */
  side: AxisSide;
  /** Tick values, in order. */
  values: readonly T[];
  /** Value → px along the axis (a scale). */
  position: (value: T) => number;
  /** Tick label of a value. */
  format: (value: T) => string;
  /** Offset of the axis from the plot's top, px. */
  top?: number;
  /** Offset of the axis from the plot's left, px. */
  left?: number;
  /** Distance from the axis to the tick labels, px (the length of the tick marks when drawn). */
  tickLength?: number;
  /** Draw the tick marks. */
  tickMarks?: boolean;
  /** Draw the axis line across this span of the axis (px, usually the scale's range). */
  line?: readonly [number, number];
}

/** Font size, px, the label gap below a bottom axis is measured in (as the axes of visx place it). */
const LABEL_LINE_PX = 10;

/** Where a tick label sits against its tick, by side. */
const LABEL = {
  left: { dx: '-0.25em', dy: '0.25em', anchor: 'end' },
  right: { dx: '0.25em', dy: '0.25em', anchor: 'start' },
  bottom: { dx: undefined, dy: '0.25em', anchor: 'middle' },
} as const;

/**
 * A chart axis in SVG, decorative (charts are hidden from assistive technology): one `<g>` per tick with an optional
 * tick mark and a one-line `<text>` label, then an optional axis line. Styled by `.us-chart__axis` (theme CSS).
 */
export function Axis<T>({ side, values, position, format, top = 0, left = 0, tickLength = 8, tickMarks = false, line }: AxisProps<T>) {
  const horizontal = side === 'bottom';
  const outward = side === 'left' ? -tickLength : tickLength;
  const point = (along: number, across: number) => (horizontal ? { x: along, y: across } : { x: across, y: along });
  const lineFrom = point((line?.[0] ?? 0) + 0.5, 0);
  const lineTo = point((line?.[1] ?? 0) + 0.5, 0);
  const label = LABEL[side];  return (
    <g className="us-chart__axis" data-side={side} transform={`translate(${left}, ${top})`}>
      {values.map((value, index) => {
        const at = position(value);
        const from = point(at, 0);
        const to = point(at, outward);
        return (
          <g key={`${String(value)}-${index}`} className="us-chart__tick">
            {tickMarks ? <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} shapeRendering="crispEdges" strokeLinecap="square" /> : null}
            <text x={to.x} y={to.y + (horizontal ? LABEL_LINE_PX : 0)} dx={label.dx} dy={label.dy} textAnchor={label.anchor}>
              {format(value)}
            </text>
          </g>
        );
      })}
      {line ? <line x1={lineFrom.x} y1={lineFrom.y} x2={lineTo.x} y2={lineTo.y} shapeRendering="crispEdges" /> : null}
    </g>
  );
}
