/**
 * The one marker vocabulary of userscope's time charts (trends, model mix, feedback): how a release, a model switch
 * and a flagged regression look, and how a chart names the event in its tooltips. Charts import it so a marker reads
 * the same everywhere.
 * @module
 */

/** What a marker stands for (`ChangeEvent.kind`). */
export type MarkerKind = 'model-switch' | 'release';

/** Whether the regression rule flagged the change (`data-state` of the marker). */
export type MarkerState = 'regression' | 'ok';

/**
 * Glyph inside a marker: `M` model switch, `R` release, `!` a flagged regression (whatever its kind). A chart that
 * numbers its markers (the feedback charts) shows the number instead and keeps the shape and state.
 */
export const MARKER_GLYPH: Readonly<Record<MarkerKind | 'regression', string>> = Object.freeze({
  'model-switch': 'M',
  release: 'R',
  regression: '!',
});

/** Shape of a marker: a circle per model switch, a rounded square per release (`data-kind` styles it). */
export const MARKER_SHAPE: Readonly<Record<MarkerKind, 'circle' | 'square'>> = Object.freeze({
  'model-switch': 'circle',
  release: 'square',
});

/** The glyph of a marker: `!` for a flagged regression, else its kind's. */
export function markerGlyph(kind: MarkerKind, regression: boolean): string {
  return regression ? MARKER_GLYPH.regression : MARKER_GLYPH[kind];
}

/** The `data-state` of a marker. */
export function markerState(regression: boolean): MarkerState {
  return regression ? 'regression' : 'ok';
}

/** English strings of the vocabulary; `{kind}` and `{change}` are filled with `formatLabel`. */
export const markerVocabularyLabels = {
  /** Legend of the glyphs, under a chart with markers. */
  markerLegend: 'M model switch · R release · ! regression',
  /** An event named in a chart's crosshair tooltip: `Model switch: gpt-4o-mini → gpt-4.1`. */
  markerEvent: '{kind}: {change}',
  /** The same for a flagged regression. */
  markerEventRegression: '{kind}: {change} (regression)',
};

/** Strings of the marker vocabulary (see {@link markerVocabularyLabels}). */
export type MarkerVocabularyLabels = typeof markerVocabularyLabels;
