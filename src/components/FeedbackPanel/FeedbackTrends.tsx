import { headingBelow } from '../primitives/heading-level';
import type { ChangeEvent, FeedbackOverview, FeedbackTrendBucket, UserTrends } from '../../core/results';
import type { LegendItem } from '../charts/ChartLegend';
import { ItemChartFrame, type ItemChartModel } from '../charts/ItemChartFrame';
import { downsample, maxBars, spanIndexAt, spanTimeScale, type Span } from '../charts/time-spans';
import { formatCount, formatPercent, formatScore } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import type { FeedbackCardProps } from './card-props';
import { changeImpacts } from './change-impact';
import { ChangeImpactList } from './ChangeImpactList';
import { ChartCard } from './ChartCard';
import type { FeedbackPanelLabels } from './labels';
import { mergeFeedbackTrend, mergeSuccess, periodLabel } from './series';
import { shortText } from './short-text';
import { TIME_MARGIN, spanLabel } from './time-plot';
import { TrendsPlot, type ChangeMarker } from './TrendsPlot';

/** Height of the trend plot (px). */
const HEIGHT = 240;

/** Props of {@link FeedbackTrends}. */
export interface FeedbackTrendsProps extends FeedbackCardProps {
  /** The user's trends over the same range, for the success-rate overlay. */
  trends?: UserTrends | null;
  /** Status of `trends`; the overlay shows a note while loading or after an error. */
  trendsStatus?: 'pending' | 'error' | 'success';
  /** Error of the trends query. */
  trendsError?: unknown;
  /** Retries the trends query. */
  onTrendsRetry?: () => void;
  /** Releases and model switches to mark. */
  changes?: readonly ChangeEvent[];
}

/** The chart's summary sentence: volume, and the lowest and highest average score with their periods. */
function summaryOf(o: FeedbackOverview, locale: string, l: FeedbackPanelLabels): string {
  const trend = o.trend;
  let low: FeedbackTrendBucket | undefined;
  let high: FeedbackTrendBucket | undefined;
  for (const b of trend) {
    if (b.avgScore === null) continue;
    if (!low || b.avgScore < (low.avgScore as number)) low = b;
    if (!high || b.avgScore > (high.avgScore as number)) high = b;
  }
  const values = { count: formatCount(o.summary.count, locale), buckets: formatCount(trend.length, locale) };
  if (!low || !high) return formatLabel(l.trendsSummaryNoScores, values);
  const date = (b: FeedbackTrendBucket) => periodLabel(b.t, o.granularity, locale, l.periodWeek);
  return formatLabel(l.trendsSummary, {
    ...values,
    low: formatScore(low.avgScore, locale),
    lowDate: date(low),
    high: formatScore(high.avgScore, locale),
    highDate: date(high),
  });
}

/** A change as the tooltip names it, after its marker's number: `1 Release: 1.9.0`, `2 Model switch: a → b (regression)`. */
interface MarkerEvent {
  /** When the change took effect, epoch ms. */
  at: number;
  /** The line in the tooltip and the announcement. */
  text: string;
}

function markerEvent(change: ChangeEvent, number: number, l: FeedbackPanelLabels): MarkerEvent {
  const what =
    change.from === null ? shortText(change.to) : formatLabel(l.markerChange, { from: shortText(change.from), to: shortText(change.to) });
  const kind = change.kind === 'release' ? l.legendRelease : l.legendModelSwitch;
  const text = formatLabel(change.regression ? l.markerEventRegression : l.markerEvent, { kind, change: what });
  return { at: Date.parse(change.at), text: `${number} ${text}` };
}

/** Success rate per feedback bucket start, when both series use the same bucket size. */
function successByPeriod(overview: FeedbackOverview, trends: UserTrends | null | undefined): Map<string, number | null> | null {
  if (!trends || trends.granularity !== overview.granularity) return null;
  return new Map(trends.buckets.map((b) => [b.t, b.successRate]));
}

