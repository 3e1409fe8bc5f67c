import { useEffect, useState } from 'react';
import { cohortNames } from '../../components/MetricCards/cohort-names';
import { metricCardsLabels } from '../../components/MetricCards/labels';
import { ModelUsage } from '../../components/ModelUsage/ModelUsage';
import { modelUsageLabels } from '../../components/ModelUsage/labels';
import type { GranularityChoice } from '../../components/TrendCharts/GranularityPicker';
import { trendChartsLabels } from '../../components/TrendCharts/labels';
import { TrendCharts } from '../../components/TrendCharts/TrendCharts';
import { previousRange, rangeToMs, toIso } from '../../core/engine/time';
import type { TimeRange } from '../../core/model';
import type { UserTrends } from '../../core/results';
import { useModelUsage, useUserTrends } from '../../hooks/query-hooks';
import { cohortCompare } from './cohort-compare';
import { queryStateProps } from './query-props';
import type { SectionContentProps } from './section-content-props';
import { useContextLabels } from './use-context-labels';

/** The period of equal length ending where `range` starts. */
function previousOf(range: TimeRange): TimeRange {
  const previous = previousRange(rangeToMs(range));
  return { from: toIso(previous.from), to: toIso(previous.to) };
}

/** The cohort of a `getUserTrends` answer as TrendCharts takes it: its own trends, and its user count. */
function cohortLine(trends: UserTrends | undefined): { trends: UserTrends; userCount: number } | undefined {
  if (trends?.cohort === undefined) return undefined;
  return { trends: { granularity: trends.granularity, buckets: trends.cohort.buckets }, userCount: trends.cohort.userCount };
}

/** A zoom of the trend charts, remembered with the page range it was made in. */
interface Zoom {
  base: TimeRange;
  range: TimeRange;
}

/**
 * Built-in `trends` section: TrendCharts (with the previous period as a ghost line, the page's cohort as a dotted
 * line when the provider supports cohorts, and model switches and releases as markers) and ModelUsage. Zooming
 * refetches at the zoomed range; a new page range drops the zoom.
 */
export function TrendsSection({ context: c, backLabel }: SectionContentProps & { backLabel: string }) {
  const [zoom, setZoom] = useState<Zoom | null>(null);
  const [choice, setChoice] = useState<GranularityChoice>('auto');
  const zoomed = zoom !== null && zoom.base.from === c.range.from && zoom.base.to === c.range.to;
  const range = zoomed ? zoom.range : c.range;
  const granularity = choice === 'auto' ? undefined : choice;
  const compare = cohortCompare(c);
  const cohort = compare?.cohort;
  const trends = useUserTrends({ userId: c.userId, range, granularity, compare }, { keepPreviousData: true });
  // A placeholder answer (kept while a new query loads) may be of another cohort: draw the cohort line from fresh data only.
  const cohortTrends = cohort && !trends.isPlaceholderData ? cohortLine(trends.data) : undefined;
  // The previous period is asked at the granularity the current range resolved to, so wait for its own answer
  // (not the placeholder kept from the last range, whose granularity may differ).
  const resolved = trends.isPlaceholderData ? undefined : trends.data?.granularity;
  const previous = useUserTrends({ userId: c.userId, range: previousOf(range), granularity: resolved }, { enabled: resolved !== undefined });
  const usage = useModelUsage({ userId: c.userId, range, granularity }, { keepPreviousData: true });
  // The page range's models fix each model's colour under a zoom (the metrics section asks the same query).
  const pageUsage = useModelUsage({ userId: c.userId, range: c.range, granularity: undefined }, { enabled: c.capabilities.modelUsage });
  const trendLabels = useContextLabels(trendChartsLabels, 'trendCharts');
  const usageLabels = useContextLabels(modelUsageLabels, 'modelUsage');

  // TrendCharts has acted on the focus request (its effect runs before this one): acknowledge it, so the same
  // card can ask again.
  const { focusMetric, onMetricFocus } = c;
  useEffect(() => {
    if (focusMetric !== null) onMetricFocus(null);
  }, [focusMetric, onMetricFocus]);

  return (
    <div className="us-user-detail__trends">
      <TrendCharts
        trends={trends.data}
        {...queryStateProps(trends)}
        previous={previous.data}
        cohort={cohortTrends?.trends}
        cohortUserCount={cohortTrends?.userCount}
        cohortName={cohort ? cohortNames(cohort, metricCardsLabels).users : undefined}
        changes={usage.data?.changes}
        focusMetric={focusMetric}
        range={range}
        onRangeChange={(next) => setZoom({ base: c.range, range: next })}
        granularity={choice}
        onGranularityChange={setChoice}
        headingLevel={c.contentHeadingLevel}
        locale={c.locale}
        labels={trendLabels}
      />
      {zoomed ? (
        <button type="button" className="us-button us-user-detail__back" onClick={() => setZoom(null)}>
          {backLabel}
        </button>
      ) : null}
      {c.capabilities.modelUsage ? (
        <ModelUsage
          usage={usage.data}
          {...queryStateProps(usage)}
          range={range}
          colorModels={pageUsage.data?.models.map((m) => m.model)}
          headingLevel={c.contentHeadingLevel}
          locale={c.locale}
          labels={usageLabels}
        />
      ) : null}
    </div>
  );
}
