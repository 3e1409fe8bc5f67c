import { useId } from 'react';
import type { MsRange } from '../../core/engine/time';
import { markerGlyph, markerState } from '../primitives/marker-vocabulary';
import { useTooltip } from '../primitives/Tooltip';
import type { ChartMarker } from './change-markers';
import { CHART_MARGIN, type LinearScale } from './chart-layout';

/** Marker button size, px (a 24 px target, WCAG 2.5.8). */
const MARKER_PX = 24;
/** Vertical distance between rows of markers that would overlap, px. */
const ROW_PX = 26;

/** A marker placed on the plot: its x inside the plot and its row (0 = top margin). */
export interface PlacedMarker {
  /** The marker. */
  marker: ChartMarker;
  /** x of the change inside the plot, px. */
  x: number;
  /** Row, so that markers closer than a button's width do not overlap. */
  row: number;
}

/** Markers inside `domain`, placed at the x of their time; overlapping ones go to further rows. */
export function placeMarkers(markers: readonly ChartMarker[], domain: MsRange, x: LinearScale): PlacedMarker[] {
  const rowEnds: number[] = [];
  return markers
    .filter((m) => m.at >= domain.from && m.at < domain.to)
    .sort((a, b) => a.at - b.at)
    .map((marker) => {
      const px = x(marker.at);
      let row = rowEnds.findIndex((end) => end <= px - MARKER_PX / 2);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = px + MARKER_PX / 2 + 2;
      return { marker, x: px, row };
    });
}

/** The vertical line of each placed marker across the plot (SVG, inside the plot group; decorative). */
export function MarkerLines({ placed, innerHeight }: { placed: readonly PlacedMarker[]; innerHeight: number }) {
  return (
    <g className="us-chart__marker-lines" data-slot="marker-lines">
      {placed.map(({ marker, x }) => (
        <line
          key={marker.key}
          className="us-chart__marker-line"
          data-kind={marker.kind}
          data-state={markerState(marker.regression)}
          x1={x}
          x2={x}
          y1={-CHART_MARGIN.top + MARKER_PX}
          y2={innerHeight}
        />
      ))}
    </g>
  );
}

function MarkerButton({ placed, onSelect }: { placed: PlacedMarker; onSelect?: (marker: ChartMarker) => void }) {
  const { marker, x, row } = placed;
  const tooltip = useTooltip<HTMLButtonElement>();
  const detailId = useId();
  return (
    <button
      {...tooltip.anchorProps}
      type="button"
      className="us-chart__marker"
      data-kind={marker.kind}
      data-state={markerState(marker.regression)}
      data-at={new Date(marker.at).toISOString()}
      aria-label={marker.name}
      aria-describedby={detailId}
      style={{ left: CHART_MARGIN.left + x - MARKER_PX / 2, top: 3 + row * ROW_PX }}
      onClick={() => onSelect?.(marker)}
    >
      <span aria-hidden="true">{markerGlyph(marker.kind, marker.regression)}</span>
      <span id={detailId} className="us-visually-hidden">
        {marker.lines.join('. ')}
      </span>
      {tooltip.render(
        <>
          <span className="us-tooltip__title">{marker.title}</span>
          {marker.lines.map((line, i) => (
            <span key={i}>{line}</span>
          ))}
        </>,
      )}
    </button>
  );
}

/** Props of {@link MarkersLayer}. */
export interface MarkersLayerProps {
  /** Placed markers (see {@link placeMarkers}). */
  placed: readonly PlacedMarker[];
  /** Accessible name of the group. */
  label: string;
  /** Called when a marker is activated. */
  onSelect?: (marker: ChartMarker) => void;
}

/**
 * One focusable button per marker, over the chart's top margin at the x of its change, with a tooltip on hover and
 * focus. The button's name and description repeat the tooltip for screen readers.
 */
export function MarkersLayer({ placed, label, onSelect }: MarkersLayerProps) {
  if (placed.length === 0) return null;
  return (
    <div className="us-chart__markers" data-slot="markers" role="group" aria-label={label}>
      {placed.map((p) => (
        <MarkerButton key={p.marker.key} placed={p} onSelect={onSelect} />
      ))}
    </div>
  );
}
