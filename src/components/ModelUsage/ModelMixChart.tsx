import { type HeadingLevel } from '../primitives/heading-level';
import { useId, useMemo } from 'react';
import type { MsRange } from '../../core/engine/time';
import type { ModelUsage } from '../../core/results';
import { ChartDataTable, type ChartTableRow } from '../charts/ChartDataTable';
import { ChartFrame } from '../charts/ChartFrame';
import { ChartLegend } from '../charts/ChartLegend';
import type { ChartMarker } from '../charts/change-markers';
import { StackedBarsLayer } from '../charts/StackedBarsLayer';
import { bucketsInDomain } from '../charts/time-buckets';
import { formatBucket } from '../charts/time-format';
import { formatCount, formatPercent } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { ModelUsageLabels } from './labels';
import type { ModelMixData } from './model-mix';

/** Props of {@link ModelMixChart}. */
export interface ModelMixChartProps {
  /** The model usage (for its granularity). */
  usage: ModelUsage;
  /** Stack layers and totals. */
  mix: ModelMixData;
  /** Visible span. */
  domain: MsRange;
  /** Markers of every change. */
  markers: readonly ChartMarker[];
  /** Fixed width, px. */
  width?: number;
  /** Outer height, px. */
  height: number;
  /** Heading level of the chart title. */
  headingLevel: HeadingLevel;
  /** A marker was activated. */
  onMarkerSelect?: (marker: ChartMarker) => void;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: ModelUsageLabels;
}

/** Traces per bucket stacked by model, with markers, a crosshair tooltip and a table alternative. */
export function ModelMixChart({ usage, mix, domain, markers, width, height, headingLevel, onMarkerSelect, locale, labels: l }: ModelMixChartProps) {
  const titleId = useId();
  const descId = useId();
  const helpId = useId();
  const g = usage.granularity;
  const title = formatLabel(l.mixTitle, { granularity: l[g] });
  const visible = useMemo(() => bucketsInDomain(mix.starts, g, domain), [mix.starts, g, domain]);
  const yDomain = useMemo<[number, number]>(() => {
    let max = 0;
    for (let b = visible.lo; b < visible.hi; b++) max = Math.max(max, mix.totals[b] as number);
    return [0, max > 0 ? max : 1];
  }, [mix.totals, visible]);
  let traces = 0;
  for (let b = visible.lo; b < visible.hi; b++) traces += mix.totals[b] as number;
  const summary = formatLabel(l.mixSummary, {
    title,
    from: formatBucket(mix.starts[visible.lo] ?? domain.from, g, locale),
    to: formatBucket(mix.starts[visible.hi - 1] ?? domain.from, g, locale),
    traces: formatCount(traces, locale),
  });
  /** The models with traces in bucket `b`: count and share of the bucket. */
  const rowsOf = (b: number) => {
    const total = mix.totals[b] as number;
    return mix.layers
      .filter((layer) => (layer.values[b] as number) > 0)
      .map((layer) => {
        const v = layer.values[b] as number;
        return { id: layer.id, label: layer.label, value: `${formatCount(v, locale)} (${formatPercent(v / total, locale, 0)})` };
      });
  };
  const columns = [{ id: 't', label: l.tableTime }, ...mix.layers.map((layer) => ({ id: layer.id, label: layer.label })), { id: 'total', label: l.total }];
  const getRows = (): ChartTableRow[] => {
    const out: ChartTableRow[] = [];
    for (let b = visible.lo; b < visible.hi; b++) {
      out.push({
        key: String(mix.starts[b]),
        cells: [
          formatBucket(mix.starts[b] as number, g, locale),
          ...mix.layers.map((layer) => formatCount(layer.values[b], locale)),
          formatCount(mix.totals[b], locale),
        ],
      });
    }
    return out;
  };
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="us-chart" data-slot="model-mix-chart">
      <div className="us-chart__head">
        <Heading id={titleId} className="us-chart__title">
          {title}
        </Heading>
        <ChartLegend items={mix.layers.map((layer) => ({ id: layer.id, label: layer.label, variant: 'box' as const, color: layer.color }))} />
      </div>
      <p id={descId} className="us-visually-hidden">
        {summary}
      </p>
      <p id={helpId} className="us-visually-hidden">
        {l.keyboardReadHelp}
      </p>
      <ChartFrame
        width={width}
        height={height}
        labelledBy={titleId}
        describedBy={`${descId} ${helpId}`}
        domain={domain}
        granularity={g}
        starts={mix.starts}
        yDomain={yDomain}
        yFormat={(v) => formatCount(v, locale, true)}
        markers={markers}
        markersLabel={l.markers}
        onMarkerSelect={onMarkerSelect}
        renderData={(ctx) => <StackedBarsLayer starts={mix.starts} granularity={g} layers={mix.layers} domain={domain} x={ctx.x} y={ctx.y} />}
        renderTooltip={(b) => (
          <>
            <span className="us-chart__tooltip-title">{formatBucket(mix.starts[b] as number, g, locale)}</span>
            <dl className="us-chart__readout">
              {rowsOf(b).map((row) => (
                <div key={row.id}>
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
              <div data-current="">
                <dt>{l.total}</dt>
                <dd>{formatCount(mix.totals[b], locale)}</dd>
              </div>
            </dl>
          </>
        )}
        announce={(b) =>
          `${formatBucket(mix.starts[b] as number, g, locale)}: ${rowsOf(b)
            .map((r) => `${r.label} ${r.value}`)
            .concat(`${l.total} ${formatCount(mix.totals[b], locale)}`)
            .join(', ')}`
        }
        locale={locale}
      />
      <ChartDataTable caption={title} columns={columns} getRows={getRows} labels={l} />
    </div>
  );
}
