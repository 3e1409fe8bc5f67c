import { useRef, useState, type FocusEvent, type RefObject } from 'react';
import { useInfiniteScroll } from './use-infinite-scroll';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

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
  /** The last page request failed: the button retries it, and scrolling does not. */
  failed: boolean;
  /** Loads (or retries) the next page. */
  onLoadMore: (() => void) | undefined;
  /** Load the next page when the footer scrolls near the end of `root`'s view. */
  infiniteScroll: boolean;
  /** The scrolling element the footer sits at the end of. */
  root: RefObject<HTMLElement | null>;
  /** Rows loaded so far (infinite scroll looks again when rows arrive). */
  rowCount: number;
  /**
   * Moves focus to the row at `index` (making it the list's active row). Called with the first new row when the
   * page the button asked for arrives while focus is still on the footer (or was dropped with it), so the user
   * reads on from there.
   */
  focusRow: (index: number) => void;
  /** Strings. */
  labels: LoadMoreLabels;
}

/**
 * The end of a cursor-paged list: an infinite-scroll sentinel (see `useInfiniteScroll`) and a "Load more" button
 * (keyboard and no-IntersectionObserver fallback), a polite progress message while a page loads, and a retry after
 * a failure. Renders nothing on the last page.
 *
 * Keyboard and screen-reader users keep their place: while focus is on the footer, scrolling it into view does not
 * load (Tab can reach the button and move past it); the button stays focusable while its page loads
 * (`aria-disabled`, not `disabled`, which would drop focus); and when that page arrives, focus moves to its first row.
 */
export function LoadMoreFooter(props: LoadMoreFooterProps) {
  const { hasNextPage, isFetchingNextPage, failed, onLoadMore, infiniteScroll, root, rowCount, focusRow, labels } = props;
  const footer = useRef<HTMLDivElement>(null);
  const [focusInside, setFocusInside] = useState(false);
  // Row count when the button asked for a page: the first new row is focused when it arrives.
  const focusFrom = useRef<number | null>(null);
  const sentinelRef = useInfiniteScroll({
    root,
    enabled: infiniteScroll && hasNextPage && !isFetchingNextPage && !failed && !focusInside,
    onLoadMore,
    rowCount,
  });

  // A layout effect: when the last page removes the footer, focus moves on in the same frame it falls to <body>.
  useIsomorphicLayoutEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    if (failed) focusFrom.current = null;
    if (failed || rowCount <= from) return;
    focusFrom.current = null;
    const active = document.activeElement;
    if (active === null || active === document.body || footer.current?.contains(active)) focusRow(from);
  }, [rowCount, failed]);

  // The last page removes the footer without a blur event.
  if (!hasNextPage && focusInside) setFocusInside(false);
  if (!hasNextPage) return null;
  const load = () => {
    if (isFetchingNextPage || !onLoadMore) return;
    focusFrom.current = rowCount;
    onLoadMore();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusInside(false);
  };
  return (
    <div
      ref={footer}
      className="us-load-more"
      data-slot="load-more"
      data-state={failed ? 'error' : isFetchingNextPage ? 'loading' : 'idle'}
      onFocus={() => setFocusInside(true)}
      onBlur={onBlur}
    >
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
        <button type="button" className="us-button" onClick={load} aria-disabled={isFetchingNextPage || undefined}>
          {failed ? labels.retry : labels.loadMore}
        </button>
      ) : null}
    </div>
  );
}
