import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { CommentMomentumBucket, FeedbackOverview } from '../../core/results';
import { formatCount, formatPercent } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { ChartCard } from './ChartCard';
import { ChartFrame, type ChartModel } from './ChartFrame';
import { ChartTable } from './ChartTable';
import type { FeedbackPanelLabels } from './labels';
import { Legend } from './Legend';
import { downsample, formatTick, mergeMomentum, periodLabel, type Span } from './series';
import { maxBars, spanIndexAt, spanLabel, timeScale } from './time-plot';

const HEIGHT = 180;
const MARGIN = { top: 8, right: 12, bottom: 24, left: 40 } as const;

/** Props of {@link CommentMomentum}. */
export interface CommentMomentumProps {
  /** The overview (its `commentMomentum` and `granularity`). */
  overview: FeedbackOverview;
  /** Heading level of the card title. */
  headingLevel: 3 | 4 | 5;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: FeedbackPanelLabels;
}

interface MomentumModel extends ChartModel {
  spans: Span<CommentMomentumBucket>[];
  x: ReturnType<typeof timeScale>;
  y: ReturnType<typeof scaleLinear<number>>;
  innerW: number;
  innerH: number;
}

const commentShare = (b: CommentMomentumBucket) => (b.feedbackCount === 0 ? null : b.commentCount / b.feedbackCount);

/**
 * Comment Momentum: feedback records per bucket, with the ones that carry a comment overlaid, so bursts of
 * comments (not just scores) stand out.
 */
export function CommentMomentum({ overview, headingLevel, locale, labels: l }: CommentMomentumProps) {
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
    const innerW = Math.max(1, width - MARGIN.left - MARGIN.right);
    const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const spans = downsample(buckets, g, maxBars(innerW), mergeMomentum);
    const first = spans[0] as Span<CommentMomentumBucket>;
    const last = spans[spans.length - 1] as Span<CommentMomentumBucket>;
    const max = Math.max(1, ...spans.map((s) => s.row.feedbackCount));
    return {
      width,
      count: spans.length,
      spans,
      innerW,
      innerH,
      x: timeScale(first.from, last.to, innerW),
      y: scaleLinear<number>({ domain: [0, max], range: [innerH, 0], nice: true }),
    };
  };

  return (
    <ChartCard
      id="momentum"
      title={l.momentumTitle}
      description={l.momentumDescription}
      summary={summary}
      headingLevel={headingLevel}
      viewAsTableLabel={l.viewAsTable}
      legend={
        <Legend
          items={[
            { series: 'feedback', shape: 'box', label: l.legendFeedback },
            { series: 'comments', shape: 'box', label: l.legendComments },
          ]}
        />
      }
      table={
        <ChartTable
          caption={l.momentumTitle}
          columns={[
            { header: l.columnPeriod },
            { header: l.columnRecords, numeric: true },
            { header: l.columnComments, numeric: true },
            { header: l.columnShare, numeric: true },
          ]}
          rowKeys={buckets.map((b) => b.t)}
          rows={buckets.map((b) => [
            periodLabel(b.t, g, locale, l.periodWeek),
            formatCount(b.feedbackCount, locale),
            formatCount(b.commentCount, locale),
            formatPercent(commentShare(b), locale),
          ])}
        />
      }
      chart={
        buckets.length === 0
          ? null
          : (ids) => (
              <ChartFrame<MomentumModel>
                height={HEIGHT}
                labelledBy={ids.labelledBy}
                describedBy={ids.describedBy}
                keyboardHint={l.chartKeyboardHint}
                layout={layout}
                hitTest={(m, px) => spanIndexAt(m.spans, m.x.invert(px - MARGIN.left).valueOf())}
                anchorX={(m, i) => {
                  const s = m.spans[i] as Span<CommentMomentumBucket>;
                  return MARGIN.left + m.x(new Date((s.from + s.to) / 2));
                }}
                renderChart={(m, active) => (
                  <svg width={m.width} height={HEIGHT} aria-hidden="true" focusable="false" className="us-feedback-chart__svg">
                    <Group left={MARGIN.left} top={MARGIN.top}>
                      {m.spans.map((s, i) => {
                        const x0 = m.x(new Date(s.from));
                        const full = m.x(new Date(s.to)) - x0;
                        const w = Math.max(1, full - (full >= 4 ? 1 : 0));
                        const yAll = m.y(s.row.feedbackCount);
                        const yComments = m.y(s.row.commentCount);
                        return (
                          <g key={s.from}>
                            {i === active ? (
                              <rect className="us-feedback-chart__highlight" x={x0} y={0} width={Math.max(1, full)} height={m.innerH} />
                            ) : null}
                            {s.row.feedbackCount > 0 ? (
                              <Bar
                                className="us-feedback-chart__bar"
                                data-series="feedback"
                                x={x0}
                                y={yAll}
                                width={w}
                                height={m.innerH - yAll}
                              />
                            ) : null}
                            {s.row.commentCount > 0 ? (
                              <Bar
                                className="us-feedback-chart__bar"
                                data-series="comments"
                                x={x0}
                                y={yComments}
                                width={w}
                                height={m.innerH - yComments}
                              />
                            ) : null}
                          </g>
                        );
                      })}
                      <line className="us-feedback-chart__baseline" x1={0} x2={m.innerW} y1={m.innerH} y2={m.innerH} />
                      <AxisLeft
                        scale={m.y}
                        numTicks={3}
                        tickFormat={(v) => formatCount(Number(v), locale, true)}
                        hideAxisLine
                        hideTicks
                        axisClassName="us-feedback-chart__axis"
                      />
                      <AxisBottom
                        scale={m.x}
                        top={m.innerH}
                        numTicks={Math.max(2, Math.floor(m.innerW / 90))}
                        tickFormat={(v) => formatTick((v as Date).valueOf(), g, locale)}
                        hideAxisLine
                        tickLength={3}
                        axisClassName="us-feedback-chart__axis"
                      />
                    </Group>
                  </svg>
                )}
                renderTooltip={(m, i) => <span>{describe(m, i)}</span>}
                describe={describe}
              />
            )
      }
    />
  );
}
