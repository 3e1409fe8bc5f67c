/**
 * Default English strings shared by the charts (markers, table alternative, keyboard help). Components spread them
 * into their own labels object so a host overrides them there. `{name}` placeholders are filled with `formatLabel`.
 * @module
 */

/** Shared chart strings. */
export const chartLabels = {
  /** Marker kinds. */
  modelSwitch: 'Model switch',
  release: 'Release',
  /** A change's from → to; `{from}` is absent for the first model or release in range. */
  changeFromTo: '{from} → {to}',
  changeTo: 'to {to}',
  /** One before/after line of a marker tooltip. */
  beforeAfter: '{measure}: {before} → {after}',
  successRate: 'Success rate',
  latencyP95Ms: 'p95 latency',
  costPerTraceUsd: 'Cost per trace',
  /** Sizes of the compared windows. */
  windowSizes: 'Compared over {before} traces before and {after} after',
  /** Verdict on a change that the regression rule did not flag. */
  noRegression: 'No significant regression.',
  /** Marker accessible names (its tooltip lines are its description). */
  markerName: '{kind} {change}, {time}',
  markerNameRegression: 'Regression: {kind} {change}, {time}',
  /** Accessible name of the group of marker buttons. */
  markers: 'Model switches and releases',
  /** Table alternative toggle. */
  viewTable: 'View as table',
  hideTable: 'Hide table',
  /** First column of a chart's table. */
  tableTime: 'Time (UTC)',
  /** How the plot works from the keyboard (read as its description); the zoom part only where zooming is offered. */
  keyboardReadHelp: 'Left and right arrows read one bucket at a time; Home and End jump to the ends.',
  keyboardZoomHelp: 'Shift with an arrow selects a span, Enter zooms to it, minus zooms out, Escape clears.',
};

/** Shared chart strings (see {@link chartLabels}). */
export type ChartLabels = typeof chartLabels;
