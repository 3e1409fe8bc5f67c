import { Bar } from '@visx/shape';
import type { CommentMomentumBucket } from '../../core/results';
import { ItemChartFrame, type ItemChartModel } from '../charts/ItemChartFrame';
import { BAR_PLOT_HEIGHT, BAR_PLOT_MARGIN, BarPlot, barPlotInnerWidth, barPlotLayout, type BarPlotLayout } from '../charts/BarPlot';
import { downsample, maxBars, spanBar, spanIndexAt, spanTimeScale, type Span } from '../charts/time-spans';
import { timeTicks } from '../charts/time-ticks';
import { formatCount, formatPercent } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import type { FeedbackCardProps } from './card-props';
import { ChartCard } from './ChartCard';
import { formatTick, mergeMomentum, periodLabel } from './series';
import { spanLabel } from './time-plot';

interface MomentumModel extends ItemChartModel, BarPlotLayout {
  spans: Span<CommentMomentumBucket>[];
  x: ReturnType<typeof spanTimeScale>;
}

const commentShare = (b: CommentMomentumBucket) => (b.feedbackCount === 0 ? null : b.commentCount / b.feedbackCount);

/**
 * Comment Momentum: feedback records per bucket, with the ones that carry a comment overlaid, so bursts of
 * comments (not just scores) stand out.
 */
export function CommentMomentum({ overview, headingLevel, locale, labels: l }: FeedbackCardProps) {
  const buckets = overview.commentMomentum;
  const g = overview.granularity;
  const comments = buckets.reduce((sum, b) => sum + b.commentCount, 0);
  let peak: CommentMomentumBucket | undefined;
  for (const b of buckets) if (b.commentCount > 0 && (!peak || b.commentCount > peak.commentCount)) peak = b;
  const summary = peak
    ? formatLabel(l.momentumSummary, {
        comments: formatCount(comments, locale),
        count: formatCount(overview.summary.count, locale),
        peakDate: periodLabel(peak.t, g, locale, l.periodWeek),
        peak: formatCount(peak.commentCount, locale),
      })
    : formatLabel(l.momentumSummaryNone, { count: formatCount(overview.summary.count, locale) });
  const describe = (m: MomentumModel, i: number) => {
    const s = m.spans[i] as Span<CommentMomentumBucket>;
    const records = `${l.columnRecords} ${formatCount(s.row.feedbackCount, locale)}`;
    return `${spanLabel(s, g, locale, l.periodWeek)}: ${records}, ${l.columnComments} ${formatCount(s.row.commentCount, locale)}`;
  };

  const layout = (width: number): MomentumModel => {
    const innerW = barPlotInnerWidth(width);
    const spans = downsample(buckets, g, maxBars(innerW), mergeMomentum);
    const first = spans[0] as Span<CommentMomentumBucket>;
    const last = spans[spans.length - 1] as Span<CommentMomentumBucket>;
    return {
      ...barPlotLayout(width, spans.map((s) => s.row.feedbackCount)),
      count: spans.length,
      spans,
      x: spanTimeScale(first.from, last.to, innerW),
    };
  };

  return (
    <ChartCard
      id="momentum"
      title={l.momentumTitle}
      description={l.momentumDescription}
      summary={summary}
      headingLevel={headingLevel}
      empty={l.empty}
      legend={[
        { id: 'feedback', variant: 'box', color: 'var(--us-feedback-volume)', label: l.legendFeedback },
        { id: 'comments', variant: 'box', color: 'var(--us-feedback-comments)', label: l.legendComments },
      ]}
      table={{
        columns: [
          { id: 'period', label: l.columnPeriod },
          { id: 'records', label: l.columnRecords },
          { id: 'comments', label: l.columnComments },
          { id: 'share', label: l.columnShare },
        ],
        getRows: () =>
          buckets.map((b) => ({
            key: b.t,
            cells: [
              periodLabel(b.t, g, locale, l.periodWeek),
              formatCount(b.feedbackCount, locale),
              formatCount(b.commentCount, locale),
              formatPercent(commentShare(b), locale),
            ],
          })),
      }}
      tableLabels={{ viewTable: l.viewAsTable, hideTable: l.hideTable }}
      chart={
        buckets.length === 0
          ? null
          : (ids) => (
              <ItemChartFrame<MomentumModel>
                height={BAR_PLOT_HEIGHT}
                labelledBy={ids.labelledBy}
                describedBy={ids.describedBy}
                keyboardHint={l.chartKeyboardHint}
                layout={layout}
                hitTest={(m, px) => spanIndexAt(m.spans, m.x.invert(px - BAR_PLOT_MARGIN.left).valueOf())}
                anchorX={(m, i) => {
                  const s = m.spans[i] as Span<CommentMomentumBucket>;
                  return BAR_PLOT_MARGIN.left + m.x(new Date((s.from + s.to) / 2));
                }}
                renderChart={(m, active) => (
                  <BarPlot
                    layout={m}
                    x={m.x}
                    xTicks={timeTicks({ from: m.x.domain()[0] as number, to: m.x.domain()[1] as number }, g, m.innerW)}
                    xFormat={(v) => formatTick(v, g, locale)}
                    locale={locale}
                  >
                      {m.spans.map((s, i) => {
                        const { x0, full, width } = spanBar(m.x, s);
                        // Comments are a subset of the records: their bar is drawn over the records' bar.
                        const bar = (series: string, count: number) =>
                          count > 0 ? <Bar className="us-feedback-chart__bar" data-series={series} x={x0} y={m.y(count)} width={width} height={m.innerH - m.y(count)} /> : null;
                        return (
                          <g key={s.from}>
                            {i === active ? (
                              <rect className="us-feedback-chart__highlight" x={x0} y={0} width={Math.max(1, full)} height={m.innerH} />
                            ) : null}
                            {bar('feedback', s.row.feedbackCount)}
                            {bar('comments', s.row.commentCount)}
                          </g>
                        );
                      })}
                  </BarPlot>
                )}
                renderTooltip={(m, i) => <span>{describe(m, i)}</span>}
                describe={describe}
              />
            )
      }
    />
  );
}
