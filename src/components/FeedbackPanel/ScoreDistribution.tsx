import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { ScoreBin } from '../../core/results';
import { ItemChartFrame, type ItemChartModel } from '../charts/ItemChartFrame';
import { BAR_PLOT_HEIGHT, BAR_PLOT_MARGIN, BarPlot, barPlotLayout, type BarPlotLayout } from '../charts/BarPlot';
import { formatCount, formatPercent, formatScore } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { scoreTone } from '../primitives/ScorePill';
import type { FeedbackCardProps } from './card-props';
import { ChartCard } from './ChartCard';
import { shortText } from './short-text';

/** A bin's label, e.g. `0.90–1.00`. */
function binLabel(bin: ScoreBin, locale: string): string {
  return `${formatScore(bin.from, locale)}–${formatScore(bin.to, locale)}`;
}

interface DistributionModel extends ItemChartModel, BarPlotLayout {
  x: ReturnType<typeof scaleLinear<number>>;
}

/**
 * Score Distribution: the normalised scores of every scored record in ten bins of 0.1, negative bins (< 0.5) and
 * positive bins coloured apart, so polarization (both ends) or drift (a shifted hump) shows at a glance. Thumbs
 * land in the end bins; categorical keys have no score and are pointed to Top feedback keys.
 */
export function ScoreDistribution({ overview, headingLevel, locale, labels: l }: FeedbackCardProps) {
  const bins = overview.histogram;
  const scored = bins.reduce((sum, b) => sum + b.count, 0);
  const share = (n: number) => (scored === 0 ? null : n / scored);
  let peak = bins[0];
  for (const b of bins) if (peak === undefined || b.count > peak.count) peak = b;
  const low = bins.reduce((sum, b) => sum + (b.to <= 0.5 ? b.count : 0), 0);
  const scoredKeys = overview.topKeys.filter((k) => k.kind !== 'categorical').map((k) => shortText(k.key));
  const categorical = overview.topKeys.filter((k) => k.kind === 'categorical').map((k) => shortText(k.key));
  const thumbs = overview.topKeys.some((k) => k.kind === 'boolean');

  const summary =
    scored === 0 || peak === undefined
      ? l.distributionEmpty
      : formatLabel(l.distributionSummary, {
          scored: formatCount(scored, locale),
          low: formatCount(low, locale),
          high: formatCount(scored - low, locale),
          peak: binLabel(peak, locale),
          peakCount: formatCount(peak.count, locale),
        });
  const describe = (i: number) => {
    const b = bins[i] as ScoreBin;
    return formatLabel(l.distributionBin, {
      bin: binLabel(b, locale),
      count: formatCount(b.count, locale),
      share: formatPercent(share(b.count), locale),
    });
  };

  const layout = (width: number): DistributionModel => {
    const plot = barPlotLayout(width, bins.map((b) => b.count));
    return { ...plot, count: bins.length, x: scaleLinear<number>({ domain: [0, 1], range: [0, plot.innerW] }) };
  };

  return (
    <ChartCard
      id="distribution"
      title={l.distributionTitle}
      description={l.distributionDescription}
      summary={summary}
      headingLevel={headingLevel}
      empty={l.distributionEmpty}
      table={{
        columns: [
          { id: 'score', label: l.columnScore },
          { id: 'scores', label: l.columnScores },
          { id: 'share', label: l.columnShare },
        ],
        getRows: () =>
          bins.map((b) => ({
            key: String(b.from),
            cells: [binLabel(b, locale), formatCount(b.count, locale), formatPercent(share(b.count), locale)],
          })),
      }}
      tableLabels={{ viewTable: l.viewAsTable, hideTable: l.hideTable }}
      chart={
        scored === 0
          ? null
          : (ids) => (
              <ItemChartFrame<DistributionModel>
                height={BAR_PLOT_HEIGHT}
                labelledBy={ids.labelledBy}
                describedBy={ids.describedBy}
                keyboardHint={l.chartKeyboardHint}
                layout={layout}
                hitTest={(m, px) => {
                  const v = m.x.invert(px - BAR_PLOT_MARGIN.left);
                  return v < 0 || v > 1 ? null : Math.min(bins.length - 1, Math.floor(v * bins.length));
                }}
                anchorX={(m, i) => BAR_PLOT_MARGIN.left + m.x(((bins[i] as ScoreBin).from + (bins[i] as ScoreBin).to) / 2)}
                renderChart={(m, active) => (
                  <BarPlot layout={m} x={m.x} xTicks={[0, 0.5, 1]} xFormat={(v) => formatScore(Number(v), locale)} locale={locale}>
                      {bins.map((b, i) => {
                        const x0 = m.x(b.from);
                        const w = Math.max(1, m.x(b.to) - x0 - 2);
                        const y = m.y(b.count);
                        return (
                          <g key={b.from}>
                            {i === active ? (
                              <rect className="us-feedback-chart__highlight" x={x0} y={0} width={w + 2} height={m.innerH} />
                            ) : null}
                            {b.count > 0 ? (
                              <Bar
                                className="us-feedback-chart__bar"
                                data-series={scoreTone(b.from) === 'negative' ? 'negative' : 'positive'}
                                x={x0 + 1}
                                y={y}
                                width={w}
                                height={m.innerH - y}
                              />
                            ) : null}
                          </g>
                        );
                      })}
                  </BarPlot>
                )}
                renderTooltip={(_m, i) => <span>{describe(i)}</span>}
                describe={(_m, i) => describe(i)}
              />
            )
      }
      footer={
        <>
          {scoredKeys.length > 0 && scored > 0 ? (
            <p className="us-feedback-card__note">
              {formatLabel(l.distributionKeys, { keys: scoredKeys.join(', ') })}
              {thumbs ? ` ${l.distributionThumbs}` : null}
            </p>
          ) : null}
          {categorical.length > 0 ? (
            <p className="us-feedback-card__note">{formatLabel(l.distributionCategorical, { keys: categorical.join(', ') })}</p>
          ) : null}
        </>
      }
    />
  );
}
