import { useEffect, useState } from 'react';
import { ModelUsage } from '../../components/ModelUsage/ModelUsage';
import { modelUsageLabels } from '../../components/ModelUsage/labels';
import type { GranularityChoice } from '../../components/TrendCharts/GranularityPicker';
import { trendChartsLabels } from '../../components/TrendCharts/labels';
import { TrendCharts } from '../../components/TrendCharts/TrendCharts';
import { previousRange, rangeToMs, toIso } from '../../core/engine/time';
import type { TimeRange } from '../../core/model';
import { useModelUsage, useUserTrends } from '../../hooks/query-hooks';
import { queryStateProps } from './query-props';
import type { SectionContentProps } from './section-content-props';
import { useContextLabels } from './use-context-labels';

/** The period of equal length ending where `range` starts. */
function previousOf(range: TimeRange): TimeRange {
  const previous = previousRange(rangeToMs(range));
  return { from: toIso(previous.from), to: toIso(previous.to) };
}

/** A zoom of the trend charts, remembered with the page range it was made in. */
interface Zoom {
  base: TimeRange;
  range: TimeRange;
}

/**
 * Built-in `trends` section: TrendCharts (with the previous period as a ghost line and model switches and releases
 * as markers) and ModelUsage. Zooming refetches at the zoomed range; a new page range drops the zoom.
 */
export function TrendsSection({ context: c, backLabel }: SectionContentProps & { backLabel: string }) {
  const [zoom, setZoom] = useState<Zoom | null>(null);
  const [choice, setChoice] = useState<GranularityChoice>('auto');
  const zoomed = zoom !== null && zoom.base.from === c.range.from && zoom.base.to === c.range.to;
  const range = zoomed ? zoom.range : c.range;
  const granularity = choice === 'auto' ? undefined : choice;
  const trends = useUserTrends({ userId: c.userId, range, granularity }, { keepPreviousData: true });
  const resolved = trends.data?.granularity;
  const previous = useUserTrends({ userId: c.userId, range: previousOf(range), granularity: resolved }, { enabled: resolved !== undefined });
  const usage = useModelUsage({ userId: c.userId, range, granularity }, { keepPreviousData: true });
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
          headingLevel={c.contentHeadingLevel}
          locale={c.locale}
          labels={usageLabels}
        />
      ) : null}
    </div>
  );
}
