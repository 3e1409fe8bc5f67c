import { MetricCards } from '../../components/MetricCards/MetricCards';
import { useUserMetrics } from '../../hooks/query-hooks';
import { queryStateProps } from './query-props';
import type { HeadedSectionContentProps } from './section-content-props';

/**
 * Built-in `metrics` section: key metrics against the previous period and, when the provider supports cohorts and
 * one is selected, the cohort. When a trends section is shown, a card click asks the trend charts to show that metric
 * (otherwise the card titles are plain text). The cards are a group named by the section's heading, not a second
 * region of the same name.
 */
export function MetricsSection({ context: c, heading }: HeadedSectionContentProps) {
  const cohort = c.capabilities.cohorts ? c.cohort : null;
  const metrics = useUserMetrics({ userId: c.userId, range: c.range, compare: cohort ? { cohort } : undefined });
  return (
    <MetricCards
      metrics={metrics.data}
      {...queryStateProps(metrics)}
      cohort={cohort}
      onMetricFocus={c.trendsShown ? c.onMetricFocus : undefined}
      headingLevel={c.contentHeadingLevel}
      aria-labelledby={heading.titleId}
      locale={c.locale}
    />
  );
}
