/**
 * How cursor-paged lists (conversations, traces) read what they show from the hook results they are given: their
 * state, result line and "Load more" footer.
 * @module
 */
import { formatCount } from './format';
import { formatLabel } from './format-label';
import type { ListState } from './ListFrame';
import type { CursorPagingProps, ListLoadProps } from './list-props';
import type { LoadMoreFooterProps } from './LoadMoreFooter';

/** Strings of a cursor-paged list's result line. */
export interface CursorListResultLabels {
  /** While the first page loads. */
  loading: string;
  /** Nothing loaded. */
  resultNone: string;
  /** `{shown}` rows loaded, total unknown. */
  resultLoaded: string;
  /** `{shown}` of `{total}` rows loaded. */
  resultCount: string;
}

/** The state of a cursor-paged list: an error with no rows is `error`; a failed next page keeps it `ready`. */
function cursorListState(status: ListLoadProps['status'], loaded: number): ListState {
  if (status === 'pending') return 'loading';
  if (loaded === 0) return status === 'error' ? 'error' : 'empty';
  return 'ready';
}

/** The result line of a cursor-paged list: "120 of 3,400 traces", "120 traces" when the total is unknown. */
function cursorListResultText(
  status: ListLoadProps['status'],
  loaded: number,
  total: number | undefined,
  locale: string,
  labels: CursorListResultLabels,
): string {
  if (status === 'pending') return labels.loading;
  if (loaded === 0) return status === 'error' ? '' : labels.resultNone;
  const shown = formatCount(loaded, locale);
  return total === undefined
    ? formatLabel(labels.resultLoaded, { shown })
    : formatLabel(labels.resultCount, { shown, total: formatCount(total, locale) });
}

/** What a cursor-paged list shows, from {@link cursorListView}. */
export interface CursorListView {
  /** Load state, `success` by default. */
  status: NonNullable<ListLoadProps['status']>;
  /** A request is in flight (`aria-busy`, `data-fetching`). */
  fetching: boolean;
  /** The last request failed (the first page, a refetch or the next page). */
  failed: boolean;
  /** Rows show (not loading, at least one loaded). */
  showRows: boolean;
  /** `data-state` of the root. */
  state: ListState;
  /** The result line. */
  resultText: string;
  /** A refetch (not a next page) runs while the rows show: the result line says "Updating…". */
  updating: boolean;
  /** The `LoadMoreFooter` props that come from the paging state. */
  footer: Omit<LoadMoreFooterProps, 'root' | 'labels' | 'focusRow'>;
}

/** Reads a cursor-paged list's props (as the infinite-query hooks return them) and its loaded row count. */
export function cursorListView(
  props: ListLoadProps & CursorPagingProps & { rowCount?: number },
  loaded: number,
  locale: string,
  labels: CursorListResultLabels,
): CursorListView {
  const status = props.status ?? 'success';
  const fetching = props.isFetching ?? false;
  const isFetchingNextPage = props.isFetchingNextPage ?? false;
  const failed = status === 'error';
  return {
    status,
    fetching,
    failed,
    showRows: status !== 'pending' && loaded > 0,
    state: cursorListState(status, loaded),
    resultText: cursorListResultText(status, loaded, props.rowCount, locale, labels),
    updating: fetching && !isFetchingNextPage && status === 'success',
    footer: {
      hasNextPage: props.hasNextPage ?? false,
      isFetchingNextPage,
      failed,
      onLoadMore: props.onLoadMore,
      infiniteScroll: props.infiniteScroll ?? true,
      rowCount: loaded,
    },
  };
}
