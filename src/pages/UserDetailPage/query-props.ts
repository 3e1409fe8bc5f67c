/**
 * Query-hook results spread into the components' props as they come.
 * @module
 */
import type { CursorQueryResult, QueryResult } from '../../hooks/query-result';

/** A query's load state as a section component takes it: status, error and Retry (the query's own refetch). */
export function queryStateProps(result: QueryResult<unknown>) {
  return { status: result.status, error: result.error, onRetry: result.refetch };
}

/** A cursor query's rows, total, load state and paging, as `ConversationList` and `TraceTable` take them. */
export function cursorListProps<T>(result: CursorQueryResult<T>) {
  return {
    ...queryStateProps(result),
    rows: result.rows,
    rowCount: result.data?.pages[0]?.total,
    isFetching: result.isFetching,
    hasNextPage: result.hasNextPage,
    isFetchingNextPage: result.isFetchingNextPage,
    onLoadMore: result.fetchNextPage,
  };
}
