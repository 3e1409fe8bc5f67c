/**
 * The props every list and grid takes from the query hooks as they come: the load state and, for cursor-paged lists,
 * the paging.
 * @module
 */

/** The load state of a list, as the query hooks return it. */
export interface ListLoadProps {
  /** Load state: `pending` shows placeholder rows, `error` an error with Retry. Default `success`. */
  status?: 'pending' | 'error' | 'success';
  /** A request is in flight while older rows show (marks the list busy). */
  isFetching?: boolean;
  /** The load error, shown in the error state. */
  error?: unknown;
  /** Retry button of the error state (e.g. the hook's `refetch`). */
  onRetry?: () => void;
}

/**
 * Cursor paging of a list, as the infinite-query hooks return it. A failed next page keeps the loaded rows and
 * offers Retry in the footer.
 */
export interface CursorPagingProps {
  /** There is a next page (the hook's `hasNextPage`). */
  hasNextPage?: boolean;
  /** The next page is loading (the hook's `isFetchingNextPage`). */
  isFetchingNextPage?: boolean;
  /** Loads the next page (the hook's `fetchNextPage`), from "Load more" and from infinite scroll. */
  onLoadMore?: () => void;
  /** Load the next page when the end of the list scrolls into view. Default `true`. */
  infiniteScroll?: boolean;
}

/** Locale and layout of a scrolling, virtualised list; each list's documentation gives its default sizes. */
export interface ListLayoutProps {
  /** Intl locale. Default `en-US`. */
  locale?: string;
  /** Height of the scrolling body (CSS length or px). */
  maxHeight?: number | string;
  /** Row height in px. */
  rowHeight?: number;
  /** Render every row up to this many; virtualise above. */
  virtualizeAbove?: number;
}