/**
 * Feedback Trends: volume (stacked positive / negative / unscored) and sentiment (average score) per bucket, the
 * success rate of the user's traces on the same 0–1 scale, and numbered markers at releases and model switches,
 * followed by the before/after list that validates a fix.
 */
export function FeedbackTrends(props: FeedbackTrendsProps) {
  const { overview, trends, trendsStatus, trendsError, onTrendsRetry, changes = [], headingLevel, locale, labels: l } = props;
  const trend = overview.trend;
  const impacts = changeImpacts(trend, overview.granularity, changes);
  const markers: ChangeMarker[] = impacts.map(({ change }, i) => ({
    at: Date.parse(change.at),
    number: i + 1,
    kind: change.kind,
    regression: change.regression,
  }));
  const successTable = successByPeriod(overview, trends);
  const hasOverlay = trends !== null && trends !== undefined && trends.buckets.length > 0;

  const table = {
    columns: [
      { id: 'period', label: l.columnPeriod },
      { id: 'records', label: l.columnRecords },
      { id: 'positive', label: l.columnPositive },
      { id: 'negative', label: l.columnNegative },
      { id: 'average', label: l.columnAverage },
      ...(successTable ? [{ id: 'success', label: l.columnSuccess }] : []),
    ],
    getRows: () =>
      trend.map((b) => ({
        key: b.t,
        cells: [
          periodLabel(b.t, overview.granularity, locale, l.periodWeek),
          formatCount(b.count, locale),
          formatCount(b.positiveCount, locale),
          formatCount(b.negativeCount, locale),
          formatScore(b.avgScore, locale),
          ...(successTable ? [formatPercent(successTable.get(b.t) ?? null, locale)] : []),
        ],
      })),
  };

  const kinds = new Set(markers.map((m) => m.kind));
  const legend: LegendItem[] = [
    { id: 'positive', variant: 'box', color: 'var(--us-feedback-positive)', label: l.legendPositive },
    { id: 'negative', variant: 'box', color: 'var(--us-feedback-negative)', label: l.legendNegative },
    { id: 'unscored', variant: 'box', color: 'var(--us-feedback-unscored)', label: l.legendUnscored },
    { id: 'sentiment', variant: 'main', color: 'var(--us-feedback-sentiment)', label: l.legendSentiment },
    ...(hasOverlay ? [{ id: 'success', variant: 'overlay' as const, color: 'var(--us-feedback-success)', label: l.legendSuccess }] : []),
    ...(kinds.has('model-switch') ? [{ id: 'model-switch', variant: 'model-switch' as const, label: l.legendModelSwitch }] : []),
    ...(kinds.has('release') ? [{ id: 'release', variant: 'release' as const, label: l.legendRelease }] : []),
  ];

  const overlayNote =
    trendsStatus === 'pending' ? (
      <p className="us-feedback-card__note" role="status">
        {l.trendsSuccessLoading}
      </p>
    ) : trendsStatus === 'error' ? (
      <SectionState state="error" message={l.trendsSuccessError} error={trendsError} onRetry={onTrendsRetry} labels={{ retry: l.retry }} />
    ) : null;

  return (
    <ChartCard
      id="trends"
      className="us-feedback-card--wide"
      title={l.trendsTitle}
      description={l.trendsDescription}
      summary={summaryOf(overview, locale, l)}
      headingLevel={headingLevel}
      empty={l.empty}
      legend={legend}
      table={table}
      tableLabels={{ viewTable: l.viewAsTable, hideTable: l.hideTable }}
      chart={
        trend.length === 0
          ? null
          : (ids) => (
              <TrendsChartFrame
                ids={ids}
                overview={overview}
                trends={hasOverlay ? trends : null}
                markers={markers}
                events={impacts.map(({ change }, i) => markerEvent(change, i + 1, l))}
                locale={locale}
                labels={l}
              />
            )
      }
      footer={
        <>
          {overlayNote}
          <ChangeImpactList impacts={impacts} headingLevel={headingBelow(headingLevel)} locale={locale} labels={l} />
        </>
      }
    />
  );
}

