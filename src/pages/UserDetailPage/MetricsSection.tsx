import { MetricCards } from '../../components/MetricCards/MetricCards';
import { useUsersDistribution } from '../../hooks/population-hooks';
import { useModelUsage, useUserMetrics } from '../../hooks/query-hooks';
import { queryStateProps } from './query-props';
import type { HeadedSectionContentProps } from './section-content-props';

/**
 * Built-in `metrics` section: key metrics against the previous period (every user when it has no trace) and, when the
 * provider supports cohorts and one is selected, the cohort; the verdict reads the user's regressions first; the
 * user's cost is placed among every user ("in the top 2% of users") when the provider, or the hook's bounded
 * fallback, can answer. When a trends section is shown, a card click asks the trend charts to show that metric
 * (otherwise the card titles are plain text). The cards are a group named by the section's heading, not a second
 * region of the same name.
 */
export function MetricsSection({ context: c, heading }: HeadedSectionContentProps) {
  const cohort = c.capabilities.cohorts ? c.cohort : null;
  // Every user comes along, so a user whose previous period is empty still compares with something.
  const metrics = useUserMetrics({ userId: c.userId, range: c.range, compare: cohort ? { cohort, population: true } : { population: true } });
  // The same query as the trends section's (unzoomed, automatic granularity), so one request serves both and the
  // verdict reads the regressions the callouts show.
  const usage = useModelUsage({ userId: c.userId, range: c.range, granularity: undefined }, { enabled: c.capabilities.modelUsage });
  // Where the user's cost sits among every user; hidden until known, on error, or when no answer exists (null).
  const costPosition = useUsersDistribution({ range: c.range, metric: 'costUsd', binCount: 1, userId: c.userId });
  return (
    <MetricCards
      metrics={metrics.data}
      {...queryStateProps(metrics)}
      cohort={cohort}
      changes={usage.data?.changes}
      positions={costPosition.data ? [costPosition.data] : undefined}
      onMetricFocus={c.trendsShown ? c.onMetricFocus : undefined}
      headingLevel={c.contentHeadingLevel}
      aria-labelledby={heading.titleId}
      locale={c.locale}
    />
  );
}
