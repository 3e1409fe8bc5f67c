import { type HeadingLevel } from '../primitives/heading-level';
import { useEffect, useId, useRef } from 'react';
import type { FeedbackComment } from '../../core/results';
import { formatCount, formatDateTime } from '../primitives/format';
import { formatLabel } from '../primitives/format-label';
import { SectionState } from '../primitives/SectionState';
import type { FeedbackPanelLabels } from './labels';
import { ScoreBadge } from './ScoreBadge';
import { shortText } from './short-text';
import { TraceRef, type TraceLinkProps } from './TraceRef';

/**
 * The comments part of the panel, shaped like `useFeedbackComments()`'s result so it can be passed straight through
 * (`comments={useFeedbackComments(...)}`): rows newest first, cursor-paged.
 */
export interface FeedbackCommentsSource {
  /** Query status. */
  status: 'pending' | 'error' | 'success';
  /** Comments of every loaded page, newest first. */
  rows: readonly FeedbackComment[];
  /** The error of the `error` state (a failed first page, or a failed next page shown under the rows). */
  error?: unknown;
  /** All comments in range, when known; otherwise read from the first loaded page's `total`. */
  total?: number;
  /** The hook's loaded pages, read only for the first page's `total`. */
  data?: { pages: readonly { total?: number }[] };
  /** More comments can be loaded. */
  hasNextPage?: boolean;
  /** The next page is loading. */
  isFetchingNextPage?: boolean;
  /** Loads the next page ("Load more"). */
  fetchNextPage?: () => void;
  /** Loads the comments again (Retry after a failed first page). */
  refetch?: () => void;
}

/** Props of {@link CommentList}. */
export interface CommentListProps extends TraceLinkProps {
  /** The comments. */
  source: FeedbackCommentsSource;
  /** Feedback records in range (for the empty message); `null` when unknown. */
  feedbackCount: number | null;
  /** Heading level of the title. */
  headingLevel: HeadingLevel;
  /** Locale. */
  locale: string;
  /** Strings. */
  labels: FeedbackPanelLabels;
}

/**
 * The comments, newest first: each with its score (by kind), key, time and related trace (link or callback), the
 * comment itself rendered as plain text. "Load more" fetches the next cursor page and moves focus to the first new
 * comment; a polite status says how many are shown.
 */
export function CommentList(props: CommentListProps) {
  const { source, feedbackCount, headingLevel, locale, labels: l, getTraceHref, onTraceOpen } = props;
  const { status, rows, hasNextPage = false, isFetchingNextPage = false } = source;
  const titleId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const Heading = `h${headingLevel}` as const;
  const total = source.total ?? source.data?.pages[0]?.total;

  // After "Load more": focus the first new comment once it arrives (or give up if the page failed).
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    if (status === 'error') focusFrom.current = null;
    if (rows.length <= from) return;
    focusFrom.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('[data-slot="feedback-comment"]')[from]?.focus();
  }, [rows.length, status]);

  const loadMore = () => {
    if (isFetchingNextPage || !source.fetchNextPage) return;
    focusFrom.current = rows.length;
    source.fetchNextPage();
  };

  let body;
  if (rows.length === 0 && status === 'pending') {
    body = <SectionState state="loading" labels={{ loading: l.commentsLoading }} />;
  } else if (rows.length === 0 && status === 'error') {
    body = (
      <SectionState state="error" message={l.commentsError} error={source.error} onRetry={source.refetch} labels={{ retry: l.retry }} />
    );
  } else if (rows.length === 0) {
    body = (
      <SectionState
        state="empty"
        message={
          feedbackCount !== null && feedbackCount > 0
            ? formatLabel(l.commentsEmptyScoresOnly, { count: formatCount(feedbackCount, locale) })
            : l.commentsEmpty
        }
      />
    );
  } else {
    body = (
      <>
        <ol ref={listRef} className="us-feedback-comments__list">
          {rows.map((c) => (
            <li key={c.id} className="us-feedback-comment" data-slot="feedback-comment" tabIndex={-1}>
              <p className="us-feedback-comment__meta">
                <ScoreBadge comment={c} locale={locale} labels={l} />
                <span className="us-feedback-comment__key">{shortText(c.key)}</span>
                <time className="us-feedback-comment__time" dateTime={c.createdAt}>
                  {formatDateTime(c.createdAt, locale)}
                </time>
              </p>
              <p className="us-feedback-comment__text" dir="auto">
                {c.comment}
              </p>
              <TraceRef comment={c} getTraceHref={getTraceHref} onTraceOpen={onTraceOpen} locale={locale} labels={l} />
            </li>
          ))}
        </ol>
        {status === 'error' ? (
          <SectionState
            state="error"
            message={l.commentsError}
            error={source.error}
            onRetry={hasNextPage ? loadMore : source.refetch}
            labels={{ retry: l.retry }}
          />
        ) : null}
        <div className="us-feedback-comments__footer">
          <p className="us-feedback-comments__progress" role="status">
            {total === undefined
              ? formatLabel(l.commentsShownNoTotal, { shown: formatCount(rows.length, locale) })
              : formatLabel(l.commentsShown, { shown: formatCount(rows.length, locale), total: formatCount(total, locale) })}
          </p>
          {hasNextPage && status !== 'error' ? (
            <button
              type="button"
              className="us-button"
              data-slot="load-more"
              aria-disabled={isFetchingNextPage || undefined}
              onClick={loadMore}
            >
              {isFetchingNextPage ? (
                <>
                  <span className="us-spinner" aria-hidden="true" /> {l.loadingMore}
                </>
              ) : (
                l.loadMore
              )}
            </button>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <section
      className="us-feedback-comments"
      data-slot="feedback-comments"
      aria-labelledby={titleId}
      aria-busy={isFetchingNextPage || status === 'pending'}
    >
      <Heading id={titleId} className="us-feedback-card__title">
        {l.commentsTitle}
      </Heading>
      {body}
    </section>
  );
}
