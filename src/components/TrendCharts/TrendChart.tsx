import { type HeadingLevel } from '../primitives/heading-level';
import { useId, useMemo } from 'react';
import type { Granularity } from '../../core/model';
import type { MsRange } from '../../core/engine/time';
import type { UserTrends } from '../../core/results';
import { ChartDataTable, type ChartTableRow } from '../charts/ChartDataTable';
import { ChartFrame, type ChartContext } from '../charts/ChartFrame';
import { ChartLegend } from '../charts/ChartLegend';
import type { ChartMarker } from '../charts/change-markers';
import { LinesLayer } from '../charts/LinesLayer';
import { seriesExtent, valueAtX, type ChartSeries } from '../charts/series';
import { bucketCenter, bucketsInDomain } from '../charts/time-buckets';
import { formatBucket } from '../charts/time-format';
import { formatLabel } from '../primitives/format-label';
import { bucketReadout, readoutText } from './bucket-readout';
import type { TrendChartsLabels } from './labels';
import { formatTrendValue, type TrendMetricSpec } from './trend-metrics';
import { trendSeries, type TrendComparisons } from './trend-series';
import { trendSummary } from './trend-summary';

/** Props of {@link TrendChart}. */
export interface TrendChartProps {
  /** The metric. */
  spec: TrendMetricSpec;
  /** The user's trends. */
  trends: UserTrends;
  /** Bucket starts of `trends`, epoch ms. */
  starts: Float64Array;
  /** Visible span. */
  domain: MsRange;
  /** Previous period and cohort. */
  comparisons: TrendComparisons;
  /** Markers of every change (those outside the domain are left out). */
  markers: readonly ChartMarker[];
  /** Fixed width, px (default: the parent's). */
  width?: number;
  /** Outer height of the plot, px. */
  height: number;
  /** Heading level of the chart title. */
  headingLevel: HeadingLevel;
  /** Zoom to a range of whole buckets. */
  onZoom: (range: MsRange) => void;
  /** Zoom out. */
  onZoomOut: () => void;
  /** A marker was activated. */
  onMarkerSelect?: (marker: ChartMarker) => void;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: TrendChartsLabels;
}

/** A value range that starts at zero for amounts and fits the data for rates (never above 100 %). */
function yDomainOf(spec: TrendMetricSpec, extent: [number, number] | null): [number, number] {
  if (spec.format === 'percent') {
    const low = extent ? Math.max(0, Math.floor((extent[0] - 0.02) * 10) / 10) : 0;
    return [Math.min(low, 0.9), 1];
  }
  const high = extent && extent[1] > 0 ? extent[1] : 1;
  return [0, high];
}

const ownSeries = (s: ChartSeries) => s.variant === 'main' || s.variant === 'secondary';

/**
 * One metric's chart: title, description, legend, the lines (LTTB-downsampled) with previous-period and cohort lines,
 * markers, crosshair tooltip and zoom, then the table alternative of the same numbers.
 */
