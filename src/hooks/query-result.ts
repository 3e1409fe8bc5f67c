import type { ProviderError } from '../core/errors';
import type { Page } from '../core/results';

/** Options every data hook accepts. */
export interface QueryHookOptions {
  /** Set `false` to hold the request (the result stays `pending` with `isEnabled: false`). Default `true`. */
  enabled?: boolean;
  /**
   * When params change, keep showing the previous params' data (with `isPlaceholderData: true` and
   * `isFetching: true`) until the new answer arrives. Default `false`: data becomes `undefined` and status
   * `pending`, so data for other params is never shown by accident.
   */
  keepPreviousData?: boolean;
}

/** Fields present in every state of a {@link QueryResult}. */
export interface QueryResultBase {
  /** A request is in flight (first load, refetch or, with `keepPreviousData`, the new params' load). */
  isFetching: boolean;
  /** `data` belongs to the previous params and is shown only because `keepPreviousData` was set. */
  isPlaceholderData: boolean;
  /**
   * False when the hook is held: `enabled: false`, or the provider lacks the capability this hook needs.
   * A held hook stays `pending` with `isFetching: false` and never calls the provider.
   */
  isEnabled: boolean;
  /** Asks the provider again for the current params. */
  refetch: () => void;
}

/** No answer yet (loading, or held when `isEnabled` is false). */
export interface QueryPending extends QueryResultBase {
  /** Status discriminant. */
  status: 'pending';
  /** Nothing to show yet. */
  data: undefined;
  /** No error. */
  error: null;
}

/** The last request failed (after retries). */
export interface QueryError<T> extends QueryResultBase {
  /** Status discriminant. */
  status: 'error';
  /** The last good answer for these params when a refetch failed; otherwise `undefined`. */
  data: T | undefined;
  /** Usually a {@link ProviderError}; anything else a provider threw arrives as it was thrown. */
  error: ProviderError | Error;
}

/** An answer is available. */
export interface QuerySuccess<T> extends QueryResultBase {
  /** Status discriminant. */
  status: 'success';
  /** The answer (or, when `isPlaceholderData`, the previous params' answer). */
  data: T;
  /** No error. */
  error: null;
}

/**
 * What every userscope data hook returns: a union discriminated by `status`, so checking
 * `status === 'success'` narrows `data` to `T`.
 */
export type QueryResult<T> = QueryPending | QueryError<T> | QuerySuccess<T>;

/** The pages a cursor hook has loaded so far, oldest first. */
export interface CursorPages<T> {
  /** Pages as the provider returned them. */
  pages: Page<T>[];
}

/** Extra fields of cursor-paged hooks (`useConversations`, `useTraces`, `useFeedbackComments`). */
export interface CursorFields<T> {
  /** Rows of every loaded page, flattened in order; empty while nothing is loaded. */
  rows: T[];
  /** The last loaded page has a `nextCursor`. */
  hasNextPage: boolean;
  /** Loads the next page; does nothing without a next page or while one is loading. */
  fetchNextPage: () => void;
  /** The next page is loading. */
  isFetchingNextPage: boolean;
}

/** What cursor-paged hooks return: {@link QueryResult} over the loaded pages, plus {@link CursorFields}. */
export type CursorQueryResult<T> = QueryResult<CursorPages<T>> & CursorFields<T>;

/** The subset of a TanStack Query result userscope reads (reading only these keeps re-renders minimal). */
export type TanstackStatus<T> =
  | { status: 'pending'; data: T | undefined; error: Error | null }
  | { status: 'error'; data: T | undefined; error: Error }
  | { status: 'success'; data: T; error: Error | null };

/** Builds a {@link QueryResult} from TanStack Query's status, data and error plus the shared fields. */
export function toQueryResult<T>(query: TanstackStatus<T>, base: QueryResultBase): QueryResult<T> {
  switch (query.status) {
    case 'pending':
      return { ...base, status: 'pending', data: undefined, error: null };
    case 'error':
      return { ...base, status: 'error', data: query.data, error: query.error };
    case 'success':
      return { ...base, status: 'success', data: query.data, error: null };
  }
}
