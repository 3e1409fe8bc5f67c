import { headingBelow, type HeadingLevel } from '../primitives/heading-level';
import * as Tabs from '@radix-ui/react-tabs';
import { forwardRef, useEffect, useId, useMemo, useRef } from 'react';
import { useMergedRef } from '../primitives/use-merged-ref';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { TimeRange } from '../../core/model';
import { bucketSizeMs, rangeToMs, type MsRange } from '../../core/engine/time';
import type { ChangeEvent, UserTrends } from '../../core/results';
import { changeMarkers, type ChartMarker } from '../charts/change-markers';
import { bucketExtent, bucketStartsMs, snapToBuckets, toTimeRange, zoomRange } from '../charts/time-buckets';
import { formatUtc } from '../charts/time-format';
import type { MetricCardKey } from '../MetricCards/card-specs';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import { useControllableState } from '../../hooks/use-controllable-state';
import { GranularityPicker, type GranularityChoice } from './GranularityPicker';
import { trendChartsLabels, type TrendChartsLabels } from './labels';
import { RegressionCallouts } from './RegressionCallouts';
import { TrendChart } from './TrendChart';
import { TREND_METRIC_FOR_CARD, TREND_METRICS, trendMetric, type TrendMetricKey } from './trend-metrics';
import type { TrendComparisons } from './trend-series';
import { useDeferredProps } from '../primitives/use-deferred-props';
import { useLabels } from '../primitives/labels-context';