interface TrendsChartFrameProps {
  ids: { labelledBy: string; describedBy: string };
  overview: FeedbackOverview;
  trends: UserTrends | null | undefined;
  markers: ChangeMarker[];
  events: MarkerEvent[];
  locale: string;
  labels: FeedbackPanelLabels;
}

/** The trend plot laid out for one width. */
interface TrendsModel extends ItemChartModel {
  spans: Span<FeedbackTrendBucket>[];
  success: Span<{ successRate: number | null }>[] | null;
  x: ReturnType<typeof spanTimeScale>;
}

/** Downsamples to the plot width, then draws and explains one bucket at a time. */
function TrendsChartFrame({ ids, overview, trends, markers, events, locale, labels: l }: TrendsChartFrameProps) {
  const g = overview.granularity;
  const layout = (width: number): TrendsModel => {
    const inner = Math.max(1, width - TIME_MARGIN.left - TIME_MARGIN.right);
    const spans = downsample(overview.trend, g, maxBars(inner), mergeFeedbackTrend);
    const success = trends ? downsample(trends.buckets, trends.granularity, maxBars(inner), mergeSuccess) : null;
    const first = spans[0] as Span<FeedbackTrendBucket>;
    const last = spans[spans.length - 1] as Span<FeedbackTrendBucket>;
    return { width, count: spans.length, spans, success, x: spanTimeScale(first.from, last.to, inner) };
  };
  const successOf = (m: TrendsModel, span: Span<FeedbackTrendBucket>): number | null => {
    if (!m.success) return null;
    const i = spanIndexAt(m.success, (span.from + span.to) / 2);
    return i === null ? null : (m.success[i] as Span<{ successRate: number | null }>).row.successRate;
  };
  const lines = (m: TrendsModel, i: number): string[] => {
    const s = m.spans[i] as Span<FeedbackTrendBucket>;
    const unscored = s.row.count - s.row.positiveCount - s.row.negativeCount;
    const split = [
      `${l.columnPositive}: ${formatCount(s.row.positiveCount, locale)}`,
      `${l.columnNegative}: ${formatCount(s.row.negativeCount, locale)}`,
      `${l.legendUnscored}: ${formatCount(unscored, locale)}`,
    ];
    const out = [
      ...events.filter((e) => e.at >= s.from && e.at < s.to).map((e) => e.text),
      `${l.columnRecords}: ${formatCount(s.row.count, locale)}`,
      split.join(' · '),
      `${l.columnAverage}: ${formatScore(s.row.avgScore, locale)}`,
    ];
    if (m.success) out.push(`${l.columnSuccess}: ${formatPercent(successOf(m, s), locale)}`);
    return out;
  };
  const title = (m: TrendsModel, i: number) => spanLabel(m.spans[i] as Span<FeedbackTrendBucket>, g, locale, l.periodWeek);

  return (
    <ItemChartFrame<TrendsModel>
      height={HEIGHT}
      labelledBy={ids.labelledBy}
      describedBy={ids.describedBy}
      keyboardHint={l.chartKeyboardHint}
      layout={layout}
      hitTest={(m, px) => spanIndexAt(m.spans, m.x.invert(px - TIME_MARGIN.left).valueOf())}
      anchorX={(m, i) => {
        const s = m.spans[i] as Span<FeedbackTrendBucket>;
        return TIME_MARGIN.left + m.x(new Date((s.from + s.to) / 2));
      }}
      renderChart={(m, active) => (
        <TrendsPlot
          width={m.width}
          height={HEIGHT}
          spans={m.spans}
          success={m.success}
          markers={markers}
          granularity={g}
          x={m.x}
          active={active}
          locale={locale}
        />
      )}
      renderTooltip={(m, i) => (
        <>
          <span className="us-chart__tooltip-title">{title(m, i)}</span>
          {lines(m, i).map((line) => (
            <span key={line}>{line}</span>
          ))}
        </>
      )}
      describe={(m, i) => `${title(m, i)}: ${lines(m, i).join(', ')}`}
    />
  );
}
