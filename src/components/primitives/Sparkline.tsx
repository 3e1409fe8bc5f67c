import type { SparkPoint } from '../../core/results';
import { formatLabel } from './format-label';
import { formatCount, formatDateTime } from './format';
import { useLabels } from './labels-context';

/** Default strings of {@link Sparkline}. Placeholders: `{traces}`, `{errors}`, `{buckets}`, `{peak}`, `{peakDate}`. */
export const sparklineLabels = {
  /** Accessible name when there is activity. */
  summary: '{traces} traces, {errors} errors over {buckets} days; busiest {peakDate} with {peak}',
  /** Accessible name without any trace. */
  empty: 'No traces in this range',
};

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  /** Traces per bucket, oldest first, errors overlaid. */
  points: readonly SparkPoint[];
  /** Width in px. Default 96. */
  width?: number;
  /** Height in px. Default 24. */
  height?: number;
  /** Locale for the accessible summary. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<typeof sparklineLabels>;
}

/** Narrowest bar in px; more buckets than fit are summed into wider groups. */
const MIN_BAR_PX = 2;

/** Sums consecutive points so that at most `max` groups remain; each group keeps its first `t`. */
function group(points: readonly SparkPoint[], max: number): SparkPoint[] {
  if (points.length <= max) return points.slice();
  const size = Math.ceil(points.length / max);
  const out: SparkPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const slice = points.slice(i, i + size);
    out.push({
      t: (slice[0] as SparkPoint).t,
      traceCount: slice.reduce((sum, p) => sum + p.traceCount, 0),
      errorCount: slice.reduce((sum, p) => sum + p.errorCount, 0),
    });
  }
  return out;
}

/** The accessible summary: totals, bucket count and the busiest bucket. */
function sparklineSummary(points: readonly SparkPoint[], locale: string, labels: typeof sparklineLabels): string {
  let traces = 0;
  let errors = 0;
  let peak: SparkPoint | undefined;
  for (const p of points) {
    traces += p.traceCount;
    errors += p.errorCount;
    if (!peak || p.traceCount > peak.traceCount) peak = p;
  }
  if (traces === 0 || !peak) return labels.empty;
  return formatLabel(labels.summary, {
    traces: formatCount(traces, locale),
    errors: formatCount(errors, locale),
    buckets: formatCount(points.length, locale),
    peak: formatCount(peak.traceCount, locale),
    peakDate: formatDateTime(peak.t, locale, false),
  });
}

/** Two decimals are finer than a device pixel and keep the path short. */
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * One SVG path of bars standing on the baseline, a closed rectangle per bucket with a height above 0: a row's
 * sparkline is two elements, not one per bucket (the users table mounts fifty of them at each sort or page).
 */
function barsPath(bars: readonly SparkPoint[], barHeight: (p: SparkPoint) => number, step: number, barWidth: number, height: number): string {
  let d = '';
  bars.forEach((p, i) => {
    const h = barHeight(p);
    if (h > 0) d += `M${round(i * step)} ${round(height - h)}h${round(barWidth)}v${round(h)}h${-round(barWidth)}z`;
  });
  return d;
}

/**
 * A tiny bar chart of traces per bucket with failed traces overlaid in the danger colour. Exposed as one image
 * whose accessible name summarises it (totals and busiest bucket).
 */
export function Sparkline({ points, width = 96, height = 24, locale = 'en-US', labels }: SparklineProps) {
  const l = useLabels('sparkline', sparklineLabels, labels);
  const bars = group(points, Math.max(1, Math.floor(width / MIN_BAR_PX)));
  const max = bars.reduce((m, p) => Math.max(m, p.traceCount), 0);
  const step = bars.length > 0 ? width / bars.length : width;
  const barWidth = Math.max(1, step - (step >= 3 ? 1 : 0));
  const scale = (count: number) => (max === 0 ? 0 : Math.max(count > 0 ? 1 : 0, (count / max) * (height - 1)));
  return (
    <svg
      className="us-sparkline"
      data-slot="sparkline"
      data-state={max === 0 ? 'empty' : 'filled'}
      role="img"
      aria-label={sparklineSummary(points, locale, l)}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <line className="us-sparkline__baseline" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
      <path className="us-sparkline__bar" d={barsPath(bars, (p) => scale(p.traceCount), step, barWidth, height)} />
      <path className="us-sparkline__error" d={barsPath(bars, (p) => scale(p.errorCount), step, barWidth, height)} />
    </svg>
  );
}
