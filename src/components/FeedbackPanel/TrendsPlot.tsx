import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import type { Granularity } from '../../core/model';
import type { FeedbackTrendBucket } from '../../core/results';
import { Axis } from '../charts/Axis';
import { CountBarAxes } from '../charts/CountBarAxes';
import { spanBar, type Span, type spanTimeScale } from '../charts/time-spans';
import { timeTicks } from '../charts/time-ticks';
import { formatPercent } from '../primitives/format';
import { MARKER_SHAPE, markerState, type MarkerKind } from '../primitives/marker-vocabulary';
import { formatTick } from './series';
import { TIME_MARGIN } from './time-plot';

/** A change marker: when, what kind, whether it is a regression, and its number in the change list. */
export interface ChangeMarker {
  /** Epoch ms. */
  at: number;
  /** 1-based number shown in the badge and in the change list. */
  number: number;
  /** Model switch or release: the shape of the marker vocabulary (the number replaces the glyph). */
  kind: MarkerKind;
  /** Flagged by the regression rule (drawn in the danger colour, as on the trend charts). */
  regression: boolean;
}

/** Props of {@link TrendsPlot}. */
export interface TrendsPlotProps {
  /** Plot width (px). */
  width: number;
  /** Plot height (px). */
  height: number;
  /** Feedback buckets to draw (already downsampled). */
  spans: readonly Span<FeedbackTrendBucket>[];
  /** Success rate per bucket, when the overlay is available. */
  success: readonly Span<{ successRate: number | null }>[] | null;
  /** Releases and model switches inside the plotted span. */
  markers: readonly ChangeMarker[];
  /** Bucket size (axis ticks). */
  granularity: Granularity;
  /** The time scale of the inner plot (see `spanTimeScale`). */
  x: ReturnType<typeof spanTimeScale>;
  /** Highlighted span. */
  active: number | null;
  /** Locale of the tick labels. */
  locale: string;
}

/** Vertical gap between the rates panel and the counts panel (px). */
const PANEL_GAP = 14;
/** Share of the inner height given to the rates panel. */
const RATES_SHARE = 0.55;
const BADGE_RADIUS = 8;
/** Ticks of the rates panel (score on the left, percentage on the right). */
const RATE_TICKS = [0, 0.5, 1];

const mid = (s: Span<unknown>) => (s.from + s.to) / 2;

/** Marker lines stay at their time; badges that would overlap move right so every number stays readable. */
function badgePositions(xs: readonly number[]): { line: number; badge: number }[] {
  let previous = -Infinity;
  return xs.map((line) => {
    const badge = Math.max(line, previous + 2 * BADGE_RADIUS + 2);
    previous = badge;
    return { line, badge };
  });
}

/**
 * The feedback trend drawing: on top, the average score and the success rate on one 0–1 scale (score ticks on the
 * left, percentages on the right); below, records per bucket stacked positive / negative / unscored; numbered
 * change markers across both, in the marker vocabulary of every time chart (`primitives/marker-vocabulary`: shape
 * per kind, regression state; the number replaces the glyph). Decorative for assistive technology (the frame names it; the
 * table has the data).
 */