/** Props of {@link TrendCharts}. */
export interface TrendChartsProps extends TrendComparisons, RootAttributes<HTMLElement> {
  /** `getUserTrends` answer; required once `status` is `success`. */
  trends?: UserTrends | null;
  /** Query status, as the hooks return it. Default: `success` when `trends` is given, else `pending`. */
  status?: 'pending' | 'error' | 'success';
  /** The error of the `error` state. */
  error?: unknown;
  /** Offered as a Retry button in the error state. */
  onRetry?: () => void;
  /** Model switches and releases (`ModelUsage.changes`): markers on every chart, callouts for flagged regressions. */
  changes?: readonly ChangeEvent[];
  /** Called when a marker is activated. */
  onChangeSelect?: (change: ChangeEvent) => void;
  /** Controlled metric tab. */
  metric?: TrendMetricKey;
  /** Initial metric tab when uncontrolled. Default `traces` (or the tab of `focusMetric`). */
  defaultMetric?: TrendMetricKey;
  /** Called when the metric tab changes. */
  onMetricChange?: (metric: TrendMetricKey) => void;
  /**
   * A MetricCards card id (`onMetricFocus`): selecting its tab. Each new value selects the tab, moves focus to it and
   * scrolls it into view; the value given at mount only selects it.
   */
  focusMetric?: MetricCardKey | null;
  /** Controlled visible range (zoom). Snapped outward to whole buckets. Default: every bucket of `trends`. */
  range?: TimeRange;
  /** Initial visible range when uncontrolled. */
  defaultRange?: TimeRange;
  /** Called with a new range when the user zooms (drag, keyboard selection, Zoom out, Reset zoom). */
  onRangeChange?: (range: TimeRange) => void;
  /** Controlled granularity choice; the data shown is always `trends`, so refetch with the new choice. */
  granularity?: GranularityChoice;
  /** Initial granularity choice when uncontrolled. Default `auto`. */
  defaultGranularity?: GranularityChoice;
  /** Called when the user picks a granularity. */
  onGranularityChange?: (granularity: GranularityChoice) => void;
  /** Fixed chart width, px. Default: the parent's width. */
  width?: number;
  /** Chart height, px. Default 260. */
  height?: number;
  /** Heading level of the section title; chart titles are one level below. Default 3. */
  headingLevel?: HeadingLevel;
  /**
   * Id of the section title's heading, for a host that names its own landmark with it (`aria-labelledby`), as
   * `UserDetailPage` names its section. The component's `<section>` is then left unnamed, so screen readers meet one
   * region, not two with the same name. Default: a generated id, naming the component's own region.
   */
  headingId?: string;
  /** BCP 47 locale for numbers and dates. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<TrendChartsLabels>;
}

/** The props of {@link TrendCharts} that are not its root element's attributes. */
const TREND_CHARTS_OWN_PROPS: OwnProps<TrendChartsProps, HTMLElement> = {
  trends: true,
  status: true,
  error: true,
  onRetry: true,
  changes: true,
  onChangeSelect: true,
  metric: true,
  defaultMetric: true,
  onMetricChange: true,
  focusMetric: true,
  range: true,
  defaultRange: true,
  onRangeChange: true,
  granularity: true,
  defaultGranularity: true,
  onGranularityChange: true,
  width: true,
  height: true,
  headingLevel: true,
  headingId: true,
  locale: true,
  labels: true,
  previous: true,
  cohort: true,
  cohortUserCount: true,
  cohortName: true,
};

const NO_CHANGES: readonly ChangeEvent[] = [];

function totalTraces(trends: UserTrends): number {
  let n = 0;
  for (const b of trends.buckets) n += b.traceCount;
  return n;
}

/**
 * A user's trends over time, one tab per metric (traces and errors, success rate, p50/p95 latency, cost, tokens):
 * lines downsampled with LTTB, the previous period as a dashed ghost line, the cohort as a dotted line, markers for
 * model switches and releases, a callout for each flagged regression, a crosshair tooltip with every metric of the
 * bucket, zoom by drag or keyboard (controlled `range`), a granularity choice and a table alternative per chart.
 * `data-state` is `loading`, `error`, `empty` or `ready`.
 */
export const TrendCharts = forwardRef<HTMLElement, TrendChartsProps>(function TrendCharts(props, ref) {
  const root = hostRootProps(props, TREND_CHARTS_OWN_PROPS, ref);
  const { locale = 'en-US', headingLevel = 3, height = 260 } = props;
  // New answers draw in a background render (sliced by React), not in the task that delivered them.
  const answer = useDeferredProps({ trends: props.trends, status: props.status, previous: props.previous, cohort: props.cohort, changes: props.changes });
  const { trends, status = trends ? 'success' : 'pending' } = answer;
  const l: TrendChartsLabels = useLabels('trendCharts', trendChartsLabels, props.labels);
  const ownHeadingId = useId();
  const headingId = props.headingId ?? ownHeadingId;
  const sectionRef = useRef<HTMLElement | null>(null);
  const sectionElementRef = useMergedRef(sectionRef, ref);
  const changes = answer.changes ?? NO_CHANGES;

  const [metric, setMetric] = useControllableState<TrendMetricKey>({
    value: props.metric,
    defaultValue: props.focusMetric ? TREND_METRIC_FOR_CARD[props.focusMetric] : (props.defaultMetric ?? 'traces'),
    onChange: props.onMetricChange,
  });
  const [range, setRange] = useControllableState<TimeRange | undefined>({
    value: props.range,
    defaultValue: props.defaultRange,
    onChange: (r) => r && props.onRangeChange?.(r),
  });
  const [granularity, setGranularity] = useControllableState<GranularityChoice>({
    value: props.granularity,
    defaultValue: props.defaultGranularity ?? 'auto',
    onChange: props.onGranularityChange,
  });

  const lastFocus = useRef(props.focusMetric ?? null);
  useEffect(() => {
    const card = props.focusMetric ?? null;
    const previous = lastFocus.current;
    lastFocus.current = card;
    if (!card || card === previous) return;
    const key = TREND_METRIC_FOR_CARD[card];
    setMetric(key);
    const tab = sectionRef.current?.querySelector<HTMLElement>(`[data-metric-tab="${key}"]`);
    tab?.focus();
    tab?.scrollIntoView?.({ block: 'nearest' });
  }, [props.focusMetric, setMetric]);

  const comparisons = useMemo<TrendComparisons>(
    () => ({ previous: answer.previous, cohort: answer.cohort, cohortUserCount: props.cohortUserCount, cohortName: props.cohortName }),
    [answer.previous, answer.cohort, props.cohortUserCount, props.cohortName],
  );
  const starts = useMemo(() => bucketStartsMs(trends?.buckets ?? []), [trends]);
  const g = trends?.granularity ?? 'day';
  const extent = useMemo(() => bucketExtent(starts, g), [starts, g]);
  const rangeFrom = range?.from;
  const rangeTo = range?.to;
  const domain = useMemo<MsRange | null>(
    () => (rangeFrom !== undefined && rangeTo !== undefined ? snapToBuckets(rangeToMs({ from: rangeFrom, to: rangeTo }), g) : extent),
    [rangeFrom, rangeTo, g, extent],
  );
  const markers = useMemo(() => changeMarkers(changes, locale, l), [changes, locale, l]);

  const sectionProps = { ...rootElementProps(root, { className: 'us-trend-charts' }), ref: sectionElementRef, 'data-slot': 'trend-charts', 'aria-labelledby': props.headingId ? undefined : headingId };
  const Heading = `h${headingLevel}` as const;
  const heading = (
    <Heading id={headingId} className="us-trend-charts__title">
      {l.title}
    </Heading>
  );

  if (status === 'error' || (status === 'success' && !trends)) {
    return (
      <section {...sectionProps} data-state="error">
        {heading}
        <SectionState state="error" error={props.error} onRetry={props.onRetry} labels={{ error: l.error, retry: l.retry }} />
      </section>
    );
  }
  if (status === 'pending' || !trends) {
    return (
      <section {...sectionProps} data-state="loading" aria-busy="true">
        {heading}
        <SectionState state="loading" labels={{ loading: l.loading }} />
      </section>
    );
  }
  const controls = <GranularityPicker value={granularity} onChange={setGranularity} labels={l} />;
  if (!domain || !extent || totalTraces(trends) === 0) {
    return (
      <section {...sectionProps} data-state="empty">
        <div className="us-trend-charts__header">
          {heading}
          {controls}
        </div>
        <SectionState state="empty" message={l.noTraces} />
      </section>
    );
  }

  const controlled = props.range !== undefined;
  const zoomTo = (next: MsRange) => setRange(toTimeRange(next));
  const zoomOut = () => zoomTo(zoomRange(domain, 2, (domain.from + domain.to) / 2, g, controlled ? undefined : extent));
  const zoomed = domain.from > extent.from || domain.to < extent.to;
  const dateStyle = g === 'hour' ? 'hourYear' : 'dayYear';
  const lastStart = Math.max(domain.from, domain.to - bucketSizeMs(g));
  const onMarkerSelect = props.onChangeSelect
    ? (marker: ChartMarker) => {
        const change = changes[markers.indexOf(marker)];
        if (change) props.onChangeSelect?.(change);
      }
    : undefined;

  return (
    <section {...sectionProps} data-state="ready">
      <div className="us-trend-charts__header">
        {heading}
        {controls}
        <div className="us-trend-charts__zoom" data-slot="zoom">
          <span className="us-trend-charts__range">
            {formatLabel(l.range, { from: formatUtc(domain.from, dateStyle, locale), to: formatUtc(lastStart, dateStyle, locale) })}
          </span>
          <button type="button" className="us-button" onClick={zoomOut} disabled={!controlled && !zoomed}>
            {l.zoomOut}
          </button>
          {zoomed ? (
            <button type="button" className="us-button" onClick={() => zoomTo(extent)}>
              {l.resetZoom}
            </button>
          ) : null}
        </div>
      </div>
      <RegressionCallouts changes={changes} locale={locale} labels={l} />
      <Tabs.Root className="us-tabs" value={metric} onValueChange={(v) => setMetric(trendMetric(v as TrendMetricKey).key)}>
        <Tabs.List className="us-tabs__list" aria-label={l.tabs}>
          {TREND_METRICS.map((m) => (
            <Tabs.Trigger key={m.key} value={m.key} className="us-tabs__trigger" data-metric-tab={m.key}>
              {l[m.label]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {TREND_METRICS.map((m) => (
          <Tabs.Content key={m.key} value={m.key} className="us-tabs__panel" tabIndex={-1}>
            <TrendChart
              spec={m}
              trends={trends}
              starts={starts}
              domain={domain}
              comparisons={comparisons}
              markers={markers}
              width={props.width}
              height={height}
              headingLevel={headingBelow(headingLevel)}
              onZoom={zoomTo}
              onZoomOut={zoomOut}
              onMarkerSelect={onMarkerSelect}
              locale={locale}
              labels={l}
            />
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </section>
  );
});
