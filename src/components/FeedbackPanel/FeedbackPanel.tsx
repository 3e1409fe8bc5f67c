import { headingBelow, type HeadingLevel } from '../primitives/heading-level';
import { forwardRef, useId } from 'react';
import { hostRootProps, rootElementProps, type OwnProps, type RootAttributes } from '../primitives/root-props';
import type { ChangeEvent, FeedbackOverview, UserTrends } from '../../core/results';
import { formatCount } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import { CommentList, type FeedbackCommentsSource } from './CommentList';
import { CommentMomentum } from './CommentMomentum';
import { FeedbackSummary } from './FeedbackSummary';
import { FeedbackTrends } from './FeedbackTrends';
import { feedbackPanelLabels, type FeedbackPanelLabels } from './labels';
import { ScoreDistribution } from './ScoreDistribution';
import { TopKeys } from './TopKeys';
import type { TraceLinkProps } from './TraceRef';
import { useLabels } from '../primitives/labels-context';

/** Props of {@link FeedbackPanel}. */
export interface FeedbackPanelProps extends TraceLinkProps, RootAttributes<HTMLElement> {
  /**
   * Whether the provider has feedback at all: pass `useCapabilities().feedback`. When false the panel renders
   * nothing. Default true.
   */
  available?: boolean;
  /** `getFeedback` answer; required once `status` is `success`. */
  overview?: FeedbackOverview | null;
  /** Status of the overview query. Default: `success` when `overview` is given, else `pending`. */
  status?: 'pending' | 'error' | 'success';
  /** The error of the overview's `error` state. */
  error?: unknown;
  /** Offered as Retry when the overview failed. */
  onRetry?: () => void;
  /** The comments, e.g. `useFeedbackComments({ userId, range, limit: 20 })` passed as is. Omit to hide the list. */
  comments?: FeedbackCommentsSource;
  /** `getUserTrends` over the same range and granularity: draws the success rate over the feedback trend. */
  trends?: UserTrends | null;
  /** Status of the trends query; a note (and Retry on error) shows while the overlay is missing. */
  trendsStatus?: 'pending' | 'error' | 'success';
  /** The error of the trends query. */
  trendsError?: unknown;
  /** Retries the trends query. */
  onTrendsRetry?: () => void;
  /** `ModelUsage.changes`: releases and model switches, marked on the trend with feedback before/after each. */
  changes?: readonly ChangeEvent[];
  /** Heading level of the section title; cards use the next level. Default 2. */
  headingLevel?: HeadingLevel;
  /**
   * Id of the panel's title heading, for a host that names its own landmark with it (`aria-labelledby`), as
   * `UserDetailPage` names its section. The component's `<section>` is then left unnamed, so screen readers meet one
   * region, not two with the same name. Default: a generated id, naming the component's own region.
   */
  headingId?: string;
  /** BCP 47 locale for numbers and dates. Default `en-US`. */
  locale?: string;
  /** Strings. */
  labels?: Partial<FeedbackPanelLabels>;
}

/** The props of {@link FeedbackPanel} that are not its root element's attributes. */
const FEEDBACK_PANEL_OWN_PROPS: OwnProps<FeedbackPanelProps, HTMLElement> = {
  available: true,
  overview: true,
  status: true,
  error: true,
  onRetry: true,
  comments: true,
  trends: true,
  trendsStatus: true,
  trendsError: true,
  onTrendsRetry: true,
  changes: true,
  headingLevel: true,
  headingId: true,
  locale: true,
  labels: true,
  getTraceHref: true,
  onTraceOpen: true,
};

/**
 * User feedback: Feedback Summary, then Feedback Trends (with the success-rate overlay and release / model-switch
 * markers with before/after numbers), Score Distribution, Top Feedback Keys and Comment Momentum in a grid, then
 * the comments with their traces. Renders nothing when `available` is false; shows a clear empty state when the
 * user left no feedback in the range. Overview, comments and overlay each have their own loading and error state.
 * `data-state` is `loading`, `error`, `empty` or `ready` (the overview's).
 */
export const FeedbackPanel = forwardRef<HTMLElement, FeedbackPanelProps>(function FeedbackPanel(props, ref) {
  const root = hostRootProps(props, FEEDBACK_PANEL_OWN_PROPS, ref);
  const {
    available = true,
    overview,
    status = overview ? 'success' : 'pending',
    error,
    onRetry,
    comments,
    trends,
    trendsStatus,
    trendsError,
    onTrendsRetry,
    changes,
    getTraceHref,
    onTraceOpen,
    headingLevel = 2,
    headingId,
    locale = 'en-US',
    labels,
  } = props;
  const ownTitleId = useId();
  const titleId = headingId ?? ownTitleId;
  const l: FeedbackPanelLabels = useLabels('feedback', feedbackPanelLabels, labels);
  if (!available) return null;
  const Heading = `h${headingLevel}` as const;
  const cardLevel = headingBelow(headingLevel);

  let state: 'loading' | 'error' | 'empty' | 'ready';
  let body;
  if (status === 'error' || (status === 'success' && !overview)) {
    state = 'error';
    body = <SectionState state="error" message={l.error} error={error} onRetry={onRetry} labels={{ retry: l.retry }} />;
  } else if (status === 'pending' || !overview) {
    state = 'loading';
    body = <SectionState state="loading" labels={{ loading: l.loading }} />;
  } else if (overview.summary.count === 0) {
    state = 'empty';
    const traces = overview.summary.traceCount;
    body = (
      <SectionState
        state="empty"
        message={
          <>
            {l.empty}
            {traces > 0 ? <> {formatLabel(l.emptyTraces, { traces: formatCount(traces, locale) })}</> : null}
          </>
        }
      />
    );
  } else {
    state = 'ready';
    const shared = { overview, headingLevel: cardLevel, locale, labels: l };
    body = (
      <div className="us-feedback-panel__grid">
        <FeedbackSummary {...shared} />
        <FeedbackTrends
          {...shared}
          trends={trends}
          trendsStatus={trendsStatus}
          trendsError={trendsError}
          onTrendsRetry={onTrendsRetry}
          changes={changes}
        />
        <ScoreDistribution {...shared} />
        <TopKeys {...shared} />
        <CommentMomentum {...shared} />
      </div>
    );
  }

  return (
    <section
      {...rootElementProps(root, { className: 'us-feedback-panel' })}
      data-slot="feedback-panel"
      data-state={state}
      aria-labelledby={headingId ? undefined : titleId}
      aria-busy={state === 'loading' || undefined}
    >
      <header className="us-feedback-panel__header">
        <Heading id={titleId} className="us-feedback-panel__title">
          {l.title}
        </Heading>
        <p className="us-feedback-panel__subtitle">{l.subtitle}</p>
      </header>
      {body}
      {comments && state !== 'empty' ? (
        <CommentList
          source={comments}
          feedbackCount={overview && state === 'ready' ? overview.summary.count : null}
          headingLevel={cardLevel}
          getTraceHref={getTraceHref}
          onTraceOpen={onTraceOpen}
          locale={locale}
          labels={l}
        />
      ) : null}
    </section>
  );
});