export function TrendsPlot({ width, height, spans, success, markers, granularity, x, active, locale }: TrendsPlotProps) {
  const innerW = Math.max(1, width - TIME_MARGIN.left - TIME_MARGIN.right);
  const innerH = Math.max(1, height - TIME_MARGIN.top - TIME_MARGIN.bottom);
  const ratesH = Math.round((innerH - PANEL_GAP) * RATES_SHARE);
  const countsTop = ratesH + PANEL_GAP;
  const countsH = innerH - countsTop;
  const rates = scaleLinear<number>({ domain: [0, 1], range: [ratesH, 0] });
  const maxCount = Math.max(1, ...spans.map((s) => s.row.count));
  const counts = scaleLinear<number>({ domain: [0, maxCount], range: [countsH, 0], nice: true });
  const showDots = innerW / spans.length >= 6;
  const activeSpan = active === null ? undefined : spans[active];

  return (
    <svg width={width} height={height} aria-hidden="true" focusable="false">
      <Group left={TIME_MARGIN.left} top={TIME_MARGIN.top}>
        {activeSpan ? (
          <rect
            className="us-feedback-chart__highlight"
            x={x(new Date(activeSpan.from))}
            y={0}
            width={Math.max(1, x(new Date(activeSpan.to)) - x(new Date(activeSpan.from)))}
            height={innerH}
          />
        ) : null}
        {[0, 0.5, 1].map((v) => (
          <line key={v} className="us-feedback-chart__grid" x1={0} x2={innerW} y1={rates(v)} y2={rates(v)} />
        ))}
        {success ? (
          <LinePath
            className="us-chart__line us-feedback-chart__line"
            data-variant="overlay"
            data-series="success"
            data={success as Span<{ successRate: number | null }>[]}
            defined={(s) => s.row.successRate !== null}
            x={(s) => x(new Date(mid(s)))}
            y={(s) => rates(s.row.successRate ?? 0)}
          />
        ) : null}
        <LinePath
          className="us-chart__line us-feedback-chart__line"
          data-variant="main"
          data-series="sentiment"
          data={spans as Span<FeedbackTrendBucket>[]}
          defined={(s) => s.row.avgScore !== null}
          x={(s) => x(new Date(mid(s)))}
          y={(s) => rates(s.row.avgScore ?? 0)}
        />
        {spans.map((s, i) =>
          s.row.avgScore !== null && (showDots || i === active) ? (
            <circle
              key={s.from}
              className="us-feedback-chart__dot"
              data-series="sentiment"
              cx={x(new Date(mid(s)))}
              cy={rates(s.row.avgScore)}
              r={i === active ? 4 : 2.5}
            />
          ) : null,
        )}
        <Axis side="left" values={RATE_TICKS} position={rates} format={String} />
        <Axis side="right" left={innerW} values={RATE_TICKS} position={rates} format={(v) => formatPercent(v, locale, 0)} />
        <Group top={countsTop}>
          {spans.map((s) => {
            const { x0, width } = spanBar(x, s);
            const unscored = s.row.count - s.row.positiveCount - s.row.negativeCount;
            const stack: [string, number][] = [
              ['negative', s.row.negativeCount],
              ['positive', s.row.positiveCount],
              ['unscored', unscored],
            ];
            let base = 0;
            return (
              <g key={s.from}>
                {stack.map(([series, n]) => {
                  if (n <= 0) return null;
                  const y = counts(base + n);
                  const h = counts(base) - y;
                  base += n;
                  return <Bar key={series} className="us-feedback-chart__bar" data-series={series} x={x0} y={y} width={width} height={h} />;
                })}
              </g>
            );
          })}
          <CountBarAxes
            counts={counts}
            x={x}
            width={innerW}
            baseline={countsH}
            xTicks={timeTicks({ from: x.domain()[0] as number, to: x.domain()[1] as number }, granularity, innerW)}
            xFormat={(v) => formatTick(v, granularity, locale)}
            locale={locale}
          />
        </Group>
        {badgePositions(markers.map((m) => x(new Date(m.at)))).map(({ line, badge }, i) => {
          const m = markers[i] as ChangeMarker;
          const state = markerState(m.regression);
          const cy = -BADGE_RADIUS - 2;
          return (
            <g key={`${m.number}-${m.at}`} className="us-feedback-chart__marker" data-kind={m.kind} data-state={state}>
              <line className="us-chart__marker-line" data-kind={m.kind} data-state={state} x1={line} x2={line} y1={0} y2={innerH} />
              {MARKER_SHAPE[m.kind] === 'square' ? (
                <rect x={badge - BADGE_RADIUS} y={cy - BADGE_RADIUS} width={2 * BADGE_RADIUS} height={2 * BADGE_RADIUS} rx={3} />
              ) : (
                <circle cx={badge} cy={cy} r={BADGE_RADIUS} />
              )}
              <text x={badge} y={cy} dy="0.35em" textAnchor="middle">
                {m.number}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
