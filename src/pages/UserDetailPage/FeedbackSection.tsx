import { FeedbackPanel } from '../../components/FeedbackPanel/FeedbackPanel';
import { feedbackPanelLabels } from '../../components/FeedbackPanel/labels';
import { useFeedbackComments } from '../../hooks/cursor-hooks';
import { useFeedback, useModelUsage, useUserTrends } from '../../hooks/query-hooks';
import { cohortCompare } from './cohort-compare';
import { queryStateProps } from './query-props';
import { contentTitleProps, type HeadedSectionContentProps } from './section-content-props';
import { useContextLabels } from './use-context-labels';

/** Comments per page of the feedback section. */
const COMMENTS_PAGE_SIZE = 20;

/**
 * Built-in `feedback` section (shown only when the provider has feedback): FeedbackPanel with the success-rate
 * overlay and change markers. Everything is asked at the provider's automatic granularity, so the overlay lines up
 * with the feedback buckets and shares its requests with the trends section. Placed by the page, the panel's title is
 * the section's heading.
 */
export function FeedbackSection({ context: c, heading }: HeadedSectionContentProps) {
  const params = { userId: c.userId, range: c.range };
  const overview = useFeedback(params);
  const comments = useFeedbackComments({ ...params, limit: COMMENTS_PAGE_SIZE });
  // Asked as the trends section asks (same cohort), so the two share one request.
  const trends = useUserTrends({ ...params, compare: cohortCompare(c) });
  const usage = useModelUsage(params);
  const labels = useContextLabels(feedbackPanelLabels, 'feedback');
  const { onTraceOpen } = c;
  return (
    <FeedbackPanel
      available={c.capabilities.feedback}
      overview={overview.data}
      {...queryStateProps(overview)}
      comments={comments}
      trends={trends.data}
      trendsStatus={trends.status}
      trendsError={trends.error}
      onTrendsRetry={trends.refetch}
      changes={usage.data?.changes}
      getTraceHref={c.getTraceHref}
      onTraceOpen={onTraceOpen ? (id) => onTraceOpen({ id }) : undefined}
      {...contentTitleProps(heading)}
      locale={c.locale}
      labels={labels}
    />
  );
}