export function TrendChart(props: TrendChartProps) {
  const { spec, trends, starts, domain, comparisons, markers, height, locale, labels: l } = props;
  const granularity: Granularity = trends.granularity;
  const titleId = useId();
  const descId = useId();
  const helpId = useId();
  const metricName = l[spec.label];
  const title = formatLabel(l.chartTitle, { metric: metricName, granularity: l[granularity] });

  const series = useMemo(() => trendSeries(spec, trends, comparisons, l), [spec, trends, comparisons, l]);
  const own = series.filter(ownSeries);
  const others = series.filter((s) => !ownSeries(s));
  const yDomain = useMemo(() => yDomainOf(spec, seriesExtent(series, domain)), [spec, series, domain]);
  const visibleBuckets = useMemo(() => {
    const { lo, hi } = bucketsInDomain(starts, granularity, domain);
    return trends.buckets.slice(lo, hi);
  }, [trends.buckets, starts, domain, granularity]);
  const markerCount = markers.filter((m) => m.at >= domain.from && m.at < domain.to).length;
  const cohortSeries = others.find((s) => s.id === 'cohort');
  const summary = trendSummary(
    {
      spec,
      title,
      buckets: visibleBuckets,
      granularity,
      previous: others.some((s) => s.id === 'previous'),
      cohortLabel: cohortSeries?.label ?? null,
      markerCount,
      locale,
    },
    l,
  );
  const readout = (i: number) => bucketReadout(trends.buckets[i] as (typeof trends.buckets)[number], granularity, spec, others, markers, locale, l);

  const legend = [...own].reverse().concat(others).map((s) => ({ id: s.id, label: s.label, variant: s.variant, color: s.color }));
  const columns = [{ id: 't', label: l.tableTime }, ...legend.map((s) => ({ id: s.id, label: s.label }))];
  const tableSeries = [...own].reverse().concat(others);
  const getRows = (): ChartTableRow[] =>
    visibleBuckets.map((b) => {
      const start = Date.parse(b.t);
      const centre = bucketCenter(start, granularity);
      return {
        key: b.t,
        cells: [
          formatBucket(start, granularity, locale),
          ...tableSeries.map((s) => {
            const v = valueAtX(s, centre);
            return formatTrendValue(Number.isNaN(v) ? null : v, spec.format, locale);
          }),
        ],
      };
    });

  const Heading = `h${props.headingLevel}` as const;
  return (
    <div className="us-chart" data-slot="trend-chart" data-metric={spec.key}>
      <div className="us-chart__head">
        <Heading id={titleId} className="us-chart__title">
          {title}
        </Heading>
        <ChartLegend items={legend} />
        {markerCount > 0 ? (
          <p className="us-chart__marker-legend" aria-hidden="true">
            {l.markerLegend}
          </p>
        ) : null}
      </div>
      <p id={descId} className="us-visually-hidden">
        {summary}
      </p>
      <p id={helpId} className="us-visually-hidden">
        {`${l.keyboardReadHelp} ${l.keyboardZoomHelp}`}
      </p>
      <ChartFrame
        width={props.width}
        height={height}
        labelledBy={titleId}
        describedBy={`${descId} ${helpId}`}
        domain={domain}
        granularity={granularity}
        starts={starts}
        yDomain={yDomain}
        yFormat={(v) => formatTrendValue(v, spec.format, locale, true)}
        markers={markers}
        markersLabel={l.markers}
        onMarkerSelect={props.onMarkerSelect}
        renderData={(ctx: ChartContext) => <LinesLayer series={series} domain={domain} maxPoints={ctx.box.innerWidth} x={ctx.x} y={ctx.y} />}
        renderCrosshair={(i, ctx) =>
          own.map((s) => {
            const v = s.y[i] as number;
            return Number.isNaN(v) ? null : <circle key={s.id} cx={ctx.x(s.x[i] as number)} cy={ctx.y(v)} r={4} fill={s.color} />;
          })
        }
        renderTooltip={(i) => {
          const r = readout(i);
          return (
            <>
              <span className="us-chart__tooltip-title">{r.heading}</span>
              {r.events.length > 0 ? (
                <ul className="us-chart__readout-events" data-slot="readout-events">
                  {r.events.map((e) => (
                    <li key={e.key} data-kind={e.kind} data-state={e.state}>
                      <span className="us-chart__event-glyph" data-kind={e.kind} data-state={e.state} aria-hidden="true">
                        {e.glyph}
                      </span>
                      {e.text}
                    </li>
                  ))}
                </ul>
              ) : null}
              <dl className="us-chart__readout">
                {r.rows.map((row) => (
                  <div key={row.key} data-current={row.current ? '' : undefined}>
                    <dt>{row.label}</dt>
                    <dd>{row.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          );
        }}
        announce={(i) => readoutText(readout(i))}
        onZoom={props.onZoom}
        onZoomOut={props.onZoomOut}
        locale={locale}
      />
      <ChartDataTable caption={title} columns={columns} getRows={getRows} labels={l} />
    </div>
  );
}
