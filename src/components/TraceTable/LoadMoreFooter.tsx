/** Strings of {@link LoadMoreFooter}. */
export interface LoadMoreLabels {
  /** Button text. */
  loadMore: string;
  /** Shown while the next page loads. */
  loadingMore: string;
  /** Shown when the next page failed. */
  loadMoreError: string;
  /** Button text after a failure. */
  retry: string;
}

/** Props of {@link LoadMoreFooter}. */
export interface LoadMoreFooterProps {
  /** There is a next page. */
  hasNextPage: boolean;
  /** The next page is loading. */
  isFetchingNextPage: boolean;
  /** The last page request failed: the button retries it. */
  failed: boolean;
  /** Loads (or retries) the next page. */
  onLoadMore: (() => void) | undefined;
  /** Ref of the infinite-scroll sentinel (see `useInfiniteScroll`). */
  sentinelRef: (node: HTMLElement | null) => void;
  /** Strings. */
  labels: LoadMoreLabels;
}

/**
 * The end of a cursor-paged list: an infinite-scroll sentinel and a "Load more" button (keyboard and
 * no-IntersectionObserver fallback), a polite progress message while a page loads, and a retry after a failure.
 * Renders nothing on the last page.
 */
export function LoadMoreFooter({ hasNextPage, isFetchingNextPage, failed, onLoadMore, sentinelRef, labels }: LoadMoreFooterProps) {
  if (!hasNextPage) return null;
  return (
    <div className="us-load-more" data-slot="load-more" data-state={failed ? 'error' : isFetchingNextPage ? 'loading' : 'idle'}>
      <span ref={sentinelRef} className="us-load-more__sentinel" aria-hidden="true" />
      <span className="us-load-more__status" role="status">
        {isFetchingNextPage ? (
          <>
            <span className="us-spinner" aria-hidden="true" /> {labels.loadingMore}
          </>
        ) : failed ? (
          <span className="us-load-more__error">{labels.loadMoreError}</span>
        ) : null}
      </span>
      {onLoadMore ? (
        <button type="button" className="us-button" onClick={onLoadMore} disabled={isFetchingNextPage}>
          {failed ? labels.retry : labels.loadMore}
        </button>
      ) : null}
    </div>
  );
}
